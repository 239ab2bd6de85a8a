package io.solvent.engine.oracle;

/** The median of a few prices, without allocating. */
public final class MedianCalculator {
    private MedianCalculator() {
    }

    /**
     * Sorts the first {@code count} entries of {@code values} in place (insertion sort: the counts are small) and
     * returns their median: the middle value for an odd count, the mean of the two middle values for an even one.
     *
     * @param values the numbers, finite; the first {@code count} are reordered
     * @param count  how many to use, {@code >= 1}
     * @return the median
     */
    public static double median(double[] values, int count) {
        if (count < 1 || count > values.length) {
            throw new IllegalArgumentException("count must be 1.." + values.length + ", was " + count);
        }
        for (int i = 1; i < count; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
        int mid = count >>> 1;
        return (count & 1) == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
