package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JumpDiffusionGeneratorTest {
    private static final long T0 = 1_760_000_000_000L;
    private static final Timeline MINUTES_100K = new Timeline(T0, 60_000, 100_001);

    private static JumpDiffusionParameters merton(long seed, Timeline timeline) {
        return new JumpDiffusionParameters("BTCUSDT", 100_000, 0.05, 0.8, 2_000, -0.02, 0.03, timeline, seed,
                "synthetic");
    }

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedDoesNot() {
        Timeline tl = new Timeline(T0, 1_000, 5_000);
        List<PriceEvent> a = Paths.drain(new JumpDiffusionGenerator(merton(11, tl)));
        List<PriceEvent> b = Paths.drain(new JumpDiffusionGenerator(merton(11, tl)));
        List<PriceEvent> c = Paths.drain(new JumpDiffusionGenerator(merton(12, tl)));
        assertEquals(a, b);
        assertNotEquals(a, c);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i).price()), Double.doubleToRawLongBits(b.get(i).price()));
        }
        assertEquals(a.get(0), c.get(0), "both start at the initial price");
    }

    @Test
    void eventsSitOnTheTimelineAndStartAtTheInitialPrice() {
        Timeline tl = new Timeline(T0, 250, 10);
        JumpDiffusionGenerator g = new JumpDiffusionGenerator(merton(3, tl));
        List<PriceEvent> path = Paths.drain(g);
        assertEquals(10, path.size());
        assertEquals(100_000, path.get(0).price());
        for (int k = 0; k < 10; k++) {
            assertEquals(T0 + 250L * k, path.get(k).timestampMs());
            assertEquals("BTCUSDT", path.get(k).symbol());
            assertEquals("synthetic", path.get(k).source());
            assertTrue(Double.isNaN(path.get(k).confidence()));
        }
        assertNull(g.next());
    }

    @Test
    void zeroVolatilityDriftAndJumpsStayExactlyAtTheInitialPrice() {
        var p = JumpDiffusionParameters.gbm("USDC", 1.0, 0, 0, new Timeline(T0, 1_000, 1_000), 5);
        for (PriceEvent e : Paths.drain(new JumpDiffusionGenerator(p))) {
            assertEquals(1.0, e.price());
        }
    }

    @Test
    void realisedVolatilityOfAGbmIsWithinTwoPercentOfTheParameterOver100kSteps() {
        var p = JumpDiffusionParameters.gbm("ETHUSDT", 3_000, 0.1, 0.65, MINUTES_100K, 2024);
        double[] r = Paths.logReturns(Paths.drain(new JumpDiffusionGenerator(p)));
        assertEquals(100_000, r.length);
        double vol = Paths.annualised(Paths.stdDev(r), 60_000);
        assertEquals(0.65, vol, 0.65 * 0.02, "realised vol " + vol);
    }

    @Test
    void jumpsArriveAtTheIntensityAndAddTheirVariance() {
        JumpDiffusionGenerator g = new JumpDiffusionGenerator(merton(99, MINUTES_100K));
        double[] r = Paths.logReturns(Paths.drain(g));
        double years = 100_000 * 60_000.0 / Timeline.YEAR_MS;
        double expectedJumps = 2_000 * years; // ≈ 380
        assertEquals(expectedJumps, g.jumps(), expectedJumps * 0.10, "jumps " + g.jumps());
        double dt = 60_000.0 / Timeline.YEAR_MS;
        double expectedVariance = 0.8 * 0.8 * dt + 2_000 * dt * (0.02 * 0.02 + 0.03 * 0.03);
        double variance = Math.pow(Paths.stdDev(r), 2);
        assertEquals(expectedVariance, variance, expectedVariance * 0.10, "variance per step");
    }

    @Test
    void theDriftIsCompensatedForJumps() {
        // E[S(t)] = S0 e^{μ t}; check the mean of S(1 step)/S0 over many one-step paths, each a different seed
        Timeline oneDay = new Timeline(T0, 86_400_000, 2);
        double sum = 0;
        int n = 40_000;
        for (int seed = 0; seed < n; seed++) {
            var p = new JumpDiffusionParameters("X", 1, 0.5, 0.3, 50, -0.1, 0.05, oneDay, seed, "synthetic");
            List<PriceEvent> path = Paths.drain(new JumpDiffusionGenerator(p));
            sum += path.get(1).price();
        }
        double expected = Math.exp(0.5 / 365);
        assertEquals(expected, sum / n, 0.002, "mean one-day gross return");
    }

    @Test
    void validationNamesTheField() {
        Timeline tl = new Timeline(T0, 1_000, 10);
        assertEquals("volatility", assertThrows(ModelValidationException.class, () ->
                new JumpDiffusionParameters("X", 1, 0, -0.1, 0, 0, 0, tl, 1, "s")).field());
        assertEquals("initialPrice", assertThrows(ModelValidationException.class, () ->
                new JumpDiffusionParameters("X", 0, 0, 0.1, 0, 0, 0, tl, 1, "s")).field());
        assertEquals("jumpStdDev", assertThrows(ModelValidationException.class, () ->
                new JumpDiffusionParameters("X", 1, 0, 0.1, 1, 0, Double.NaN, tl, 1, "s")).field());
        assertEquals("jumpIntensity", assertThrows(ModelValidationException.class, () ->
                new JumpDiffusionParameters("X", 1, 0, 0.1, 1e12, 0, 0, tl, 1, "s")).field());
        assertEquals("symbol", assertThrows(ModelValidationException.class, () ->
                new JumpDiffusionParameters(" ", 1, 0, 0.1, 0, 0, 0, tl, 1, "s")).field());
        assertEquals("stepMs", assertThrows(ModelValidationException.class, () ->
                new Timeline(T0, 0, 10)).field());
        assertEquals("count", assertThrows(ModelValidationException.class, () ->
                new Timeline(T0, 1, 0)).field());
    }
}
