package io.solvent.app.viewmodel;

import java.util.Arrays;

/**
 * A chart series a view model fills and a chart adapter copies from: x ascending, appended at the end, or reset.
 * The adapter remembers how many points it copied and the {@link #epoch()} it copied them in, so that each redraw
 * hands over only the new points. FX thread only.
 */
public final class XYSeries {
    private final String name;
    private double[] x = new double[256];
    private double[] y = new double[256];
    private int size;
    private long epoch;

    /** @param name the legend's name, with its unit */
    public XYSeries(String name) {
        this.name = name;
    }

    /** @return the legend's name */
    public String name() {
        return name;
    }

    /**
     * @param px x (epoch seconds for a time axis), not below the last
     * @param py y
     */
    public void append(double px, double py) {
        if (size == x.length) {
            x = Arrays.copyOf(x, 2 * size);
            y = Arrays.copyOf(y, 2 * size);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }

    /** Forgets every point; readers start over. */
    public void reset() {
        size = 0;
        epoch++;
    }

    /**
     * Replaces every point.
     *
     * @param xs x values, ascending
     * @param ys y values
     */
    public void setAll(double[] xs, double[] ys) {
        reset();
        for (int i = 0; i < xs.length; i++) {
            append(xs[i], ys[i]);
        }
    }

    /** @return points held */
    public int size() {
        return size;
    }

    /** @return changes with every reset */
    public long epoch() {
        return epoch;
    }

    /** @param from first index @return x values from it on, a copy */
    public double[] xs(int from) {
        return Arrays.copyOfRange(x, from, size);
    }

    /** @param from first index @return y values from it on, a copy */
    public double[] ys(int from) {
        return Arrays.copyOfRange(y, from, size);
    }

    /** @param i index @return its x */
    public double x(int i) {
        return x[i];
    }

    /** @param i index @return its y */
    public double y(int i) {
        return y[i];
    }

    /** @return the last y, or NaN when empty */
    public double lastY() {
        return size == 0 ? Double.NaN : y[size - 1];
    }
}
