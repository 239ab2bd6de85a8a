package io.solvent.engine.sim.lab;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OvershootCalculatorTest {

    @Test
    void aClosedProfitablePositionGivesUpTheProfitOfWhatWasClosed() {
        // short 10 ETH with $1,000 unrealized profit; ADL closes 4 of it and it pays $30 in cash
        assertEquals(400, OvershootCalculator.closedProfitUsd(1_000, -10, 4), 1e-12);
        assertEquals(400, OvershootCalculator.takenByClose(30, 1_000, -10, 4), 1e-12);
        assertEquals(0, OvershootCalculator.fromPrincipalUsd(30, 400));
        // the same close of a position barely in profit: the cash exceeds the profit, the rest is collateral
        assertEquals(30, OvershootCalculator.takenByClose(30, 10, -10, 4), 1e-12);
        assertEquals(26, OvershootCalculator.fromPrincipalUsd(30, 4), 1e-12);
        // a losing position closed: no profit given up, its cash is what it lost
        assertEquals(30, OvershootCalculator.takenByClose(30, -500, -10, 10), 1e-12);
        assertEquals(0, OvershootCalculator.closedProfitUsd(500, 0, 0));
        assertEquals(370, OvershootCalculator.overshootUsd(400, 30), 1e-12);
        assertEquals(0, OvershootCalculator.overshootUsd(30, 30));
    }

    @Property
    void takenIsAtLeastPaidAndAtMostPaidPlusProfit(@ForAll @DoubleRange(min = 0, max = 1e6) double paid,
                                                  @ForAll @DoubleRange(min = -1e6, max = 1e6) double upnl,
                                                  @ForAll @DoubleRange(min = 0.01, max = 1e3) double size,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        double taken = OvershootCalculator.takenByClose(paid, upnl, -size, size * fraction);
        assertTrue(taken >= paid);
        assertTrue(taken <= paid + Math.max(0, upnl) + 1e-9);
        assertTrue(OvershootCalculator.overshootUsd(taken, paid) >= 0);
    }
}
