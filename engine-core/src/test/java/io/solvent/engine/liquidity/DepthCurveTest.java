package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exact values on hand-worked curves. */
class DepthCurveTest {
    private static final double EPS = 1e-15;

    @Test
    void linearBookOfOneMillionPerPercent() {
        DepthCurve c = DepthCurve.linear(1_000_000, 0.5);
        // x(q) = q / 100M; s(q) = q / 200M
        assertEquals(0.01, c.marginalDistance(1_000_000), EPS);
        assertEquals(0.005, c.slippage(1_000_000), EPS);
        assertEquals(0.0025, c.slippage(500_000), EPS);
        assertEquals(0.02, c.marginalDistance(2_000_000), EPS);
        assertEquals(0.01, c.slippage(2_000_000), EPS);
        assertEquals(1_000_000, c.capacityUsd());
        assertEquals(100_000_000, c.extrapolationDensity(), 1e-6, "1M per 1% = 100M per unit of distance");
    }

    @Test
    void theBackstopCapsTheDistance() {
        DepthCurve c = DepthCurve.linear(1_000_000, 0.5);
        // x reaches 0.5 at q = 50M: ∫ = 50M·0.25 = 12.5M; beyond it every dollar fills at 0.5
        assertEquals(0.25, c.slippage(50_000_000), 1e-14);
        assertEquals(0.5, c.marginalDistance(50_000_000), 1e-14);
        assertEquals(0.5, c.marginalDistance(100_000_000));
        assertEquals(37.5e6 / 100e6, c.slippage(100_000_000), 1e-14);
        assertEquals(0.5, c.slippage(1e30), 1e-14);
    }

    @Test
    void twoSegmentsAndTheMeanDensityBeyond() {
        DepthCurve c = DepthCurve.of(new double[]{0.01, 0.02}, new double[]{1e6, 3e6}, 0.1);
        // ∫_0^1M = 1M·(0 + 0.01)/2 = 5 000; ∫_1M^3M = 2M·(0.01 + 0.02)/2 = 30 000
        assertEquals(0.015, c.marginalDistance(2e6), EPS);
        assertEquals((5_000 + 1e6 * (0.01 + 0.015) / 2) / 2e6, c.slippage(2e6), EPS);
        assertEquals(0.02, c.marginalDistance(3e6), EPS);
        assertEquals(35_000 / 3e6, c.slippage(3e6), EPS);
        // beyond: D = 3M / 0.02 = 150M per unit (1.5M per 1%): x(4.5M) = 0.02 + 1.5M/150M = 0.03
        assertEquals(150e6, c.extrapolationDensity(), 1e-6);
        assertEquals(0.03, c.marginalDistance(4.5e6), EPS);
        assertEquals((35_000 + 1.5e6 * (0.02 + 0.03) / 2) / 4.5e6, c.slippage(4.5e6), EPS);
        // cap 0.1 reached at q = 3M + 0.08·150M = 15M
        assertEquals(0.1, c.marginalDistance(15e6), 1e-15);
        double atCap = 35_000 + 12e6 * (0.02 + 0.1) / 2;
        assertEquals((atCap + 5e6 * 0.1) / 20e6, c.slippage(20e6), EPS);
    }

    @Test
    void aFlatSegmentIsJumpedAndTheMarginalIsLeftContinuous() {
        DepthCurve c = DepthCurve.of(new double[]{0.01, 0.02, 0.03}, new double[]{1e6, 1e6, 2e6}, 0.5);
        assertEquals(0.01, c.marginalDistance(1e6), EPS, "exactly the flat level: where it is first reached");
        assertEquals(0.025, c.marginalDistance(1.5e6), EPS);
        assertEquals((5_000 + 0.5e6 * (0.02 + 0.025) / 2) / 1.5e6, c.slippage(1.5e6), EPS);
    }

    @Test
    void noDepthNearTheMidStartsTheFillsFurtherOut() {
        DepthCurve c = DepthCurve.of(new double[]{0.01, 0.02}, new double[]{0, 1e6}, 0.5);
        assertEquals(0.01, c.marginalDistance(1e-9), 1e-15);
        assertEquals(0.02, c.marginalDistance(1e6), EPS);
        assertEquals(0.015, c.slippage(1e6), EPS);
    }

    @Test
    void anEmptyBookFillsEverythingAtTheBackstop() {
        DepthCurve c = DepthCurve.empty(0.3);
        assertEquals(0, c.slippage(0));
        assertEquals(0.3, c.slippage(1));
        assertEquals(0.3, c.marginalDistance(1e9));
        DepthCurve zero = DepthCurve.of(new double[]{0.01, 0.05}, new double[]{0, 0}, 0.3);
        assertEquals(0.3, zero.slippage(1));
        assertEquals(0, zero.capacityUsd());
    }

    @Test
    void aDepthMultiplierIsTheSameAsScalingTheNotional() {
        DepthCurve c = DepthCurve.linear(1_000_000, 0.5);
        assertEquals(0.025, c.slippage(1e6, 0.2), EPS, "a fifth of the depth: like trading 5M");
        assertEquals(0.05, c.marginalDistance(1e6, 0.2), EPS);
        assertEquals(c.slippage(1e6), c.slippage(1e6, 1.0));
        assertEquals(0.5, c.slippage(1e6, Double.MIN_VALUE), "a vanishing book: the backstop");
    }

    @Test
    void zeroNotionalHasNoSlippage() {
        DepthCurve c = DepthCurve.of(new double[]{0.01}, new double[]{0}, 0.5);
        assertEquals(0, c.slippage(0));
        assertEquals(0, c.marginalDistance(0));
    }

    @Test
    void validationNamesTheField() {
        assertField("distances[1]", () -> DepthCurve.of(new double[]{0.02, 0.01}, new double[]{1, 2}, 0.5));
        assertField("distances[0]", () -> DepthCurve.of(new double[]{0}, new double[]{1}, 0.5));
        assertField("distances[0]", () -> DepthCurve.of(new double[]{Double.NaN}, new double[]{1}, 0.5));
        assertField("distances[1]", () -> DepthCurve.of(new double[]{0.01, 0.6}, new double[]{1, 2}, 0.5));
        assertField("notionalsUsd[1]", () -> DepthCurve.of(new double[]{0.01, 0.02}, new double[]{2, 1}, 0.5));
        assertField("notionalsUsd[0]", () -> DepthCurve.of(new double[]{0.01}, new double[]{-1}, 0.5));
        assertField("notionalsUsd[0]", () -> DepthCurve.of(new double[]{0.01},
                new double[]{Double.POSITIVE_INFINITY}, 0.5));
        assertField("notionalsUsd", () -> DepthCurve.of(new double[]{0.01}, new double[]{1, 2}, 0.5));
        assertField("maxDistance", () -> DepthCurve.of(new double[]{0.01}, new double[]{1}, 1.0));
        assertField("maxDistance", () -> DepthCurve.of(new double[]{0.01}, new double[]{1}, 0));
        assertField("notionalPerPercentUsd", () -> DepthCurve.linear(-1, 0.5));
        assertField("maxDistance", () -> DepthCurve.linear(1, 0.005));
        DepthCurve c = DepthCurve.linear(1, 0.5);
        assertThrows(IllegalArgumentException.class, () -> c.slippage(-1));
        assertThrows(IllegalArgumentException.class, () -> c.slippage(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> c.slippage(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> c.slippage(1, 0));
    }

    static void assertField(String field, Runnable r) {
        ModelValidationException e = assertThrows(ModelValidationException.class, r::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}
