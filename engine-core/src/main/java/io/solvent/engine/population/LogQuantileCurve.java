package io.solvent.engine.population;

import java.util.Arrays;

/**
 * A positive distribution given by its quantiles: the quantile function passes through the points
 * {@code (p_i, x_i)} and is interpolated linearly in {@code ln x} between them (piecewise log-uniform), so a sample
 * falls between {@code x_i} and {@code x_{i+1}} with probability {@code p_{i+1} − p_i} and the anchors are
 * reproduced exactly. The first probability is 0 (the floor of the distribution), the last 1 (its cap).
 *
 * <p>Used with the empirical percentiles of a data set this is the simplest distribution that matches every
 * published percentile; {@link #valueAt(double)} is its inverse cumulative distribution function.
 */
public final class LogQuantileCurve {
    private final double[] probabilities;
    private final double[] logValues;
    private final double[] values;

    /**
     * @param probabilities strictly ascending from 0 to 1 (fractions)
     * @param values        the quantiles at those probabilities, each {@code > 0}, non-decreasing
     * @throws IllegalArgumentException when the points do not describe a distribution
     */
    public LogQuantileCurve(double[] probabilities, double[] values) {
        if (probabilities.length < 2 || probabilities.length != values.length) {
            throw new IllegalArgumentException("expected at least two (probability, value) points of equal count");
        }
        if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
            throw new IllegalArgumentException("expected probabilities from 0 to 1, were "
                    + Arrays.toString(probabilities));
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("expected quantiles > 0, was " + values[i]);
            }
            if (i > 0 && (!(probabilities[i] > probabilities[i - 1]) || values[i] < values[i - 1])) {
                throw new IllegalArgumentException("expected ascending probabilities and non-decreasing quantiles at "
                        + "point " + i);
            }
        }
        this.probabilities = probabilities.clone();
        this.values = values.clone();
        this.logValues = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logValues[i] = StrictMath.log(values[i]);
        }
    }

    /**
     * @param u a probability in [0, 1], usually a uniform draw
     * @return the quantile at {@code u}
     */
    public double valueAt(double u) {
        if (u <= 0) {
            return values[0];
        }
        if (u >= 1) {
            return values[values.length - 1];
        }
        int i = 1;
        while (probabilities[i] < u) {
            i++;
        }
        double t = (u - probabilities[i - 1]) / (probabilities[i] - probabilities[i - 1]);
        return StrictMath.exp(logValues[i - 1] + t * (logValues[i] - logValues[i - 1]));
    }

    /** @return the anchor probabilities, from 0 to 1 */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return the anchor quantiles */
    public double[] values() {
        return values.clone();
    }
}
