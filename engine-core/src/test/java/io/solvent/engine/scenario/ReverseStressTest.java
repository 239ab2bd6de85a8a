package io.solvent.engine.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReverseStressTest {

    @Test
    void findsTheThresholdWithinTheTolerance() {
        // a fund of 1,000 that loses 5,000 per unit of drop: empty from a drop of 0.2
        ReverseStress.Outcome o = ReverseStress.search(d -> Math.max(0, 1000 - 5000 * d), 0.95);
        assertTrue(o.emptiesAt() >= 0.2 && o.emptiesAt() - 0.2 <= ReverseStress.TOLERANCE, "found " + o.emptiesAt());
        assertTrue(o.survives() < 0.2 && 0.2 - o.survives() <= ReverseStress.TOLERANCE, "survives " + o.survives());
        assertEquals(0.0, o.trials().getFirst().drop());
        assertEquals(0.95, o.trials().get(1).drop());
    }

    @Test
    void reportsWhenNothingEmptiesItOrNoDropIsNeeded() {
        ReverseStress.Outcome never = ReverseStress.search(d -> 1.0, 0.5);
        assertTrue(Double.isNaN(never.emptiesAt()));
        assertEquals(0.5, never.survives());
        assertEquals(2, never.trials().size());
        ReverseStress.Outcome already = ReverseStress.search(d -> 0.0, 0.5);
        assertEquals(0.0, already.emptiesAt());
        assertTrue(Double.isNaN(already.survives()));
    }
}
