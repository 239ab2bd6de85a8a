package io.solvent.engine.scenario;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonteCarloTest {

    @Test
    void varIsTheEmpiricalQuantileAndEsTheMeanBeyondIt() {
        double[] losses = new double[100];
        for (int i = 0; i < 100; i++) {
            losses[99 - i] = i + 1; // 1..100, unsorted
        }
        double[] v95 = MonteCarlo.valueAtRiskAndShortfall(losses, 0.95);
        assertEquals(95, v95[0]);
        assertEquals((95 + 96 + 97 + 98 + 99 + 100) / 6.0, v95[1], 1e-12);
        double[] v99 = MonteCarlo.valueAtRiskAndShortfall(losses, 0.99);
        assertEquals(99, v99[0]);
        assertEquals(99.5, v99[1], 1e-12);
    }

    @Test
    void calibrationMeasuresVolatilityAndCorrelationOfAlignedReturns() {
        // A rises 1% then falls 1% alternately each minute; B does exactly the opposite: correlation −1 (clamped),
        // equal volatilities.
        List<FeedEvent> events = new ArrayList<>();
        double a = 100;
        double b = 50;
        for (int k = 0; k < 101; k++) {
            events.add(PriceEvent.of(k * 60_000L, "A", a, "t"));
            events.add(PriceEvent.of(k * 60_000L, "B", b, "t"));
            double up = k % 2 == 0 ? 1.01 : 1 / 1.01;
            a *= up;
            b /= up;
        }
        Iterator<FeedEvent> it = events.iterator();
        FeedReader reader = new FeedReader() {
            @Override
            public FeedEvent next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
        Calibration c = Calibration.of(reader, List.of("A", "B"));
        assertEquals(101, c.steps());
        assertEquals(60_000, c.stepMs());
        assertEquals(c.volatility()[0], c.volatility()[1], 1e-12);
        assertEquals(-0.999, c.correlation()[0][1], 1e-12);
        // |log 1.01| every minute: sd ≈ 0.00995 (sample), × √(minutes per year)
        double expected = Alternating.sampleSdOfAlternating(Math.log(1.01), 100) / Math.sqrt(60_000.0 / (365 * 86_400_000.0));
        assertEquals(expected, c.volatility()[0], 1e-9 * expected);
    }

    /** Sample standard deviation of n alternating ±x values. */
    static final class Alternating {
        static double sampleSdOfAlternating(double x, int n) {
            double mean = 0; // n even: the ±x cancel
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double r = i % 2 == 0 ? x : -x;
                ss += (r - mean) * (r - mean);
            }
            return Math.sqrt(ss / (n - 1));
        }
    }
}
