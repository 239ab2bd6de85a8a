package io.solvent.app.scenario;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's form as text: units in, shocks out, every unreadable field named. */
class ShockFormTest {
    private static final long T0 = 1_735_689_600_000L;
    private static final long MIN = 60_000L;
    private final ShockBuilder builder = ShockBuilder.of(Path.of("..", "assets", "scenarios", "flash-crash.json"));

    @Test
    void theDefaultsOfEveryKindAreASoundShock() {
        for (String kind : HypotheticalShock.KINDS) {
            Map<String, String> values = new HashMap<>();
            ShockForm.fields(kind, builder.facts()).forEach(f -> values.put(f.name(), f.value()));
            ShockForm.Result r = ShockForm.parse(kind, values, builder);
            assertEquals(List.of(), r.problems(), kind);
            assertEquals(kind, r.shock().kind());
            assertTrue(ShockForm.fields(kind, builder.facts()).stream().allMatch(f -> f.label().contains("(")
                    || f.symbol()), kind + ": every number's label gives its unit");
        }
    }

    @Test
    void unitsAreTheOperatorsMinutesPercentAndDollars() {
        ShockForm.Result r = ShockForm.parse("Crash with recovery", Map.of("symbol", "ETHUSD", "start", "12.5",
                "move", "−40", "crash", "10", "recovery", "50", "recovery time", "20"), builder);
        assertEquals(new HypotheticalShock.CrashWithRecovery("ETHUSD", T0 + 12 * MIN + 30_000, -0.4, 10 * MIN, 0.5,
                20 * MIN), r.shock());
        ShockForm.Result d = ShockForm.parse("Stablecoin depeg", Map.of("coin", "USDC", "start", "5", "low", "0.87",
                "decline", "1", "hold", "2", "recovery time", "3", "recovered to", "1"), builder);
        assertEquals(new HypotheticalShock.StablecoinDepeg("USDC", T0 + 5 * MIN, 0.87, MIN, 2 * MIN, 3 * MIN, 1),
                d.shock());
        ShockForm.Result c = ShockForm.parse("Correlated moves", Map.of("lead", "ETHUSD", "others", "BTCUSD",
                "start", "1", "move", "-30", "over", "0", "correlation", "0.6"), builder);
        assertEquals(List.of("BTCUSD"), ((HypotheticalShock.CorrelatedMove) c.shock()).others());
    }

    @Test
    void aFieldThatIsNotANumberIsNamedAndNothingIsBuilt() {
        ShockForm.Result r = ShockForm.parse("Instant move", Map.of("symbol", "", "at", "soon", "move", "-20"),
                builder);
        assertNull(r.shock());
        assertEquals(List.of(new FieldProblem(-1, "symbol", "missing; expected a feed symbol"),
                new FieldProblem(-1, "at", "expected a number, was 'soon'")), r.problems());
        ShockForm.Result lag = ShockForm.parse("Oracle lag", Map.of("latency", "1.5"), builder);
        assertEquals("expected a whole number of ms, was 1.5", lag.problems().getFirst().message());
    }

    @Test
    void aShockEditedAgainReadsBackTheSame() {
        List<HypotheticalShock> shocks = List.of(new HypotheticalShock.InstantMove("BTCUSD", T0 + 7 * MIN, -0.25),
                new HypotheticalShock.CrashWithRecovery("ETHUSD", T0 + MIN, -0.3, 5 * MIN, 0.4, 10 * MIN),
                new HypotheticalShock.CorrelatedMove("ETHUSD", List.of("BTCUSD"), T0, -0.2, 90_000, 0.75),
                new HypotheticalShock.StablecoinDepeg("USDC", T0, 0.9, MIN, MIN, MIN, 0.98),
                new HypotheticalShock.OracleFreeze("ETHUSD", T0 + MIN, T0 + 3 * MIN),
                new HypotheticalShock.OracleLag(12_000), new HypotheticalShock.LiquidityDrought(0.3, 0.15));
        for (HypotheticalShock s : shocks) {
            ShockForm.Result r = ShockForm.parse(s.kind(), ShockForm.values(s, builder.facts()), builder);
            assertEquals(s, r.shock(), s.kind());
            assertEquals(List.of(), r.problems(), s.kind());
        }
    }
}
