package io.solvent.engine.sim;

import io.solvent.engine.io.ReplayOutput;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped scenarios replay deterministically, with a balanced ledger, under every deleveraging policy. */
class ReplayRunnerTest {
    static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    private static ReplayRunner.Result run(Scenario s, List<SimulationEvent> events) {
        return ReplayRunner.run(s, ReplaySink.events(events::add));
    }

    @Test
    void twoRunsOfTheGapScenarioGiveTheSameHashAndEvents() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        List<SimulationEvent> first = new ArrayList<>();
        List<SimulationEvent> second = new ArrayList<>();
        ReplayRunner.Result a = run(s, first);
        ReplayRunner.Result b = run(ScenarioReader.read(SCENARIOS.resolve("gap-down.json")), second);
        assertEquals(a.stateHash(), b.stateHash());
        assertEquals(first, second);
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i).timeMs() >= first.get(i - 1).timeMs(),
                    "events in time order across symbols (heartbeats and latency delivered in turn): " + i);
        }
        assertEquals(7200, a.ticks());
        assertTrue(a.summary().bankruptcies() > 0, "the gap bankrupts someone: " + a.summary());
        assertTrue(a.summary().maxLedgerImbalance() <= 1e-9, "ledger imbalance " + a.summary().maxLedgerImbalance());
    }

    /**
     * Once a parameter that did nothing (no caller ever set a market stressed): the gap moves ETH 25% from its moving
     * reference, past the 5% trigger, so its book thins to the stressed multiplier — the run differs from one with a
     * multiplier of 1, and from one whose trigger the gap never reaches, which in turn are the same run.
     */
    @Test
    void theStressedDepthMultiplierAppliesWhenItsRuleSaysSo() {
        Scenario base = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        assertEquals(0.2, base.liquidity().stressedDepthMultiplier());
        String stressed = run(base, new ArrayList<>()).stateHash();
        String unstressed = run(base.withLiquidity(base.liquidity().withStressedDepthMultiplier(1.0)),
                new ArrayList<>()).stateHash();
        String neverTriggered = run(base.withLiquidity(base.liquidity().withStressTrigger(0.9,
                base.liquidity().stressedHalfLifeMs())), new ArrayList<>()).stateHash();
        org.junit.jupiter.api.Assertions.assertNotEquals(stressed, unstressed, "the stressed regime thins the book");
        assertEquals(unstressed, neverTriggered, "without a trigger the multiplier is never applied");
    }

    @Test
    void everyPolicySettlesTheSameBadDebtAndTheLedgerBalances() {
        Scenario base = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        for (String policy : List.of("adl-ranked", "adl-ranked:hyperliquid", "socialize", "deficit")) {
            Scenario s = base.withDeleveraging(policy);
            RunSummary r = run(s, new ArrayList<>()).summary();
            assertTrue(r.maxLedgerImbalance() <= 1e-9, policy + ": " + r.maxLedgerImbalance());
            assertTrue(r.badDebtUsd() > 0, policy);
            assertTrue(r.fundMinimumUsd() >= 0 && r.fundMinimumUsd() <= base.insuranceFundUsd(), policy);
            if (policy.equals("deficit")) {
                assertTrue(r.deficitUsd() > 0, "what the fund cannot pay is recorded");
            }
            if (policy.startsWith("adl")) {
                assertTrue(r.deleveragingFills() > 0, policy + " closes counterparties");
            }
        }
    }

    @Test
    void writesTheFourOutputs(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("flash-crash.json"));
        ReplayRunner.Result r;
        try (ReplayOutput out = new ReplayOutput(dir, s.book().assets().stream().map(Asset::symbol).toList())) {
            r = ReplayRunner.run(s, out);
            out.finish(s, r, "test");
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("events.csv", "manifest.json", "metrics.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("\"stateHash\": \"" + r.stateHash() + "\""), summary);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"file\": \"population-300.json\""), manifest);
        assertTrue(manifest.matches("(?s).*\"sha256\": \"[0-9a-f]{64}\".*"), manifest);
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(metrics.getFirst().startsWith("time_ms,price_USDC,price_BTC,price_ETH"), metrics.getFirst());
        assertTrue(metrics.size() > 3600, "a row per simulated second: " + metrics.size());
        long liquidations = Files.readAllLines(dir.resolve("events.csv")).stream()
                .filter(l -> l.contains(",liquidation,") || l.contains(",collateral_sale,")).count();
        assertEquals(r.summary().liquidations(), liquidations);
    }

    @Test
    void underThePausePolicyAStaleOracleHoldsLiquidationsUntilItIsFresh() {
        // BTC's feed freezes for 20 minutes across the crash; ETH keeps ticking and falls. Under PAUSE, sub-accounts
        // exposed to BTC wait until BTC is fresh again; under KEEP_LAST they are liquidated at its last price.
        Scenario base = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        long gap = 1735690800000L;
        List<io.solvent.engine.feed.synthetic.Shock> shocks = new ArrayList<>(base.shocks());
        shocks.add(new io.solvent.engine.feed.synthetic.FrozenFeedShock("BTCUSD", gap - 60_000, gap + 1_200_000));
        List<Long> firstBtcExposedLiquidation = new ArrayList<>();
        long freshAgain = Long.MAX_VALUE;
        for (io.solvent.engine.oracle.StalenessPolicy policy : io.solvent.engine.oracle.StalenessPolicy.values()) {
            io.solvent.engine.oracle.OracleParameters oracle = base.oracle().withStaleness(30_000, policy);
            Scenario s = base.withOracle(oracle).withShocks(shocks);
            List<SimulationEvent> events = new ArrayList<>();
            ReplayRunner.Result r = ReplayRunner.run(s, ReplaySink.events(events::add));
            assertTrue(r.summary().maxLedgerImbalance() <= 1e-9);
            firstBtcExposedLiquidation.add(events.stream()
                    .filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION && e.timeMs() >= gap)
                    .filter(e -> s.book().markets().get(e.market()).underlying().equals("BTC"))
                    .mapToLong(SimulationEvent::timeMs).min().orElse(Long.MAX_VALUE));
            if (policy == io.solvent.engine.oracle.StalenessPolicy.PAUSE) {
                freshAgain = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.ORACLE_FRESH)
                        .filter(e -> e.detail().startsWith("BTCUSD") && e.timeMs() >= gap)
                        .mapToLong(SimulationEvent::timeMs).min().orElseThrow();
            }
        }
        long keepLast = firstBtcExposedLiquidation.get(io.solvent.engine.oracle.StalenessPolicy.KEEP_LAST.ordinal());
        long pause = firstBtcExposedLiquidation.get(io.solvent.engine.oracle.StalenessPolicy.PAUSE.ordinal());
        assertTrue(keepLast < gap + 1_200_000, "KEEP_LAST liquidates BTC positions during the freeze: " + keepLast);
        assertTrue(pause >= gap + 1_200_000, "PAUSE waits until BTC is fresh: " + pause);
        assertTrue(pause <= freshAgain, "the first fresh price carries the end of the pause: it liquidates at once ("
                + pause + " vs fresh at " + freshAgain + ")");
    }
}
