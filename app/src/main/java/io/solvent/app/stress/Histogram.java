package io.solvent.app.stress;

import java.util.Arrays;

/**
 * Equal-width bins over a sample, for the Monte Carlo loss histograms: {@code ⌈√n⌉} bins (5 to 40) from the smallest
 * to the largest value, the largest in the last bin; a sample of one value gives one bin around it.
 *
 * @param centres each bin's centre, in the sample's unit
 * @param counts  how many values fall in it
 * @param width   the bins' width, in the sample's unit
 */
public record Histogram(double[] centres, double[] counts, double width) {

    /** @param values a sample, at least one finite value @return its histogram */
    public static Histogram of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double lo = Arrays.stream(values).min().orElseThrow();
        double hi = Arrays.stream(values).max().orElseThrow();
        if (hi == lo) {
            double w = Math.max(1, Math.abs(lo) * 0.01);
            return new Histogram(new double[] {lo}, new double[] {values.length}, w);
        }
        int bins = (int) Math.clamp(Math.ceil(Math.sqrt(values.length)), 5, 40);
        double w = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        }
        double[] centres = new double[bins];
        for (int i = 0; i < bins; i++) {
            centres[i] = lo + (i + 0.5) * w;
        }
        return new Histogram(centres, counts, w);
    }

    /** @return the tallest bin's count */
    public double maxCount() {
        return Arrays.stream(counts).max().orElse(0);
    }
}
