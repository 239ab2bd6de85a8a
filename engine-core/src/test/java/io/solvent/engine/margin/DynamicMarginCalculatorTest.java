package io.solvent.engine.margin;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicMarginCalculatorTest {
    private static final double YEAR_MS = 365.25 * 86_400_000.0;

    @Test
    void theVarianceFollowsTheDocumentedRecurrence() {
        DynamicMarginCalculator c = new DynamicMarginCalculator(1, 60_000, 0.8, 3, 0.05);
        assertEquals(0.8, c.volatility(0), 1e-15, "starts at the reference");
        assertFalse(c.observe(0, 0, 100), "the first price only sets the reference point");
        c.observe(0, 1_000, 101);
        double lambda = Math.pow(2, -1_000.0 / 60_000);
        double r = Math.log(101.0 / 100);
        double v = lambda * 0.64 + (1 - lambda) * r * r / (1_000 / YEAR_MS);
        assertEquals(Math.sqrt(v), c.volatility(0), 1e-12);
        // a second price at the same time adds nothing until time passes, and is measured from the last counted price
        c.observe(0, 1_000, 150);
        assertEquals(Math.sqrt(v), c.volatility(0), 1e-12);
    }

    @Test
    void aCrashRaisesTheMultiplierInStepsUpToTheCapAndCalmBringsItBack() {
        DynamicMarginCalculator c = new DynamicMarginCalculator(1, 60_000, 0.8, 3, 0.05);
        double p = 100;
        c.observe(0, 0, p);
        double highest = 1;
        for (int t = 1; t <= 120; t++) { // ±1% a second: thousands of percent annualised, far above 80%
            p *= t % 2 == 0 ? 1.01 : 0.99;
            c.observe(0, t * 1_000L, p);
            highest = Math.max(highest, c.multiplier(0));
            double steps = (c.multiplier(0) - 1) / 0.05;
            assertEquals(Math.rint(steps), steps, 1e-9, "a multiple of the step");
        }
        assertEquals(3, highest, 0, "capped at maxMultiplier");
        for (int t = 121; t <= 3_600; t++) {
            c.observe(0, t * 1_000L, p); // a flat hour
        }
        assertEquals(1, c.multiplier(0), 0, "never below 1");
        assertTrue(c.volatility(0) < 0.01, "the variance decays: " + c.volatility(0));
    }

    @Property(tries = 200)
    void theMultiplierStaysInItsBoundsAndACopyHasTheSameFuture(@ForAll long seed,
                                                               @ForAll @DoubleRange(min = 1, max = 5) double max,
                                                               @ForAll @IntRange(min = 1, max = 400) int ticks) {
        DynamicMarginCalculator a = new DynamicMarginCalculator(2, 30_000, 0.5, max, 0.1);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = {100, 10};
        DynamicMarginCalculator copy = null;
        for (int t = 0; t < ticks; t++) {
            if (t == ticks / 2) {
                copy = a.copy();
            }
            int asset = rnd.nextInt(2);
            p[asset] *= Math.exp(0.05 * (rnd.nextDouble() - 0.5));
            a.observe(asset, t * 500L, p[asset]);
            assertTrue(a.multiplier(asset) >= 1 && a.multiplier(asset) <= max, "multiplier " + a.multiplier(asset));
            if (copy != null) { // fed the same prices from the copy on, the two agree bit for bit
                copy.observe(asset, t * 500L, p[asset]);
                assertEquals(a.multiplier(asset), copy.multiplier(asset), 0);
                assertEquals(a.volatility(asset), copy.volatility(asset), 0);
            }
        }
    }
}
