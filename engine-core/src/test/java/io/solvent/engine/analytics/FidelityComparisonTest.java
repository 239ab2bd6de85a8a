package io.solvent.engine.analytics;

import io.solvent.engine.sim.SimulationEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison's arithmetic by hand: ranks with ties, the correlations, the tally and the four targets. */
class FidelityComparisonTest {
    private static final long M = 60_000L;

    @Test
    void spearmanRanksTiesAtTheirMean() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, FidelityComparison.ranks(new double[] {1, 5, 5, 9}));
        assertEquals(1, FidelityComparison.spearman(new double[] {1, 2, 3}, new double[] {10, 200, 3000}), 1e-15,
                "monotone is 1 whatever the scale");
        assertEquals(-1, FidelityComparison.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Pearson of the ranks
        assertEquals(0.9486832980505138, FidelityComparison.spearman(new double[] {1, 5, 5, 9},
                new double[] {1, 2, 3, 4}), 1e-15);
        assertTrue(Double.isNaN(FidelityComparison.pearson(new double[] {1, 1}, new double[] {1, 2})));
    }

    private static SimulationEvent e(long minute, SimulationEvent.Kind kind, double size, double price, double amount) {
        return new SimulationEvent(minute * M + 5, kind, 0, 0, size, price, amount, 0, "");
    }

    @Test
    void theTallyAndTheTargets() {
        FidelityComparison.Windows w = new FidelityComparison.Windows(10 * M, 20 * M, 12 * M, 15 * M, 13 * M, 15 * M);
        MinuteTally t = new MinuteTally();
        // minute 9 (before the crash window): a short liquidated for 100
        t.event(e(9, SimulationEvent.Kind.LIQUIDATION, -1, 100, 100), "", "", "");
        // minutes 12, 13, 14: 1, 3, 2 long liquidations of 300 each; ADL of shorts in 13 (500) and 14 (900), of a long
        // in 12 (50)
        for (long m : new long[] {12, 13, 13, 13, 14, 14}) {
            t.event(e(m, SimulationEvent.Kind.LIQUIDATION, 1, 300, 300), "", "", "");
        }
        t.event(e(12, SimulationEvent.Kind.DELEVERAGING, 1, 50, 0), "", "", "");
        t.event(e(13, SimulationEvent.Kind.DELEVERAGING, -5, 100, 0), "", "", "");
        t.event(e(14, SimulationEvent.Kind.DELEVERAGING, -9, 100, 0), "", "", "");
        t.event(e(13, SimulationEvent.Kind.BANKRUPTCY, 0, 0, 0), "", "", "");
        assertEquals(new MinuteTally.Minute(3, 900, 900, 1, 500, 500, 1), t.minute(13 * M));
        List<FidelityComparison.VenueMinute> venue = List.of(new FidelityComparison.VenueMinute(12 * M, 10, 0, 0),
                new FidelityComparison.VenueMinute(13 * M, 30, 5, 1e6), new FidelityComparison.VenueMinute(14 * M, 20,
                        2, 5e5));
        FidelityComparison c = FidelityComparison.of(t, venue, w);
        assertEquals(3, c.rows().size());
        assertEquals(1800 / 1900.0, c.crashShare(), 1e-15, "100 of the 1,900 liquidated falls before the window");
        assertEquals(1, c.spearman(), 1e-15, "1, 3, 2 against 10, 30, 20");
        assertArrayEquals(new long[] {14 * M, 13 * M}, c.adlPeak());
        assertEquals(1800 / 1900.0, c.longShare(), 1e-15);
        assertEquals(1400 / 1450.0, c.shortShare(), 1e-15);
        assertTrue(c.crashShareMet() && c.spearmanMet() && c.adlPeakMet() && c.sidesMet() && c.allMet());
        FidelityComparison late = FidelityComparison.of(t, venue, new FidelityComparison.Windows(10 * M, 20 * M,
                12 * M, 15 * M, 13 * M, 14 * M));
        assertFalse(late.adlPeakMet(), "14 lies outside [13, 14)");
    }
}
