package io.solvent.app.view;

/** When a chart view copies new points: at most once per period of wall time, or at once when forced. */
final class ChartRate {
    private final long periodNanos;
    private long last = Long.MIN_VALUE;

    /** @param periodNanos the shortest time between copies, ns */
    ChartRate(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /** @param now the pulse's time, ns @param force copy whatever the rate @return whether to copy now */
    boolean due(long now, boolean force) {
        if (force || last == Long.MIN_VALUE || now - last >= periodNanos) {
            last = now;
            return true;
        }
        return false;
    }
}
