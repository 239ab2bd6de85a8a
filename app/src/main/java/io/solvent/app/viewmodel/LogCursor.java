package io.solvent.app.viewmodel;

import io.solvent.engine.sim.view.AppendLog;

import java.util.List;

/**
 * Where a view model stands in one of the engine's append-only logs: each pulse it takes the items that are new, at
 * most a fixed number (a burst waits for the next pulses), and starts over when the log is another one (a seek back,
 * another run). FX thread only.
 */
final class LogCursor {
    private final int perPulse;
    private long epoch = Long.MIN_VALUE;
    private int taken;

    /** @param perPulse the most items taken in one pulse */
    LogCursor(int perPulse) {
        this.perPulse = perPulse;
    }

    /**
     * @param w       the log's newest window
     * @param onReset run first when the log is another than the last one read (the reader clears what it built)
     * @param <T>     the item type
     * @return the items to take now, oldest first
     */
    <T> List<T> take(AppendLog.Window<T> w, Runnable onReset) {
        if (w.epoch() != epoch) {
            epoch = w.epoch();
            taken = 0;
            onReset.run();
        }
        int to = Math.min(w.size(), taken + perPulse);
        List<T> out = w.since(taken).subList(0, to - taken);
        taken = to;
        return out;
    }

    /** @return items taken so far from the current log */
    int taken() {
        return taken;
    }

    /** Makes the next {@link #take} start over, whatever the log. */
    void restart() {
        epoch = Long.MIN_VALUE;
    }
}
