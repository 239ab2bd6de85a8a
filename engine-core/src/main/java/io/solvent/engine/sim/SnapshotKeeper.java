package io.solvent.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The snapshots a {@link Replay} keeps to seek back to: one at the start, then one after the first feed event at or
 * past each multiple of a period of simulated time, thinned so that they stay evenly spread over the run in bounded
 * memory (each holds a copy of the book).
 */
public final class SnapshotKeeper {

    /**
     * How often a {@link Replay} keeps a snapshot to seek back to, and how many it keeps.
     *
     * <p>A snapshot is taken after the first feed event at or past each multiple of {@code everyMs} of simulated time.
     * When one more than {@code maxSnapshots} would be held, the period doubles and only the first snapshot of each
     * new period is kept (and always the earliest one), so the snapshots stay evenly spread over the run in bounded
     * memory (each holds a copy of the book).
     *
     * @param everyMs      simulated time between snapshots, ms, {@code > 0}
     * @param maxSnapshots the most snapshots kept at once, {@code >= 2}
     */
    public record Cadence(long everyMs, int maxSnapshots) {
        public Cadence {
            if (everyMs <= 0) {
                throw new IllegalArgumentException("expected a snapshot period > 0 ms, was " + everyMs);
            }
            if (maxSnapshots < 2) {
                throw new IllegalArgumentException("expected at least 2 snapshots kept, was " + maxSnapshots);
            }
        }
    }

    private final Cadence cadence;
    private final List<Replay.Snapshot> kept = new ArrayList<>();
    private long everyMs;
    private long nextMs;

    /**
     * @param cadence the cadence
     * @param first   the snapshot of the state now
     */
    SnapshotKeeper(Cadence cadence, Replay.Snapshot first) {
        this.cadence = Objects.requireNonNull(cadence, "cadence");
        this.everyMs = cadence.everyMs();
        kept.add(first);
        nextMs = nextMultiple(first.lastEventTime(), everyMs);
    }

    /** @return whether a snapshot is due after a feed event at this time */
    boolean due(long lastEventTime) {
        return lastEventTime >= nextMs;
    }

    /**
     * Keeps a snapshot taken after the event that was due (unless one at or past its position is kept already: after
     * a seek back, the snapshots ahead are still this run's), thinning when too many are held.
     *
     * @param lastEventTime the time of the event just processed
     * @param position      the feed position now
     * @param snapshot      takes the snapshot, when one is kept
     */
    void keep(long lastEventTime, long position, java.util.function.Supplier<Replay.Snapshot> snapshot) {
        nextMs = nextMultiple(lastEventTime, everyMs);
        if (!kept.isEmpty() && kept.getLast().position() >= position) {
            return;
        }
        kept.add(snapshot.get());
        while (kept.size() > cadence.maxSnapshots()) {
            // double the period and keep the first snapshot of each new period (and always the earliest one)
            everyMs = everyMs > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * everyMs;
            List<Replay.Snapshot> thinned = new ArrayList<>(List.of(kept.getFirst()));
            for (int i = 1; i < kept.size(); i++) {
                long bucket = Math.floorDiv(kept.get(i).lastEventTime(), everyMs);
                if (thinned.size() == 1 || bucket != Math.floorDiv(thinned.getLast().lastEventTime(), everyMs)) {
                    thinned.add(kept.get(i));
                }
            }
            kept.clear();
            kept.addAll(thinned);
            nextMs = nextMultiple(lastEventTime, everyMs);
        }
    }

    /** After the replay moved without stepping (a restore): the next snapshot is due from its time on. */
    void resync(long lastEventTime) {
        nextMs = nextMultiple(lastEventTime, everyMs);
    }

    /** @return the latest snapshot at or before T, or null */
    Replay.Snapshot latestAtOrBefore(long timeMs) {
        Replay.Snapshot from = null;
        for (Replay.Snapshot s : kept) {
            if (s.lastEventTime() <= timeMs) {
                from = s;
            }
        }
        return from;
    }

    /** Drops the snapshots past a feed position (from a run a parameter change or its undoing replaced). */
    void dropAfter(long position) {
        kept.removeIf(k -> k.position() > position);
    }

    /** @return the snapshots kept, in feed order */
    List<Replay.Snapshot> all() {
        return List.copyOf(kept);
    }

    private static long nextMultiple(long t, long every) {
        if (t == Long.MIN_VALUE) {
            return Long.MIN_VALUE; // at the first event
        }
        long k = Math.floorDiv(t, every) + 1;
        return k > Long.MAX_VALUE / every ? Long.MAX_VALUE : k * every;
    }
}
