package io.solvent.engine.population;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogQuantileCurveTest {
    private final LogQuantileCurve curve = new LogQuantileCurve(new double[] {0, 0.5, 0.9, 1},
            new double[] {1, 100, 1_000, 1_000});

    @Test
    void reproducesEveryAnchorAndInterpolatesInLogSpace() {
        assertEquals(1, curve.valueAt(0));
        assertEquals(100, curve.valueAt(0.5), 1e-9);
        assertEquals(1_000, curve.valueAt(0.9), 1e-9);
        assertEquals(1_000, curve.valueAt(1));
        assertEquals(10, curve.valueAt(0.25), 1e-9, "geometric middle of 1 and 100");
        assertEquals(1_000, curve.valueAt(0.95), 1e-9, "flat top segment");
    }

    @Property
    void isMonotone(@ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double lo = Math.min(u, v);
        double hi = Math.max(u, v);
        assertTrue(curve.valueAt(lo) <= curve.valueAt(hi));
        assertTrue(curve.valueAt(lo) >= 1 && curve.valueAt(hi) <= 1_000);
    }

    @Test
    void rejectsWhatIsNotADistribution() {
        assertThrows(IllegalArgumentException.class,
                () -> new LogQuantileCurve(new double[] {0.1, 1}, new double[] {1, 2}), "must start at 0");
        assertThrows(IllegalArgumentException.class,
                () -> new LogQuantileCurve(new double[] {0, 1}, new double[] {0, 2}), "quantiles > 0");
        assertThrows(IllegalArgumentException.class,
                () -> new LogQuantileCurve(new double[] {0, 0.5, 1}, new double[] {1, 3, 2}), "non-decreasing");
        assertThrows(IllegalArgumentException.class,
                () -> new LogQuantileCurve(new double[] {0, 0.5, 0.5, 1}, new double[] {1, 2, 3, 4}), "ascending");
    }

    @Test
    void calibratedCurvesAreValidAndHitTheirMedians() {
        assertEquals(940.73, PopulationUniverse.EQUITY.valueAt(0.5), 1e-9);
        assertEquals(0.3599, PopulationUniverse.LEVERAGE_LARGE.valueAt(0.5), 1e-12);
        assertEquals(1.67, PopulationUniverse.LEVERAGE_SMALL.valueAt(0.5), 1e-12);
    }
}
