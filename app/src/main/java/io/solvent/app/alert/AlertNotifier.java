package io.solvent.app.alert;

import io.solvent.app.viewmodel.Format;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows each new alert as a ControlsFX {@link Notifications} popup owned by the console's window, at most
 * {@link #PER_SECOND} a second; the rest are summed up in one "+N more alerts" popup as soon as the rate allows. Plays
 * the rule's tone when it asks for one ({@link AlertSound}). Listens to {@link AlertsViewModel#addListener}, on the FX
 * thread, once per engine view; a popup that cannot be shown is logged once and never throws.
 */
public final class AlertNotifier implements Consumer<List<AlertEvent>> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
    /** The most popups a second. */
    public static final int PER_SECOND = 3;

    private final Object owner;
    private final AlertSound sound;
    private final LongSupplier nanos;
    private final NotificationThrottle throttle = new NotificationThrottle(PER_SECOND, 1_000_000_000L);
    private final Popups popups;
    private boolean dark = true;
    private Runnable onOpen = () -> { };
    private boolean failed;
    private int shown;

    /** Shows one popup (ControlsFX; a recorder in tests). */
    interface Popups {
        void show(Object owner, AlertSeverity severity, String title, String text, boolean dark, Runnable onOpen);
    }

    /**
     * @param owner the window (a {@link javafx.stage.Window}, or a node of it) the popups belong to
     * @param sound where tones are played, or null for none
     */
    public AlertNotifier(Object owner, AlertSound sound) {
        this(owner, sound, System::nanoTime, AlertNotifier::controlsFx);
    }

    AlertNotifier(Object owner, AlertSound sound, LongSupplier nanos, Popups popups) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.sound = sound;
        this.nanos = nanos;
        this.popups = popups;
    }

    /** @param dark whether the popups take the dark style (follow the console's theme) */
    public void setDark(boolean dark) {
        this.dark = dark;
    }

    /** @param onOpen what a click on a popup does (the lead: show the alerts tab) */
    public void setOnOpen(Runnable onOpen) {
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
    }

    @Override
    public void accept(List<AlertEvent> raised) {
        NotificationThrottle.Decision d = throttle.take(raised, nanos.getAsLong());
        if (d == NotificationThrottle.Decision.NOTHING) {
            return;
        }
        AlertSeverity loudest = null;
        for (AlertEvent e : d.show()) {
            show(e.severity(), e.severity() + " · " + e.rule().kind().title() + " " + e.valueText(),
                    e.message() + "\n" + Format.time(e.simTimeMs()) + " (simulated)");
            if (e.rule().sound() && (loudest == null || e.severity().compareTo(loudest) > 0)) {
                loudest = e.severity();
            }
        }
        if (d.more() > 0) {
            show(d.moreSeverity(), "+" + d.more() + " more alert" + (d.more() == 1 ? "" : "s"),
                    "raised too fast to show one by one; the Alerts view lists them");
            if (loudest == null && d.sound()) {
                loudest = d.moreSeverity();
            }
        }
        if (sound != null && d.sound()) {
            sound.play(loudest == null ? AlertSeverity.WARNING : loudest);
        }
    }

    private void show(AlertSeverity severity, String title, String text) {
        try {
            popups.show(owner, severity, title, text, dark, onOpen);
            shown++;
        } catch (RuntimeException e) {
            if (!failed) {
                failed = true;
                LOG.warn("an alert popup could not be shown ({}); alerts stay listed in the Alerts view",
                        e.toString());
            }
        }
    }

    private static void controlsFx(Object owner, AlertSeverity severity, String title, String text, boolean dark,
                                   Runnable onOpen) {
        Notifications n = Notifications.create().owner(owner).title(title).text(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(severity == AlertSeverity.CRITICAL ? 15 : 7))
                .onAction(e -> onOpen.run());
        if (dark) {
            n = n.darkStyle();
        }
        switch (severity) {
            case CRITICAL -> n.showError();
            case WARNING -> n.showWarning();
            case INFO -> n.showInformation();
        }
    }

    /** @return popups shown so far (one-by-one and summaries) */
    public int shown() {
        return shown;
    }

    /** @return alerts waiting to be summed up in a "+N more" popup */
    public int pending() {
        return throttle.pending();
    }
}
