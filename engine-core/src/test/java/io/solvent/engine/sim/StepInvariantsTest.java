package io.solvent.engine.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step ends with the run-time invariants; the first that fails stops the run with what, when and the figures,
 * instead of letting it go on to publish wrong ones. A sound run is never stopped (every other engine test is one).
 */
class StepInvariantsTest {

    private static SimulationEngine engine() {
        return SimulationEngineTest.engine(SimulationEngineTest.book(), "adl-ranked:hyperliquid", 100,
                new ArrayList<>());
    }

    @Test
    void aFundPayoutTheLedgerNeverSawStopsTheNextStep() {
        SimulationEngine e = engine();
        int eth = e.book().assets().indexOf("ETH");
        e.onPrice(1_000, eth, 2000); // a sound step
        e.funds().fund(0).pay(1_500, 40); // a bug: money left the fund with no ledger entry
        InvariantViolationException x = assertThrows(InvariantViolationException.class,
                () -> e.onPrice(2_000, eth, 2000));
        InvariantViolation v = x.violation();
        assertEquals("insurance-fund", v.invariant());
        assertEquals(2_000, v.timeMs());
        assertEquals(2, v.step());
        assertEquals("fund 'venue' holds 60.0 USD but its opening 100.0 USD and the ledger's postings to it say"
                + " 100.0 USD", v.detail());
        assertEquals("the run halted at 1970-01-01T00:00:02Z (step 2): insurance-fund invariant broken: "
                + v.detail(), x.getMessage());
    }

    @Test
    void aPriceThatIsNotFiniteAndPositiveNeverReachesTheBook() {
        for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
            SimulationEngine e = engine();
            int eth = e.book().assets().indexOf("ETH");
            double before = e.book().assets().price(eth);
            InvariantViolationException x = assertThrows(InvariantViolationException.class,
                    () -> e.onPrice(1_000, eth, bad));
            assertEquals("price", x.violation().invariant());
            assertTrue(x.violation().detail().startsWith("ETH reached the engine at " + bad + " USD"),
                    x.violation().detail());
            assertEquals(before, e.book().assets().price(eth), "the book still holds the last good price");
        }
        SimulationEngine e = engine();
        int eth = e.book().assets().indexOf("ETH");
        assertThrows(InvariantViolationException.class, () -> e.onPrice(1_000, eth, 2000, 2000),
                "a half-spread as wide as the price");
    }

    @Test
    void conservationAndPlausibilityBreachesAreNamedWithTheirFigures() {
        SimulationEngine e = engine();
        InvariantViolation conservation = assertThrows(InvariantViolationException.class,
                () -> StepInvariants.check(5, 3, 2e-6, e.ledger(), e.funds(), null)).violation();
        assertEquals("conservation", conservation.invariant());
        assertTrue(conservation.detail().startsWith("the ledger's balances sum to 2.0E-6 of its gross flow"),
                conservation.detail());
        assertEquals("conservation", assertThrows(InvariantViolationException.class,
                () -> StepInvariants.check(5, 3, Double.NaN, e.ledger(), e.funds(), null)).violation().invariant(),
                "NaN is never within tolerance");
        InvariantViolation plausibility = assertThrows(InvariantViolationException.class,
                () -> StepInvariants.check(5, 3, 0, e.ledger(), e.funds(), "bad debt 10 USD but 0 USD settled"))
                .violation();
        assertEquals(List.of("plausibility", "bad debt 10 USD but 0 USD settled"),
                List.of(plausibility.invariant(), plausibility.detail()));
        StepInvariants.check(5, 3, 1e-12, e.ledger(), e.funds(), null); // rounding within tolerance passes
    }

    @Test
    void aSoundCrashIsNeverStopped() {
        SimulationEngine e = engine();
        int eth = e.book().assets().indexOf("ETH");
        double[] path = {1990, 1850, 1700, 1900, 2100, 2000}; // through the long's bankruptcy and ADL, and back
        for (int i = 0; i < path.length; i++) {
            e.onPrice(1_000L * (i + 1), eth, path[i]);
        }
        assertTrue(e.summary().bankruptcies() > 0, "the crash reached a bankruptcy");
        assertEquals(0, e.summary().plausibilityViolations());
    }
}
