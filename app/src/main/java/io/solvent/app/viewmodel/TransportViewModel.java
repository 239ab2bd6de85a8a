package io.solvent.app.viewmodel;

import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.Clock;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The replay's transport: where the active run stands between its start and its end, the moments of its liquidations,
 * bankruptcies and parameter changes for the timeline's markers, and the commands that move it — seek, jump to the
 * next or previous liquidation or bankruptcy. FX thread only; markers are read from the run's event log with a cursor.
 */
public final class TransportViewModel {
    /** Marker kinds drawn on the timeline, in drawing order. */
    public enum Marker {
        /** A liquidation fill. */
        LIQUIDATION,
        /** A bankruptcy. */
        BANKRUPTCY,
        /** A parameter change (the operator's, or dynamic margin's). */
        PARAMETER_CHANGE
    }

    private final Consumer<EngineCommand> commands;
    private final LogCursor cursor = new LogCursor(50_000);
    private final long[][] times = new long[Marker.values().length][];
    private final int[] counts = new int[Marker.values().length];
    private final ReadOnlyLongWrapper startMs = new ReadOnlyLongWrapper(Long.MIN_VALUE);
    private final ReadOnlyLongWrapper endMs = new ReadOnlyLongWrapper(Long.MIN_VALUE);
    private final ReadOnlyLongWrapper timeMs = new ReadOnlyLongWrapper(Long.MIN_VALUE);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private long version;
    private long activeStart = Long.MIN_VALUE;

    /** @param commands where commands go */
    public TransportViewModel(Consumer<EngineCommand> commands) {
        this.commands = commands;
        for (int i = 0; i < times.length; i++) {
            times[i] = new long[256];
        }
    }

    /** @param v the newest engine view */
    public void update(EngineView v) {
        Clock c = v.clock();
        activeStart = c.startMs();
        // the timeline spans the scenario: a fork's own start (its moment) is later than the original's
        if (c.startMs() != Long.MIN_VALUE && (startMs.get() == Long.MIN_VALUE || c.startMs() < startMs.get())) {
            startMs.set(c.startMs());
        }
        long end = c.endHintMs() != Long.MIN_VALUE ? c.endHintMs() : c.timeMs();
        endMs.set(v.state() == EngineView.State.ENDED ? Math.max(end, c.timeMs()) : Math.max(end, c.timeMs()));
        timeMs.set(c.timeMs());
        position.set(c.timeMs() == Long.MIN_VALUE ? "not started"
                : Format.time(c.timeMs()) + (end > startMs.get() && startMs.get() != Long.MIN_VALUE
                ? String.format(java.util.Locale.ROOT, "  (%.1f%%)", 100.0 * (c.timeMs() - startMs.get())
                / Math.max(1, end - startMs.get())) : ""));
        var taken = cursor.take(v.events(), () -> {
            Arrays.fill(counts, 0);
            version++;
        });
        for (EngineView.RecentEvent e : taken) {
            Marker m = switch (e.event().kind()) {
                case LIQUIDATION, COLLATERAL_SALE -> Marker.LIQUIDATION;
                case BANKRUPTCY -> Marker.BANKRUPTCY;
                case PARAMETER_CHANGE -> Marker.PARAMETER_CHANGE;
                default -> null;
            };
            if (m != null) {
                add(m.ordinal(), e.event().timeMs());
            }
        }
        if (!taken.isEmpty()) {
            version++;
        }
    }

    private void add(int k, long t) {
        if (counts[k] == times[k].length) {
            times[k] = Arrays.copyOf(times[k], 2 * counts[k]);
        }
        times[k][counts[k]++] = t;
    }

    /** @param m a kind @return how many markers of it */
    public int count(Marker m) {
        return counts[m.ordinal()];
    }

    /** @param m a kind @param i its index @return the marker's time, ms since the Unix epoch, UTC */
    public long time(Marker m, int i) {
        return times[m.ordinal()][i];
    }

    /** @return a number that changes whenever the markers do (for a redraw) */
    public long version() {
        return version;
    }

    /** @param t simulated time to go to, ms since the Unix epoch, UTC */
    public void seek(long t) {
        // a fork cannot go back before its moment: the nearest it can go is there
        commands.accept(new EngineCommand.Seek(activeStart == Long.MIN_VALUE ? t : Math.max(t, activeStart)));
    }

    /** @param kind the kind of event @param forward the next (true) or the previous */
    public void jump(SimulationEvent.Kind kind, boolean forward) {
        commands.accept(new EngineCommand.SeekEvent(kind, forward));
    }

    /** @return the start of the timeline, ms since the Unix epoch, UTC */
    public ReadOnlyLongProperty startMsProperty() {
        return startMs.getReadOnlyProperty();
    }

    /** @return the end of the timeline (the feeds' end as far as known), ms since the Unix epoch, UTC */
    public ReadOnlyLongProperty endMsProperty() {
        return endMs.getReadOnlyProperty();
    }

    /** @return where the active run stands, ms since the Unix epoch, UTC */
    public ReadOnlyLongProperty timeMsProperty() {
        return timeMs.getReadOnlyProperty();
    }

    /** @return where it stands, in words */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }
}
