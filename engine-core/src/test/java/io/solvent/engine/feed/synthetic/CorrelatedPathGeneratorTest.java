package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelatedPathGeneratorTest {
    private static final long T0 = 1_760_000_000_000L;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    private static CorrelatedPathParameters params(RegimeChain chain, int count, long seed) {
        double[][] calm = {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}};
        return new CorrelatedPathParameters(SYMBOLS, new double[]{100_000, 3_000, 150}, new double[]{0, 0, 0},
                new double[]{0.5, 0.7, 0.9}, new double[]{1.2, 1.6, 2.4}, calm,
                CorrelatedPathParameters.uniformCorrelation(3, 0.9), chain, new Timeline(T0, 60_000, count), seed,
                "synthetic");
    }

    /** Per-symbol log returns of the steps spent in {@code regime}. */
    private static double[][] returns(CorrelatedPathGenerator g, Regime regime, int count) {
        double[][] r = new double[3][count];
        double[] prev = new double[3];
        int n = 0;
        for (int k = 0; ; k++) {
            PriceEvent[] at = new PriceEvent[3];
            for (int i = 0; i < 3; i++) {
                at[i] = (PriceEvent) g.next();
                if (at[i] == null) {
                    double[][] out = new double[3][];
                    for (int j = 0; j < 3; j++) {
                        out[j] = java.util.Arrays.copyOf(r[j], n);
                    }
                    return out;
                }
                assertEquals(SYMBOLS.get(i), at[i].symbol());
                assertEquals(T0 + 60_000L * k, at[i].timestampMs());
            }
            if (k > 0 && g.regime() == regime) {
                for (int i = 0; i < 3; i++) {
                    r[i][n] = Math.log(at[i].price() / prev[i]);
                }
                n++;
            }
            for (int i = 0; i < 3; i++) {
                prev[i] = at[i].price();
            }
        }
    }

    @Test
    void calmCorrelationAndVolatilitiesAreReproduced() {
        double[][] r = returns(new CorrelatedPathGenerator(params(RegimeChain.fixed(Regime.CALM), 100_001, 1)),
                Regime.CALM, 100_000);
        assertEquals(100_000, r[0].length);
        assertEquals(0.5, Paths.correlation(r[0], r[1]), 0.02);
        assertEquals(0.3, Paths.correlation(r[0], r[2]), 0.02);
        assertEquals(0.4, Paths.correlation(r[1], r[2]), 0.02);
        assertEquals(0.5, Paths.annualised(Paths.stdDev(r[0]), 60_000), 0.5 * 0.02);
        assertEquals(0.9, Paths.annualised(Paths.stdDev(r[2]), 60_000), 0.9 * 0.02);
    }

    @Test
    void correlationRisesInTheStressedRegimeOfASwitchingPath() {
        RegimeChain chain = new RegimeChain(0.002, 0.01, Regime.CALM);
        double[][] calm = returns(new CorrelatedPathGenerator(params(chain, 200_001, 9)), Regime.CALM, 200_000);
        double[][] stressed = returns(new CorrelatedPathGenerator(params(chain, 200_001, 9)), Regime.STRESSED,
                200_000);
        assertTrue(stressed[0].length > 20_000, "stressed steps " + stressed[0].length);
        assertEquals(0.5, Paths.correlation(calm[0], calm[1]), 0.02);
        assertEquals(0.9, Paths.correlation(stressed[0], stressed[1]), 0.02);
        assertEquals(0.9, Paths.correlation(stressed[1], stressed[2]), 0.02);
        assertEquals(1.6, Paths.annualised(Paths.stdDev(stressed[1]), 60_000), 1.6 * 0.03);
    }

    @Test
    void sameSeedSamePaths() {
        RegimeChain chain = new RegimeChain(0.01, 0.05, Regime.CALM);
        assertEquals(Paths.drain(new CorrelatedPathGenerator(params(chain, 2_000, 4))),
                Paths.drain(new CorrelatedPathGenerator(params(chain, 2_000, 4))));
        assertNotEquals(Paths.drain(new CorrelatedPathGenerator(params(chain, 2_000, 4))),
                Paths.drain(new CorrelatedPathGenerator(params(chain, 2_000, 5))));
    }

    @Test
    void choleskyReproducesTheMatrix() {
        double[][] c = {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}};
        double[][] l = CholeskyCalculator.lower(c, "c");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i][k] * l[j][k];
                }
                assertEquals(c[i][j], s, 1e-15);
            }
            assertArrayEquals(new double[3 - i - 1], java.util.Arrays.copyOfRange(l[i], i + 1, 3));
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRejectedByName() {
        double[][] inconsistent = {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};
        ModelValidationException e = assertThrows(ModelValidationException.class, () ->
                new CorrelatedPathParameters(SYMBOLS, new double[]{1, 1, 1}, new double[3], new double[3],
                        new double[3], CorrelatedPathParameters.uniformCorrelation(3, 0.2), inconsistent,
                        RegimeChain.fixed(Regime.CALM), new Timeline(T0, 1, 2), 1, "s"));
        assertEquals("stressedCorrelation", e.field());
        assertTrue(e.problem().contains("positive-definite"), e.problem());
        assertEquals("calmCorrelation", assertThrows(ModelValidationException.class, () ->
                CholeskyCalculator.lower(CorrelatedPathParameters.uniformCorrelation(3, 1.0), "calmCorrelation"))
                .field());
    }

    @Test
    void malformedMatricesAndVectorsNameTheEntry() {
        double[][] asymmetric = {{1, 0.5}, {0.4, 1}};
        assertEquals("m[1][0]", assertThrows(ModelValidationException.class, () ->
                CholeskyCalculator.lower(asymmetric, "m")).field());
        assertEquals("m[0][1]", assertThrows(ModelValidationException.class, () ->
                CholeskyCalculator.lower(new double[][]{{1, 1.5}, {1.5, 1}}, "m")).field());
        assertEquals("m[1][1]", assertThrows(ModelValidationException.class, () ->
                CholeskyCalculator.lower(new double[][]{{1, 0}, {0, 0.9}}, "m")).field());
        assertEquals("m[1]", assertThrows(ModelValidationException.class, () ->
                CholeskyCalculator.lower(new double[][]{{1, 0}, {0}}, "m")).field());
        double[][] id = CorrelatedPathParameters.uniformCorrelation(2, 0);
        assertEquals("calmVolatilities[1]", assertThrows(ModelValidationException.class, () ->
                new CorrelatedPathParameters(List.of("A", "B"), new double[]{1, 1}, new double[2],
                        new double[]{0.1, -0.1}, new double[2], id, id, RegimeChain.fixed(Regime.CALM),
                        new Timeline(T0, 1, 2), 1, "s")).field());
        assertEquals("drifts", assertThrows(ModelValidationException.class, () ->
                new CorrelatedPathParameters(List.of("A", "B"), new double[]{1, 1}, new double[3],
                        new double[2], new double[2], id, id, RegimeChain.fixed(Regime.CALM),
                        new Timeline(T0, 1, 2), 1, "s")).field());
        assertEquals("symbols[1]", assertThrows(ModelValidationException.class, () ->
                new CorrelatedPathParameters(List.of("A", "A"), new double[]{1, 1}, new double[2],
                        new double[2], new double[2], id, id, RegimeChain.fixed(Regime.CALM),
                        new Timeline(T0, 1, 2), 1, "s")).field());
    }

    @Test
    void parametersCopyTheirArrays() {
        CorrelatedPathParameters p = params(RegimeChain.fixed(Regime.CALM), 2, 1);
        double[] out = p.initialPrices();
        out[0] = 42;
        assertEquals(100_000, p.initialPrices()[0]);
        double[][] c = p.stressedCorrelation();
        c[0][1] = 0;
        assertEquals(0.9, p.stressedCorrelation()[0][1]);
    }
}
