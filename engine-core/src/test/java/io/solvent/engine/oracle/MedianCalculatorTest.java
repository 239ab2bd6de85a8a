package io.solvent.engine.oracle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MedianCalculatorTest {

    @Test
    void oddEvenAndPartialCounts() {
        assertEquals(3.0, MedianCalculator.median(new double[]{5, 3, 1}, 3));
        assertEquals(2.5, MedianCalculator.median(new double[]{4, 1, 3, 2}, 4));
        assertEquals(7.0, MedianCalculator.median(new double[]{7, 100, -100}, 1));
        assertThrows(IllegalArgumentException.class, () -> MedianCalculator.median(new double[2], 0));
        assertThrows(IllegalArgumentException.class, () -> MedianCalculator.median(new double[2], 3));
    }

    @Property
    void agreesWithSortingACopy(@ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        int n = a.length;
        double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        assertEquals(expected, MedianCalculator.median(a, n));
    }
}
