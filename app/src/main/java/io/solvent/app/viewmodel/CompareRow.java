package io.solvent.app.viewmodel;

import java.util.List;

/**
 * One figure of the Compare view's table of differences, for every run: at the cursor and at each run's end (or where
 * it stands, when it has not ended).
 *
 * @param metric   the figure, with its unit
 * @param atCursor each run's value at the cursor, in the runs' order; NaN where a run has not reached it
 * @param atEnd    each run's value where it stands (at its end when ended), in the runs' order
 */
public record CompareRow(String metric, List<Double> atCursor, List<Double> atEnd) {
    public CompareRow {
        atCursor = List.copyOf(atCursor);
        atEnd = List.copyOf(atEnd);
    }

    /** @return the last run's value at its end minus the first's (the difference a fork made) */
    public double endDifference() {
        return atEnd.size() < 2 ? Double.NaN : atEnd.getLast() - atEnd.getFirst();
    }

    /** @return the same at the cursor */
    public double cursorDifference() {
        return atCursor.size() < 2 ? Double.NaN : atCursor.getLast() - atCursor.getFirst();
    }
}
