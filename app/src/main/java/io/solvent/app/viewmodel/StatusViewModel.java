package io.solvent.app.viewmodel;

import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.sim.loop.EngineView;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.solvent.engine.io.live.LiveSession;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The status bar: the engine's clock and state, the speed asked and the speed reached, feed events per second, the
 * feed's state (recorded, or each live source's connection) and how far the whole-book figures lag.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper feed = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper risk = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final LongSupplier wallNanos;
    private Supplier<LiveSession.Health> live;
    private long lastWall = Long.MIN_VALUE;
    private long lastPosition;
    private long lastSimMs = Long.MIN_VALUE;
    private double eventsPerSecond = Double.NaN;
    private double simPerWall = Double.NaN;

    /** @param wallNanos the wall clock, ns (System::nanoTime; a fake one in tests) */
    public StatusViewModel(LongSupplier wallNanos) {
        this.wallNanos = wallNanos;
    }

    /**
     * Shows a live session's fault counts beside its sources' states from the next update on: messages, those not
     * understood, binary frames, late and repeated prices dropped, reconnections.
     *
     * @param health the session's counts ({@link LiveSession#health()}), read on every update (FX thread)
     */
    public void watchLive(Supplier<LiveSession.Health> health) {
        this.live = health;
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        long now = wallNanos.getAsLong();
        if (lastWall != Long.MIN_VALUE && now - lastWall >= 500_000_000L) {
            double secs = (now - lastWall) / 1e9;
            eventsPerSecond = (v.position() - lastPosition) / secs;
            simPerWall = lastSimMs == Long.MIN_VALUE || v.timeMs() == Long.MIN_VALUE ? Double.NaN
                    : (v.timeMs() - lastSimMs) / 1000.0 / secs;
            lastWall = now;
            lastPosition = v.position();
            lastSimMs = v.timeMs();
        } else if (lastWall == Long.MIN_VALUE) {
            lastWall = now;
            lastPosition = v.position();
            lastSimMs = v.timeMs();
        }
        clock.set(Format.time(v.timeMs()));
        state.set(v.state().name().toLowerCase(Locale.ROOT) + (v.error().isEmpty() ? "" : ": " + v.error())
                + (v.labels().size() > 1 ? " · run " + v.activeLabel() : ""));
        String asked = v.speed() == 0 ? "—" : Double.isInfinite(v.speed()) ? "fastest"
                : String.format(Locale.ROOT, "%.0f×", v.speed());
        speed.set("speed " + asked + (Double.isNaN(simPerWall) || v.state() != EngineView.State.PLAYING ? ""
                : String.format(Locale.ROOT,
                " (reached %.0f×)", simPerWall)));
        rate.set(Double.isNaN(eventsPerSecond) || v.state() != EngineView.State.PLAYING ? "— events/s"
                : String.format(Locale.ROOT, "%,.0f events/s", eventsPerSecond));
        feed.set(feedText(v) + (live == null || v.sources().isEmpty() ? "" : " · " + counts(live.get())));
        long lag = v.risk().asOfMs() == Long.MIN_VALUE || v.timeMs() == Long.MIN_VALUE ? -1
                : v.timeMs() - v.risk().asOfMs();
        risk.set(v.risk().asOfMs() == Long.MIN_VALUE ? "whole-book figures: none yet"
                : "whole-book figures as of " + Format.clock(v.risk().asOfMs())
                        + (lag > 0 ? " (" + Format.duration(lag) + " behind)" : " (now)"));
        notice.set(v.notice());
    }

    private static String feedText(EngineView v) {
        if (v.sources().isEmpty()) {
            return "feed: recorded";
        }
        StringBuilder b = new StringBuilder("feed:");
        for (SourceStatusEvent s : v.sources()) {
            b.append(' ').append(s.source()).append(' ').append(switch (s.status()) {
                case CONNECTED -> "connected";
                case STALE -> "STALE";
                case DISCONNECTED -> "RECONNECTING";
            });
            if (!s.reason().isEmpty() && s.status() != SourceStatusEvent.Status.CONNECTED) {
                b.append(" (").append(s.reason()).append(')');
            }
        }
        return b.toString();
    }

    private static String counts(LiveSession.Health h) {
        long reconnections = Math.max(0, h.connections() - 1);
        return String.format(Locale.ROOT, "%,d messages, %,d not understood, %,d binary, %,d late, %,d repeated, "
                        + "%,d reconnections%s%s", h.messages(), h.notUnderstood(), h.unreadable(), h.late(),
                h.repeated(), reconnections, h.failedAttempts() > 0 ? ", " + h.failedAttempts() + " failed attempts"
                        : "", h.droppedByQueue() > 0 ? ", " + h.droppedByQueue() + " dropped by the queue" : "");
    }

    /** @return whether any live source is not connected */
    public static boolean feedTrouble(EngineView v) {
        return v.sources().stream().anyMatch(s -> s.status() != SourceStatusEvent.Status.CONNECTED);
    }

    /** @return the engine's simulated time, UTC */
    public ReadOnlyStringProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    /** @return what the engine is doing */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return the speed asked and reached */
    public ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** @return feed events per wall second */
    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** @return the feed's state */
    public ReadOnlyStringProperty feedProperty() {
        return feed.getReadOnlyProperty();
    }

    /** @return how far the whole-book figures lag the clock */
    public ReadOnlyStringProperty riskProperty() {
        return risk.getReadOnlyProperty();
    }

    /** @return the last rejected command's message, or empty */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
