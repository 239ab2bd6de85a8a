package io.solvent.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces a time series to what a chart {@code columns} wide can show, deterministically and in one pass (M4):
 * for each column of the time range the first, lowest, highest and last point, in time order. A line through them
 * draws exactly what a line through every point would at that width — every spike stays — with at most
 * {@code 4 × columns} points however many rows went in. Points inside a horizontal run are dropped as well, so a
 * series that seldom changes takes a few points.
 */
final class Downsampler {
    /** A point of a series: simulated time, ms since the Unix epoch, UTC; value in the series' unit. */
    record Point(long timeMs, double value) {
    }

    private final long fromMs;
    private final long toMs;
    private final int columns;
    private final long[] firstT;
    private final double[] firstV;
    private final long[] lowT;
    private final double[] lowV;
    private final long[] highT;
    private final double[] highV;
    private final long[] lastT;
    private final double[] lastV;
    private final boolean[] used;
    private long count;

    /**
     * @param fromMs  the time range's start, ms since the Unix epoch, UTC
     * @param toMs    its end (inclusive), not before {@code fromMs}
     * @param columns the chart's width in columns, at least 1
     */
    Downsampler(long fromMs, long toMs, int columns) {
        if (columns < 1 || toMs < fromMs) {
            throw new IllegalArgumentException("columns " + columns + ", range " + fromMs + ".." + toMs);
        }
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.columns = columns;
        firstT = new long[columns];
        firstV = new double[columns];
        lowT = new long[columns];
        lowV = new double[columns];
        highT = new long[columns];
        highV = new double[columns];
        lastT = new long[columns];
        lastV = new double[columns];
        used = new boolean[columns];
    }

    /** @return the column of a time in the range */
    int column(long timeMs) {
        if (toMs == fromMs) {
            return 0;
        }
        long c = (long) ((double) (timeMs - fromMs) / (toMs - fromMs) * columns);
        return (int) Math.clamp(c, 0, columns - 1);
    }

    /**
     * @param timeMs a time in the range, not before the last one added
     * @param value  the value then; NaN (no value) is skipped
     */
    void add(long timeMs, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        int c = column(timeMs);
        if (!used[c]) {
            used[c] = true;
            firstT[c] = lowT[c] = highT[c] = timeMs;
            firstV[c] = lowV[c] = highV[c] = value;
        } else {
            if (value < lowV[c]) {
                lowT[c] = timeMs;
                lowV[c] = value;
            }
            if (value > highV[c]) {
                highT[c] = timeMs;
                highV[c] = value;
            }
        }
        lastT[c] = timeMs;
        lastV[c] = value;
    }

    /** @return how many values were added (NaN not counted) */
    long count() {
        return count;
    }

    /** @return the reduced series, in time order */
    List<Point> points() {
        List<Point> all = new ArrayList<>();
        Point[] four = new Point[4];
        for (int c = 0; c < columns; c++) {
            if (!used[c]) {
                continue;
            }
            four[0] = new Point(firstT[c], firstV[c]);
            four[1] = new Point(lowT[c], lowV[c]);
            four[2] = new Point(highT[c], highV[c]);
            four[3] = new Point(lastT[c], lastV[c]);
            Point[] sorted = four.clone();
            Arrays.sort(sorted, (a, b) -> Long.compare(a.timeMs(), b.timeMs()));
            for (Point p : sorted) {
                Point prev = all.isEmpty() ? null : all.getLast();
                if (prev == null || prev.timeMs() != p.timeMs()) {
                    all.add(p);
                }
            }
        }
        List<Point> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            boolean inside = i > 0 && i < all.size() - 1 && all.get(i - 1).value() == all.get(i).value()
                    && all.get(i + 1).value() == all.get(i).value();
            if (!inside) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
