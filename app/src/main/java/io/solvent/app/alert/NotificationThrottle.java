package io.solvent.app.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * How many popups the notifier may show: at most {@code perWindow} in any window of {@code windowNanos}; what comes
 * beyond is counted and shown as one "+N more" popup as soon as the window allows. Pure: time is given.
 */
final class NotificationThrottle {
    private final int perWindow;
    private final long windowNanos;
    private final long[] shownAt;     // ring of the last perWindow show times
    private int shows;                // total shows (index into the ring)
    private int pending;
    private AlertSeverity pendingWorst;
    private boolean pendingSound;

    /**
     * What to show now.
     *
     * @param show         the alerts to show one by one
     * @param more         how many others to sum up in one popup ("+N more"); 0 for none
     * @param moreSeverity the most severe of those, or null
     * @param sound        whether any alert shown or summed up asks for a tone
     */
    record Decision(List<AlertEvent> show, int more, AlertSeverity moreSeverity, boolean sound) {
        static final Decision NOTHING = new Decision(List.of(), 0, null, false);
    }

    /**
     * @param perWindow   the most popups in a window
     * @param windowNanos the window, ns
     */
    NotificationThrottle(int perWindow, long windowNanos) {
        if (perWindow < 1 || windowNanos <= 0) {
            throw new IllegalArgumentException("expected at least 1 popup per window > 0 ns");
        }
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
        this.shownAt = new long[perWindow];
    }

    private boolean free(long now) {
        return shows < perWindow || now - shownAt[shows % perWindow] >= windowNanos;
    }

    private void shown(long now) {
        shownAt[shows % perWindow] = now;
        shows++;
    }

    /**
     * @param raised the alerts raised since the last call (often none)
     * @param now    the time, ns
     * @return what to show now
     */
    Decision take(List<AlertEvent> raised, long now) {
        if (raised.isEmpty() && pending == 0) {
            return Decision.NOTHING;
        }
        List<AlertEvent> show = List.of();
        boolean sound = false;
        for (AlertEvent e : raised) {
            if (pending == 0 && free(now)) {
                if (show.isEmpty()) {
                    show = new ArrayList<>(perWindow);
                }
                show.add(e);
                shown(now);
                sound |= e.rule().sound();
            } else {
                pending++;
                pendingSound |= e.rule().sound();
                pendingWorst = pendingWorst == null || e.severity().compareTo(pendingWorst) > 0 ? e.severity()
                        : pendingWorst;
            }
        }
        int more = 0;
        AlertSeverity worst = null;
        if (pending > 0 && free(now)) {
            more = pending;
            worst = pendingWorst;
            sound |= pendingSound;
            shown(now);
            pending = 0;
            pendingWorst = null;
            pendingSound = false;
        }
        return show.isEmpty() && more == 0 ? Decision.NOTHING : new Decision(show, more, worst, sound);
    }

    /** @return alerts waiting to be summed up */
    int pending() {
        return pending;
    }
}
