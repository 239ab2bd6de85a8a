package io.solvent.app.service;

/**
 * What the FX thread did in one pulse, counted by the view models and views as they hand data over: rows given to
 * tables, points given to charts, nodes whose content was set. A test replays scenarios of very different sizes and
 * checks these stay bounded; {@code solvent bench --console} reports them beside the pulse times. FX thread only.
 */
public final class PulseWork {
    private long rows;
    private long points;
    private long nodes;
    private long maxRows;
    private long maxPoints;
    private long maxNodes;
    private long pulses;

    /** @param n rows handed to a table */
    public void rows(long n) {
        rows += n;
    }

    /** @param n points handed to a chart */
    public void points(long n) {
        points += n;
    }

    /** @param n nodes whose content was set */
    public void nodes(long n) {
        nodes += n;
    }

    /** Ends a pulse: its counts go into the maxima and start again from 0. */
    public void endPulse() {
        pulses++;
        maxRows = Math.max(maxRows, rows);
        maxPoints = Math.max(maxPoints, points);
        maxNodes = Math.max(maxNodes, nodes);
        rows = 0;
        points = 0;
        nodes = 0;
    }

    /** @return pulses ended so far */
    public long pulses() {
        return pulses;
    }

    /** @return the most rows one pulse handed over */
    public long maxRows() {
        return maxRows;
    }

    /** @return the most chart points one pulse handed over */
    public long maxPoints() {
        return maxPoints;
    }

    /** @return the most nodes one pulse updated */
    public long maxNodes() {
        return maxNodes;
    }
}
