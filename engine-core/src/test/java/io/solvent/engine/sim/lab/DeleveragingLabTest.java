package io.solvent.engine.sim.lab;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab on gap-down.json (300 sub-accounts, a $5,000 fund that the gap exhausts): the same bankruptcy under each
 * policy, the amounts conserved, the overshoot measure, the rankings, and the source run left alone.
 */
class DeleveragingLabTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    private static Scenario gapDown() {
        return ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
    }

    private static LabResult lab(Scenario s) {
        return DeleveragingLab.run(s, LabTarget.firstAtOrAfter(Long.MIN_VALUE), DeleveragingLab.POLICIES,
                () -> false, p -> { });
    }

    private static PolicyOutcome outcome(LabResult r, String policy) {
        return r.outcomes().stream().filter(o -> o.policy().equals(policy)).findFirst().orElseThrow();
    }

    /** Conservation and the overshoot measure, for any lab result. */
    private static void checkInvariants(LabResult r) {
        checkInvariants(r, true);
    }

    /**
     * @param first whether r is the first shortfall at or after its time: then every policy meets the bankrupt in
     *              the same state (bar sub-cent shortfalls settled earlier in the step); a later one in the same step
     *              follows earlier shortfalls that each policy settled its own way
     */
    private static void checkInvariants(LabResult r, boolean first) {
        assertTrue(r.shortfallUsd() >= LabTarget.MIN_SHORTFALL_USD, "reaches deleveraging: " + r);
        assertEquals(r.deficitUsd() - r.fundPaidUsd(), r.shortfallUsd(), 1e-9 * r.deficitUsd());
        assertEquals(DeleveragingLab.POLICIES, r.outcomes().stream().map(PolicyOutcome::policy).toList());
        for (PolicyOutcome o : r.outcomes()) {
            String p = o.policy();
            double tol = 1e-9 * Math.max(1, o.shortfallUsd());
            // the fund pays first: the same shortfall under all (up to what a sub-cent shortfall settled earlier in
            // the same step moved, differently under each policy)
            if (first) {
                assertEquals(r.shortfallUsd(), o.shortfallUsd(), LabTarget.MIN_SHORTFALL_USD
                        + 1e-6 * o.shortfallUsd(), p);
            }
            assertEquals(o.shortfallUsd(), o.paidUsd() + o.deficitUsd(), tol, p + ": paid + deficit = shortfall");
            double paid = o.payers().stream().mapToDouble(Payer::paidUsd).sum();
            double taken = o.payers().stream().mapToDouble(Payer::takenUsd).sum();
            assertEquals(o.paidUsd(), paid, tol, p + ": the payers' amounts sum to what was paid");
            assertEquals(o.takenUsd(), taken, tol, p);
            assertTrue(o.overshootUsd() >= 0, p + ": overshoot >= 0");
            assertEquals(o.takenUsd() - o.paidUsd(), o.overshootUsd(), tol, p);
            assertEquals(o.overshootUsd() / o.shortfallUsd() * 100, o.overshootPct(), 1e-9, p);
            for (Payer x : o.payers()) {
                assertTrue(x.takenUsd() >= x.paidUsd() && x.paidUsd() >= 0, p + ": " + x);
                assertTrue(o.largestLossUsd() >= x.takenUsd() - tol, p + ": largest loss " + x);
            }
            assertEquals(o.payers().stream().map(Payer::id).distinct().count(), o.accountsHit(), p);
        }
        PolicyOutcome social = outcome(r, "socialize");
        assertEquals(0, social.overshootUsd(), 0, "a pro-rata share takes exactly what it covers");
        assertEquals(social.paidUsd(), social.takenUsd(), 0);
        assertTrue(social.payers().stream().allMatch(x -> x.sizeClosed() == 0 && x.rank() == 0));
        PolicyOutcome deficit = outcome(r, "deficit");
        assertEquals(0, deficit.paidUsd());
        assertEquals(0, deficit.overshootUsd());
        assertTrue(deficit.payers().isEmpty());
        assertEquals(deficit.shortfallUsd(), deficit.deficitUsd(), 1e-9 * deficit.shortfallUsd());
        for (String adl : List.of("adl-ranked:binance", "adl-ranked:hyperliquid")) {
            PolicyOutcome o = outcome(r, adl);
            java.util.Map<String, Payer> lastOf = new java.util.HashMap<>(); // the queue of each market
            for (Payer x : o.payers()) {
                Payer previous = lastOf.put(x.market(), x);
                assertEquals(previous == null ? 1 : previous.rank() + 1, x.rank(), adl + ": in queue order " + x);
                assertTrue(previous == null || previous.rankKey() >= x.rankKey(), adl + ": by descending key " + x);
                assertTrue(x.sizeClosed() > 0 && x.sizeClosed() <= Math.abs(x.sizeBefore()) + 1e-12, adl + ": " + x);
            }
            assertTrue(o.notionalClosedUsd() > 0, adl);
        }
    }

    @Test
    void theGapsFirstShortfallUnderEachPolicy() {
        LabResult r = lab(gapDown());
        checkInvariants(r);
        // the gap's first bankruptcy the $5,000 fund cannot cover in full
        assertEquals("acct-55/0", r.bankruptId());
        assertEquals("ETH-PERP", r.market());
        assertEquals(1_735_690_802_000L, r.timeMs());
        PolicyOutcome binance = outcome(r, "adl-ranked:binance");
        PolicyOutcome hyperliquid = outcome(r, "adl-ranked:hyperliquid");
        PolicyOutcome social = outcome(r, "socialize");
        // ranked ADL closes the bankrupt's size in profitable shorts, whose profit dwarfs the $64 shortfall
        assertTrue(binance.overshootUsd() > 10 * r.shortfallUsd(), "ADL overshoots: " + binance);
        assertTrue(hyperliquid.overshootUsd() > 10 * r.shortfallUsd(), "ADL overshoots: " + hyperliquid);
        assertEquals(binance.notionalClosedUsd(), hyperliquid.notionalClosedUsd(), 1e-6,
                "both close the bankrupt's size at the same price");
        // a socialized loss spreads the same amount over every holder of the market, both sides
        assertTrue(social.accountsHit() > binance.accountsHit() && social.accountsHit() > hyperliquid.accountsHit());
        assertTrue(social.largestLossUsd() < binance.largestLossUsd());
        assertTrue(social.fromPrincipalUsd() > 0, "losing holders pay their share from collateral");
    }

    @Test
    void binanceAndHyperliquidQueueDifferentCounterparties() {
        LabResult r = lab(gapDown());
        List<String> binance = outcome(r, "adl-ranked:binance").payers().stream().map(Payer::id).toList();
        List<String> hyperliquid = outcome(r, "adl-ranked:hyperliquid").payers().stream().map(Payer::id).toList();
        // Binance ranks by PnL% × margin ratio, so a small position with a large return on thin margin goes
        // first; Hyperliquid by (mark/entry) × notional/equity, so the most leveraged go first.
        assertNotEquals(binance, hyperliquid);
        assertNotEquals(binance.getFirst(), hyperliquid.getFirst());
    }

    @Test
    void theLabIsDeterministicAndLeavesTheSourceRunAlone() {
        Scenario s = gapDown();
        ReplayRunner.Result uninterrupted = ReplayRunner.run(s, ReplaySink.NONE);
        LabResult first;
        ReplayRunner.Result source;
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.stepThrough(1_735_690_801_000L); // the operator's run, paused just before the gap's bankruptcies
            String before = r.stateHash();
            first = lab(s);
            assertEquals(before, r.stateHash(), "the lab runs on a replay of its own");
            while (r.step()) {
                // on to the end
            }
            source = r.finish();
        }
        assertEquals(uninterrupted.stateHash(), source.stateHash());
        assertEquals(first, lab(gapDown()), "the same scenario gives the same result");
    }

    @Test
    void progressRisesToOneAndCancelStops() {
        List<Double> seen = new ArrayList<>();
        DeleveragingLab.run(gapDown(), LabTarget.firstAtOrAfter(Long.MIN_VALUE), DeleveragingLab.POLICIES,
                () -> false, seen::add);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        assertEquals(1.0, seen.getLast(), 1e-12);
        int[] asked = {0};
        assertThrows(CancellationException.class, () -> DeleveragingLab.run(gapDown(),
                LabTarget.firstAtOrAfter(Long.MIN_VALUE), DeleveragingLab.POLICIES, () -> ++asked[0] > 3, p -> { }));
    }

    @Test
    void noShortfallIsOneClearLine() {
        Scenario s = gapDown();
        NoShortfallException late = assertThrows(NoShortfallException.class, () -> DeleveragingLab.run(s,
                LabTarget.firstAtOrAfter(4_000_000_000_000L), DeleveragingLab.POLICIES, () -> false, p -> { }));
        assertTrue(late.getMessage().startsWith("no bankruptcy at or after 2096-"), late.getMessage());
        assertTrue(!late.getMessage().contains("\n"));
        Scenario rich = s.withInsuranceFundUsd(1e9);
        assertThrows(NoShortfallException.class, () -> lab(rich), "a fund that covers everything: no deleveraging");
        assertThrows(IllegalArgumentException.class, () -> DeleveragingLab.run(s, LabTarget.firstAtOrAfter(0),
                List.of("adl-random"), () -> false, p -> { }));
    }

    @Test
    void aGivenSubAccountsBankruptcy() {
        Scenario s = gapDown().withInsuranceFundUsd(0);
        // the bankrupt sub-accounts whose deficit reached deleveraging, in the order the source run settled them
        List<String> bankrupts = new ArrayList<>();
        String[] open = {null};
        ReplayRunner.run(s, new ReplaySink() {
            @Override
            public void event(io.solvent.engine.sim.SimulationEvent e, String account, String sub, String market) {
                switch (e.kind()) {
                    case BANKRUPTCY -> open[0] = e.market() >= 0 ? account + "/" + sub : null;
                    case DELEVERAGING -> {
                        if (open[0] != null && !bankrupts.contains(open[0])) {
                            bankrupts.add(open[0]);
                        }
                    }
                    default -> { }
                }
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        });
        assertTrue(bankrupts.size() >= 2, "the gap bankrupts several: " + bankrupts);
        assertEquals(bankrupts.getFirst(), lab(s).bankruptId());
        String[] second = bankrupts.get(1).split("/");
        LabResult r = DeleveragingLab.run(s, new LabTarget(Long.MIN_VALUE, second[0], second[1]),
                DeleveragingLab.POLICIES, () -> false, p -> { });
        assertEquals(bankrupts.get(1), r.bankruptId());
        assertEquals(0, r.fundPaidUsd(), "an empty fund pays nothing");
        checkInvariants(r, false);
    }

    /** Whatever the fund's size, once it runs short every policy settles the same shortfall, conserved. */
    @Property(tries = 6)
    void everyPolicySettlesTheShortfallWhateverTheFund(@ForAll @DoubleRange(min = 0, max = 4_000) double fundUsd) {
        Scenario s = gapDown().withInsuranceFundUsd(fundUsd);
        checkInvariants(lab(s));
    }
}
