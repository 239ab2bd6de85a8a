package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegimeSwitchingGeneratorTest {
    private static final long T0 = 1_760_000_000_000L;

    private static RegimeSwitchingParameters params(long seed, int count) {
        return new RegimeSwitchingParameters("SOLUSDT", 150, 0.1, 0.5, -2.0, 1.5,
                new RegimeChain(0.001, 0.004, Regime.CALM), new Timeline(T0, 60_000, count), seed, "synthetic");
    }

    @Test
    void sameSeedSamePathOtherSeedOtherPath() {
        assertEquals(Paths.drain(new RegimeSwitchingGenerator(params(5, 3_000))),
                Paths.drain(new RegimeSwitchingGenerator(params(5, 3_000))));
        assertNotEquals(Paths.drain(new RegimeSwitchingGenerator(params(5, 3_000))),
                Paths.drain(new RegimeSwitchingGenerator(params(6, 3_000))));
    }

    @Test
    void timeInEachRegimeAndItsVolatilityMatchTheParameters() {
        RegimeSwitchingGenerator g = new RegimeSwitchingGenerator(params(77, 200_001));
        List<Double> calm = new ArrayList<>();
        List<Double> stressed = new ArrayList<>();
        PriceEvent prev = (PriceEvent) g.next();
        int switches = 0;
        Regime last = g.regime();
        PriceEvent e;
        while ((e = (PriceEvent) g.next()) != null) {
            double r = Math.log(e.price() / prev.price());
            (g.regime() == Regime.CALM ? calm : stressed).add(r);
            if (g.regime() != last) {
                switches++;
                last = g.regime();
            }
            prev = e;
        }
        double stressedShare = (double) stressed.size() / (calm.size() + stressed.size());
        assertEquals(0.001 / 0.005, stressedShare, 0.03, "stationary share of stressed steps");
        // expected switches: 2 × steps × p_cs p_sc / (p_cs + p_sc) = 320
        assertEquals(320, switches, 60);
        double calmVol = Paths.annualised(Paths.stdDev(toArray(calm)), 60_000);
        double stressedVol = Paths.annualised(Paths.stdDev(toArray(stressed)), 60_000);
        assertEquals(0.5, calmVol, 0.5 * 0.03);
        assertEquals(1.5, stressedVol, 1.5 * 0.05);
    }

    @Test
    void aFixedChainNeverSwitches() {
        var p = new RegimeSwitchingParameters("X", 1, 0, 0.2, 0, 0.9, RegimeChain.fixed(Regime.STRESSED),
                new Timeline(T0, 1_000, 1_000), 1, "synthetic");
        RegimeSwitchingGenerator g = new RegimeSwitchingGenerator(p);
        while (g.next() != null) {
            assertEquals(Regime.STRESSED, g.regime());
        }
    }

    @Test
    void validationNamesTheField() {
        assertEquals("calmToStressed", assertThrows(ModelValidationException.class, () ->
                new RegimeChain(1.5, 0, Regime.CALM)).field());
        assertEquals("initial", assertThrows(ModelValidationException.class, () ->
                new RegimeChain(0.1, 0.1, null)).field());
        assertEquals("stressedVolatility", assertThrows(ModelValidationException.class, () ->
                new RegimeSwitchingParameters("X", 1, 0, 0.2, 0, -1, RegimeChain.fixed(Regime.CALM),
                        new Timeline(T0, 1, 2), 1, "s")).field());
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
