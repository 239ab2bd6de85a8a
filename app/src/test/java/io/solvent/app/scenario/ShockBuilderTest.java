package io.solvent.app.scenario;

import io.solvent.app.scenario.HypotheticalShock.CorrelatedMove;
import io.solvent.app.scenario.HypotheticalShock.CrashWithRecovery;
import io.solvent.app.scenario.HypotheticalShock.InstantMove;
import io.solvent.app.scenario.HypotheticalShock.LiquidityDrought;
import io.solvent.app.scenario.HypotheticalShock.OracleFreeze;
import io.solvent.app.scenario.HypotheticalShock.OracleLag;
import io.solvent.app.scenario.HypotheticalShock.StablecoinDepeg;
import io.solvent.engine.feed.synthetic.CrashShock;
import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's checks name the field and what was expected; what it saves is the base plus the shocks. */
class ShockBuilderTest {
    private static final Path BASE = Path.of("..", "assets", "scenarios", "flash-crash.json");
    private static final long T0 = 1_735_689_600_000L;
    private static final long MIN = 60_000L;

    private final ShockBuilder builder = ShockBuilder.of(BASE);

    @Test
    void theBaseSaysWhatItPricesAndWhen() {
        ScenarioFacts f = builder.facts();
        assertEquals(Map.of("ETHUSD", "ETH", "BTCUSD", "BTC"), f.feedSymbols());
        assertEquals(T0, f.startMs());
        assertTrue(f.endMs() >= T0 + 3_600_000L && f.endMs() <= T0 + 3_602_000L, String.valueOf(f.endMs()));
        assertEquals(2, f.shocks());
        assertEquals(List.of("USDC", "BTCUSD", "ETHUSD"), builder.depegTargets());
    }

    @Test
    void everyBadFieldIsNamedWithWhatWasExpected() {
        assertProblem(new InstantMove("SOLUSD", T0, -0.1), "symbol",
                "SOLUSD is not a symbol this scenario's feeds price; expected one of [BTCUSD, ETHUSD]");
        assertProblem(new InstantMove("ETHUSD", T0, -1.0), "move", "between −100% and +100%");
        assertProblem(new InstantMove("ETHUSD", T0, 1.5), "move", "was +150.0%");
        assertProblem(new InstantMove("ETHUSD", T0 + 2 * 3_600_000L, -0.1), "at",
                "is outside the scenario's replayed time, 2025-01-01 00:00:00 UTC to 2025-01-01 01:00");
        assertProblem(new InstantMove("ETHUSD", T0 - 1, -0.1), "at", "outside the scenario's replayed time");
        assertProblem(new CrashWithRecovery("ETHUSD", T0, 0.2, MIN, 0, 0), "move", "a rise over time is not a crash");
        assertProblem(new CrashWithRecovery("ETHUSD", T0, -0.2, -5, 0, 0), "crash", "expected a duration >= 0");
        assertProblem(new CrashWithRecovery("ETHUSD", T0, -0.2, MIN, 1.2, 0), "recovery", "from 0% to 100%");
        assertProblem(new CorrelatedMove("ETHUSD", List.of(), T0, -0.2, MIN, 0.5), "others", "at least one");
        assertProblem(new CorrelatedMove("ETHUSD", List.of("ETHUSD"), T0, -0.2, MIN, 0.5), "others", "is the lead");
        assertProblem(new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0, -0.2, MIN, 1.5), "correlation",
                "from 0 to 1");
        assertProblem(new StablecoinDepeg("USDT", T0, 0.9, 0, 0, 0, 1), "coin",
                "expected one of [USDC, BTCUSD, ETHUSD]");
        assertProblem(new StablecoinDepeg("USDC", T0, 1.2, 0, 0, 0, 1), "low", "between $0 and $1");
        assertProblem(new StablecoinDepeg("USDC", T0, 0.9, 0, 0, 0, 0), "recovered to", "above $0");
        assertProblem(new OracleFreeze("ETHUSD", T0 + MIN, T0 + MIN), "until", "expected the end after the start");
        assertProblem(new OracleFreeze("ETHUSD", T0 + MIN, T0 + 90 * MIN), "until", "after the scenario's end");
        assertProblem(new OracleLag(-1), "latency", "from 0 to 3,600,000 ms");
        assertProblem(new LiquidityDrought(1.5, 0.2), "depth factor", "at most 1");
        assertProblem(new LiquidityDrought(0.5, 0), "stressed depth", "above 0");
    }

    @Test
    void soundShocksHaveNoProblemsAndAnUnsoundOneIsNotSaved(@TempDir Path dir) {
        List<HypotheticalShock> sound = List.of(new InstantMove("ETHUSD", T0 + MIN, -0.3),
                new CrashWithRecovery("BTCUSD", T0, -0.2, MIN, 0.5, MIN),
                new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0, -0.1, 0, 0.8),
                new StablecoinDepeg("USDC", T0, 0.9, MIN, MIN, MIN, 1), new OracleFreeze("ETHUSD", T0, T0 + MIN),
                new OracleLag(5_000), new LiquidityDrought(0.5, 0.2));
        assertEquals(List.of(), builder.validate(sound));
        Path target = dir.resolve("bad.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.save(
                List.of(new InstantMove("ETHUSD", T0, -0.1), new InstantMove("DOGEUSD", T0, -0.1)), "x", target));
        assertTrue(e.getMessage().startsWith("shock 2, symbol: DOGEUSD is not a symbol"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void theSavedFileIsTheBaseWithTheShocksAddedAsDocumented(@TempDir Path dir) {
        Path target = dir.resolve("what-if.json");
        builder.save(List.of(new InstantMove("ETHUSD", T0 + MIN, -0.3),
                new CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0 + 2 * MIN, -0.2, 3 * MIN, 0.5),
                new OracleLag(7_000), new LiquidityDrought(0.25, 0.1),
                new StablecoinDepeg("USDC", T0 + MIN, 0.95, MIN, MIN, MIN, 1)), "what if", target);
        Scenario base = ScenarioReader.read(BASE);
        Scenario s = ScenarioReader.read(target);
        assertEquals("what if", s.name());
        assertEquals(base.shocks(), s.shocks().subList(0, 2), "the base's own shocks first");
        assertEquals(new InstantShock("ETHUSD", T0 + MIN, 0.3), s.shocks().get(2));
        assertEquals(new CrashShock("ETHUSD", T0 + 2 * MIN, 0.2, 3 * MIN, 0, 0), s.shocks().get(3));
        assertEquals(new CrashShock("BTCUSD", T0 + 2 * MIN, 0.1, 3 * MIN, 0, 0), s.shocks().get(4));
        assertEquals("USDC", s.symbols().get("USDC-PEG"), "the settlement asset got a peg feed");
        assertEquals(7_000, s.oracle().latencyMs());
        assertEquals(base.depth().defaultPerPercentUsd() * 0.25, s.depth().defaultPerPercentUsd(), 1e-6);
        assertEquals(0.1, s.liquidity().stressedDepthMultiplier());
        assertEquals(base.book(), s.book());
        assertEquals(base.feeds(), s.feeds().subList(0, 2));
    }

    @Test
    void aWhatIfOfTheConsoleDefaultIsSavedAndReadBackWhole(@TempDir Path dir) {
        ShockBuilder def = ShockBuilder.of(Path.of("..", "assets", "scenarios", "console-default.json"));
        ScenarioFacts f = def.facts();
        assertEquals(1_760_130_000_000L, f.startMs(), "no window: the synthetic paths' span");
        assertEquals(5, f.feedSymbols().size());
        long t0 = System.nanoTime();
        Path target = def.save(List.of(new InstantMove("SOLUSD", f.startMs() + 20 * MIN, -0.25)), "default + SOL gap",
                dir.resolve("default-sol.json"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(Files.isRegularFile(target));
        System.out.printf("a what-if of the console default (100,000 generated accounts) saved and read back in %d"
                + " ms%n", ms);
    }

    private void assertProblem(HypotheticalShock s, String field, String contains) {
        List<FieldProblem> ps = builder.validate(-1, s);
        assertTrue(ps.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(contains)),
                s + " → " + ps);
    }
}
