package io.solvent.engine.sim.loop;

/**
 * When the active run's next feed event is due in wall time at the speed played: {@code anchorWall + (eventTime −
 * anchorTime) / speed}, the anchor reset by every command that moves the run or changes the speed. A loop that falls
 * behind catches up as fast as it can. Engine thread only; wall time comes from the {@link Pacer} alone.
 */
final class Pacing {
    private final Pacer pacer;
    private double speed;
    private long anchorNanos;
    private long anchorSimMs = Long.MIN_VALUE;

    Pacing(Pacer pacer) {
        this.pacer = pacer;
    }

    /** @return the speed of the last accepted play, simulated ms per wall ms; 0 before any */
    double speed() {
        return speed;
    }

    /** @return whether it plays as fast as the engine goes */
    boolean fastest() {
        return speed == Double.POSITIVE_INFINITY;
    }

    /**
     * @param s     simulated ms per wall ms, {@code > 0}
     * @param nowMs the run's simulated time now
     */
    void play(double s, long nowMs) {
        speed = s;
        anchor(nowMs);
    }

    /** @param nowMs the run's simulated time now, the new anchor ({@link Long#MIN_VALUE}: at its first event) */
    void anchor(long nowMs) {
        anchorNanos = pacer.nanoTime();
        anchorSimMs = nowMs;
    }

    /**
     * @param nextMs the time of the run's next feed event ({@link Long#MAX_VALUE}: the feeds have ended)
     * @return ns to wait before it is due (≤ 0: due now)
     */
    double waitNanos(long nextMs) {
        if (nextMs == Long.MAX_VALUE) {
            return 0; // the step will find the end
        }
        if (anchorSimMs == Long.MIN_VALUE) {
            anchorSimMs = nextMs; // the first event of the run is due at once
        }
        double dueAfterAnchor = ((double) nextMs - anchorSimMs) * 1e6 / speed;
        return dueAfterAnchor - (double) (pacer.nanoTime() - anchorNanos);
    }
}
