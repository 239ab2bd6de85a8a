package io.solvent.app.stress;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramTest {
    @Property
    void everyValueFallsInExactlyOneBinThatHoldsIt(@ForAll @Size(min = 1, max = 500)
                                                   List<@DoubleRange(min = 0, max = 1e7) Double> sample) {
        double[] v = sample.stream().mapToDouble(Double::doubleValue).toArray();
        Histogram h = Histogram.of(v);
        assertEquals(v.length, Arrays.stream(h.counts()).sum(), 0.0);
        assertTrue(h.centres().length >= 1 && h.centres().length <= 40);
        for (double x : v) {
            boolean held = false;
            for (double c : h.centres()) {
                held |= x >= c - h.width() / 2 - 1e-6 * Math.max(1, x) && x <= c + h.width() / 2 + 1e-6 * Math.max(1, x);
            }
            assertTrue(held, x + " in a bin");
        }
    }

    @Test
    void aConstantSampleIsOneBinAndHundredPathsTenBins() {
        Histogram one = Histogram.of(new double[] {0, 0, 0});
        assertArrayEquals(new double[] {3}, one.counts());
        assertEquals(0, one.centres()[0], 0.0);
        double[] hundred = new double[100];
        Arrays.setAll(hundred, i -> i);
        Histogram h = Histogram.of(hundred);
        assertEquals(10, h.centres().length);
        assertEquals(10, h.maxCount(), 0.0);
        assertEquals(9.9, h.width(), 1e-12);
    }
}
