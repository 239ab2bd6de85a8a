package io.solvent.engine.insurance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InsuranceFundTest {
    static final long T = 1_760_130_000_000L;

    @Test
    void inflowsPayoutsAndTheLowestBalance() {
        InsuranceFund f = new InsuranceFund(0, FundSpec.uncapped("venue", 1_000));
        f.receive(T, 40);
        f.receive(T + 1, 0); // ignored
        assertEquals(1_040, f.balance(), 0);
        assertEquals(1, f.inflowCount());
        assertEquals(300, f.pay(T + 2, 300), 0);
        f.receive(T + 3, 60);
        assertEquals(800, f.balance(), 0);
        assertEquals(740, f.minimumBalance(), 0);
        assertEquals(T + 2, f.minimumAtMs());
        // asks for 900 with 800 held: pays 800, is exhausted at T + 4
        assertEquals(800, f.pay(T + 4, 900), 0);
        assertEquals(0, f.balance(), 0);
        assertEquals(0, f.minimumBalance(), 0);
        assertEquals(T + 4, f.minimumAtMs());
        assertTrue(f.exhausted());
        assertEquals(T + 4, f.firstUnpaidAtMs());
        assertEquals(100, f.totalUnpaid(), 0);
        assertEquals(0, f.pay(T + 5, 10), 0);
        assertEquals(T + 4, f.firstUnpaidAtMs());
        assertEquals(110, f.totalUnpaid(), 0);
        assertEquals(100, f.totalInflow(), 0);
        assertEquals(1_100, f.totalPaidOut(), 0);
        assertEquals(2, f.payoutCount());
        assertEquals(f.openingBalance() + f.totalInflow() - f.totalPaidOut(), f.balance(), 0);
    }

    @Test
    void aPayoutCapLimitsWhatTheFundPaysOverTheRun() {
        // Drift caps a market's insurance by contract tier (tier C: 100k USD)
        InsuranceFund f = new InsuranceFund(2, new FundSpec("isolated SOL-PERP", 250_000, 100_000));
        assertEquals(100_000, f.available(), 0);
        assertEquals(60_000, f.pay(T, 60_000), 0);
        assertEquals(40_000, f.pay(T, 70_000), 0);
        assertEquals(0, f.available(), 0);
        assertEquals(150_000, f.balance(), 0);
        assertTrue(f.exhausted());
    }

    @Test
    void aFundThatNeverPaysKeepsItsOpeningAsMinimum() {
        InsuranceFund f = new InsuranceFund(0, FundSpec.uncapped("venue", 5));
        f.receive(T, 1);
        assertEquals(5, f.minimumBalance(), 0);
        assertEquals(Long.MIN_VALUE, f.minimumAtMs());
        assertFalse(f.exhausted());
        assertEquals(0, f.pay(T, 0), 0);
        assertFalse(f.exhausted());
    }

    @Test
    void aCopyIsIndependent() {
        InsuranceFund f = new InsuranceFund(0, FundSpec.uncapped("venue", 100));
        f.pay(T, 30);
        InsuranceFund c = f.copy();
        c.pay(T + 1, 50);
        assertEquals(70, f.balance(), 0);
        assertEquals(20, c.balance(), 0);
        assertEquals(70, f.minimumBalance(), 0);
        assertEquals(20, c.minimumBalance(), 0);
    }

    @Test
    void badAmountsAreRejected() {
        InsuranceFund f = new InsuranceFund(0, FundSpec.uncapped("venue", 100));
        assertThrows(IllegalArgumentException.class, () -> f.receive(T, -1));
        assertThrows(IllegalArgumentException.class, () -> f.receive(T, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> f.pay(T, -1));
        assertThrows(IllegalArgumentException.class, () -> f.pay(T, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> FundSpec.uncapped("venue", -1));
        assertThrows(IllegalArgumentException.class, () -> FundSpec.uncapped(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new FundSpec("venue", 1, -1));
        assertEquals(100, f.balance(), 0);
    }

    @Test
    void fundsAreKeyedPerVenueOrPerIsolatedMarket() {
        // markets 0 and 2 share the venue fund; market 1 is isolated with its own (dYdX v4)
        InsuranceFunds funds = InsuranceFunds.of(List.of(FundSpec.uncapped("venue", 1_000),
                FundSpec.uncapped("isolated ETH-PERP", 50)), new int[]{0, 1, 0});
        assertEquals(2, funds.size());
        assertEquals(3, funds.markets());
        assertSame(funds.fund(0), funds.forMarket(2));
        assertEquals(1, funds.keyOfMarket(1));
        assertEquals("isolated ETH-PERP", funds.forMarket(1).name());
        assertEquals(1, funds.forMarket(1).key());
        funds.forMarket(1).pay(T, 80);
        assertEquals(1_000, funds.totalBalance(), 0);
        InsuranceFunds copy = funds.copy();
        copy.forMarket(0).pay(T, 1_000);
        assertEquals(1_000, funds.totalBalance(), 0);
        assertEquals(0, copy.totalBalance(), 0);
        assertEquals(1, InsuranceFunds.venueWide(FundSpec.uncapped("venue", 1), 4).size());
        assertThrows(IllegalArgumentException.class,
                () -> InsuranceFunds.of(List.of(FundSpec.uncapped("venue", 1)), new int[]{0, 1}));
        assertThrows(IllegalArgumentException.class, () -> InsuranceFunds.of(List.of(), new int[0]));
    }
}
