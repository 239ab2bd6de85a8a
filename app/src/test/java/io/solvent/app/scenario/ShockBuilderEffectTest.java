package io.solvent.app.scenario;

import io.solvent.app.scenario.HypotheticalShock.CorrelatedMove;
import io.solvent.app.scenario.HypotheticalShock.CrashWithRecovery;
import io.solvent.app.scenario.HypotheticalShock.InstantMove;
import io.solvent.app.scenario.HypotheticalShock.LiquidityDrought;
import io.solvent.app.scenario.HypotheticalShock.OracleFreeze;
import io.solvent.app.scenario.HypotheticalShock.OracleLag;
import io.solvent.app.scenario.HypotheticalShock.StablecoinDepeg;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field of the shock builder changes what a headless replay of the saved file shows, the way the builder says:
 * each saved scenario is read back by the scenario reader and replayed to its end over the bundled flash crash (300
 * accounts, ETH −35% and BTC −20% from minute 20, 2 s oracle latency).
 */
class ShockBuilderEffectTest {
    private static final Path BASE = Path.of("..", "assets", "scenarios", "flash-crash.json");
    private static final long T0 = 1_735_689_600_000L;
    private static final long MIN = 60_000L;

    @TempDir
    static Path dir;
    private static ShockBuilder builder;
    private static Run base;
    private static int n;

    @BeforeAll
    static void baseline() {
        builder = ShockBuilder.of(BASE);
        base = replay(ScenarioReader.read(BASE));
    }

    @Test
    void aBiggerInstantMoveLiquidatesMore() {
        Run small = run(new InstantMove("BTCUSD", T0 + 5 * MIN, -0.1));
        Run big = run(new InstantMove("BTCUSD", T0 + 5 * MIN, -0.3));
        long before = T0 + 20 * MIN; // the base's own crash starts then
        assertTrue(big.liquidationsBefore(before) > small.liquidationsBefore(before),
                big.liquidationsBefore(before) + " liquidations after −30%, " + small.liquidationsBefore(before)
                        + " after −10%");
        assertTrue(small.liquidationsBefore(before) >= base.liquidationsBefore(before));
        System.out.printf("liquidations before minute 20: base %d, BTC −10%% %d, BTC −30%% %d%n",
                base.liquidationsBefore(before), small.liquidationsBefore(before), big.liquidationsBefore(before));
        assertEquals(0.7, big.price("BTC", T0 + 10 * MIN) / base.price("BTC", T0 + 10 * MIN), 0.01,
                "BTC seen at 0.7× the base after a −30% gap (within the cascade's own price impact)");
    }

    @Test
    void aDeeperCrashLiquidatesMoreAndItsRecoveryLiftsTheEnd() {
        Run shallow = run(new CrashWithRecovery("BTCUSD", T0 + 5 * MIN, -0.1, 5 * MIN, 0, 0));
        Run deep = run(new CrashWithRecovery("BTCUSD", T0 + 5 * MIN, -0.4, 5 * MIN, 0, 0));
        long before = T0 + 20 * MIN;
        assertTrue(deep.liquidationsBefore(before) > shallow.liquidationsBefore(before),
                deep.liquidationsBefore(before) + " vs " + shallow.liquidationsBefore(before));
        Run recovered = run(new CrashWithRecovery("BTCUSD", T0 + 5 * MIN, -0.4, 5 * MIN, 1, 5 * MIN));
        long late = T0 + 15 * MIN;
        assertEquals(0.6, deep.price("BTC", late) / base.price("BTC", late), 0.01, "no recovery: at the bottom");
        assertEquals(1.0, recovered.price("BTC", late) / base.price("BTC", late), 0.01, "all of it recovered");
        long halfway = T0 + 10 * MIN + 150_000;
        assertEquals(0.8, recovered.price("BTC", halfway) / base.price("BTC", halfway), 0.01, "halfway back");
    }

    @Test
    void correlationMovesTheOthers() {
        Run none = run(new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0 + 5 * MIN, -0.3, 2 * MIN, 0));
        Run full = run(new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0 + 5 * MIN, -0.3, 2 * MIN, 1));
        Run half = run(new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0 + 5 * MIN, -0.3, 2 * MIN, 0.5));
        long t = T0 + 10 * MIN;
        assertEquals(0.7, none.price("ETH", t) / base.price("ETH", t), 0.01, "the lead falls by the whole move");
        assertEquals(1.0, none.price("BTC", t) / base.price("BTC", t), 0.01, "ρ 0: BTC unmoved");
        assertEquals(0.85, half.price("BTC", t) / base.price("BTC", t), 0.01, "ρ 0.5: BTC −15%");
        assertEquals(0.7, full.price("BTC", t) / base.price("BTC", t), 0.01, "ρ 1: BTC −30%");
        long before = T0 + 20 * MIN;
        assertTrue(full.liquidationsBefore(before) > none.liquidationsBefore(before),
                full.liquidationsBefore(before) + " vs " + none.liquidationsBefore(before));
    }

    @Test
    void aDepegOfTheSettlementAssetPricesItBelowThePegAndLiquidatesMore() {
        Run depeg = run(new StablecoinDepeg("USDC", T0 + 5 * MIN, 0.87, 2 * MIN, 10 * MIN, 5 * MIN, 1.0));
        assertEquals(1.0, depeg.price("USDC", T0 + 4 * MIN), 1e-12, "at the peg before");
        assertEquals(0.87, depeg.price("USDC", T0 + 12 * MIN), 0.01, "at the low during the hold");
        assertEquals(1.0, depeg.price("USDC", T0 + 30 * MIN), 0.01, "back at the peg after");
        long before = T0 + 20 * MIN;
        System.out.printf("USDC depeg to $0.87: %d liquidations before minute 20 (base %d)%n",
                depeg.liquidationsBefore(before), base.liquidationsBefore(before));
        assertTrue(depeg.liquidationsBefore(before) > base.liquidationsBefore(before),
                depeg.liquidationsBefore(before) + " vs " + base.liquidationsBefore(before));
    }

    @Test
    void anOracleFreezeKeepsThePriceFlatOverItsWindow() {
        long from = T0 + 22 * MIN;
        long to = T0 + 28 * MIN;
        Run frozen = run(new OracleFreeze("ETHUSD", from, to));
        double held = frozen.price("ETH", from + 5_000);
        int flat = 0;
        for (long t = from + 5_000; t < to; t += 1_000) { // flat but for the cascade's own impact (thin books)
            assertEquals(1.0, frozen.price("ETH", t) / held, 0.01, "ETH's oracle price held at " + t);
            flat++;
        }
        assertTrue(flat > 300);
        assertTrue(base.price("ETH", to - 1_000) < 0.9 * base.price("ETH", from + 5_000), "the base moves meanwhile");
        assertTrue(frozen.price("ETH", to + 10_000) < 0.9 * held, "and the price catches up after");
    }

    @Test
    void anOracleLagDelaysWhatAccountsSee() {
        InstantMove gap = new InstantMove("BTCUSD", T0 + 5 * MIN, -0.2);
        Run prompt = run(gap);
        Run late = run(gap, new OracleLag(60_000));
        long t = T0 + 5 * MIN + 30_000;
        assertEquals(0.8, prompt.price("BTC", t) / base.price("BTC", t), 0.01, "2 s latency: seen after 30 s");
        assertTrue(late.price("BTC", t) / base.price("BTC", t) > 0.95, "60 s latency: not yet seen after 30 s");
        assertEquals(0.8, late.price("BTC", t + 60_000) / base.price("BTC", t + 60_000), 0.01, "seen after 90 s");
    }

    @Test
    void aLiquidityDroughtMakesTheSameCrashCostMore() {
        Run drought = run(new LiquidityDrought(0.05, 0.1));
        assertEquals(base.summary.steps(), drought.summary.steps());
        System.out.printf("drought: bad debt %.0f USD (base %.0f USD), fund minimum %.0f USD (base %.0f USD)%n",
                drought.summary.badDebtUsd(), base.summary.badDebtUsd(), drought.summary.fundMinimumUsd(),
                base.summary.fundMinimumUsd());
        assertTrue(drought.summary.badDebtUsd() > base.summary.badDebtUsd(),
                "bad debt " + drought.summary.badDebtUsd() + " USD in the drought, " + base.summary.badDebtUsd()
                        + " USD without");
    }

    // ------------------------------------------------------------------ helpers

    private static Run run(HypotheticalShock... shocks) {
        Path file = dir.resolve("what-if-" + (n++) + ".json");
        builder.save(List.of(shocks), "what if " + n, file);
        return replay(ScenarioReader.read(file));
    }

    private static Run replay(Scenario s) {
        List<ReplaySink.MetricsRow> rows = new ArrayList<>();
        List<Long> liquidations = new ArrayList<>();
        ReplaySink sink = new ReplaySink() {
            @Override
            public void event(SimulationEvent event, String account, String subaccount, String market) {
                if (event.kind() == SimulationEvent.Kind.LIQUIDATION) {
                    liquidations.add(event.timeMs());
                }
            }

            @Override
            public void metrics(MetricsRow row) {
                rows.add(row);
            }
        };
        RunSummary summary = ReplayRunner.run(s, sink).summary();
        assertEquals(0, summary.plausibilityViolations(), "a sound run: fills in their band, bad debt as equity");
        assertTrue(summary.maxLedgerImbalance() < 1e-9, "the ledger balances: " + summary.maxLedgerImbalance());
        return new Run(summary, rows, liquidations, s.book().assets().stream().map(Asset::symbol).toList());
    }

    /** A replay's summary and its per-second rows. */
    private record Run(RunSummary summary, List<ReplaySink.MetricsRow> rows, List<Long> liquidations,
                       List<String> assets) {
        /** @return how many liquidations happened before t */
        long liquidationsBefore(long t) {
            return liquidations.stream().filter(x -> x < t).count();
        }

        /** @return the asset's price as accounts saw it in the last row at or before t, USD */
        double price(String asset, long t) {
            int i = assets.indexOf(asset);
            double p = Double.NaN;
            for (ReplaySink.MetricsRow r : rows) {
                if (r.timeMs() > t) {
                    break;
                }
                p = r.prices()[i];
            }
            return p;
        }
    }
}
