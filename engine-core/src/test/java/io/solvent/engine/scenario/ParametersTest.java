package io.solvent.engine.scenario;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dotted keys of {@link Parameters}: one per field, round trips, the errors of inputs and bad values. */
class ParametersTest {
    private static final Path BOOKS = Path.of("..", "assets", "books");
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    @TempDir
    Path dir;

    private static Parameters example() {
        return Parameters.defaults(BookReader.read(BOOKS.resolve("example.json")));
    }

    @Test
    void everyFieldHasOneKey() {
        Map<String, String> v = example().values();
        assertEquals(List.of("oracle.latencyMs", "oracle.deviationThreshold", "oracle.heartbeatMs",
                "oracle.staleAfterMs", "oracle.stalenessPolicy", "oracle.maxConfidence", "oracle.confidencePolicy",
                "oracle.mark.method", "oracle.mark.premiumEmaMs", "liquidity.stressedDepthMultiplier",
                "liquidity.stressedMove", "liquidity.stressedHalfLifeMs", "liquidity.cascadeFeedback",
                "liquidity.impactHalfLifeMs", "liquidation.buffer", "liquidation.maxFraction",
                "liquidation.dustNotionalUsd", "liquidation.liquidatorShare", "liquidation.closeFactor",
                "liquidation.fullCloseHealthFactor", "liquidation.lendingBonus", "deleveraging",
                "dynamicMargin.enabled", "dynamicMargin.halfLifeMs", "dynamicMargin.referenceVolatility",
                "dynamicMargin.maxMultiplier", "dynamicMargin.step",
                "markets.ETH-PERP.liquidationFee", "markets.ETH-PERP.positivePnlWeight",
                "markets.ETH-PERP.tiers[0].upTo", "markets.ETH-PERP.tiers[0].initialMarginFraction",
                "markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "markets.ETH-PERP.tiers[1].upTo",
                "markets.ETH-PERP.tiers[1].initialMarginFraction", "markets.ETH-PERP.tiers[1].maintenanceMarginFraction",
                "assets.USDC.initialWeight", "assets.USDC.maintenanceWeight", "assets.USDC.initialLiabilityWeight",
                "assets.USDC.maintenanceLiabilityWeight", "assets.USDC.sizeFactor", "assets.ETH.initialWeight",
                "assets.ETH.maintenanceWeight", "assets.ETH.initialLiabilityWeight",
                "assets.ETH.maintenanceLiabilityWeight", "assets.ETH.sizeFactor"), List.copyOf(v.keySet()));
        assertEquals("0", v.get("oracle.latencyMs"));
        assertEquals("null", v.get("oracle.heartbeatMs"), "none");
        assertEquals("null", v.get("oracle.maxConfidence"), "no limit");
        assertEquals("keep-last", v.get("oracle.stalenessPolicy"));
        assertEquals("index", v.get("oracle.mark.method"));
        assertEquals("0.02", v.get("liquidation.buffer"));
        assertEquals("adl-ranked", v.get("deleveraging"));
        assertEquals("false", v.get("dynamicMargin.enabled"));
        assertEquals("1000000", v.get("markets.ETH-PERP.tiers[0].upTo"));
        assertEquals("null", v.get("markets.ETH-PERP.tiers[1].upTo"));
        assertEquals("0.825", v.get("assets.ETH.maintenanceWeight"));
    }

    @Test
    void settingAKeyToItsOwnValueChangesNothing() {
        for (Path s : List.of(SCENARIOS.resolve("gap-down.json"), SCENARIOS.resolve("flash-crash.json"))) {
            Parameters p = ScenarioReader.read(s).parameters();
            p.values().forEach((k, v) -> assertEquals(p, p.with(k, v), k));
        }
    }

    @Test
    void aKeySetChangesItsValueAndNothingElse() {
        Parameters p = example();
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("oracle.latencyMs", "2000");
        changes.put("oracle.heartbeatMs", "60000");
        changes.put("oracle.staleAfterMs", "120000");
        changes.put("oracle.stalenessPolicy", "\"pause\"");
        changes.put("oracle.maxConfidence", "0.02");
        changes.put("oracle.confidencePolicy", "widen");
        changes.put("liquidity.cascadeFeedback", "true");
        changes.put("liquidation.buffer", "0.035");
        changes.put("deleveraging", "socialize");
        changes.put("dynamicMargin.enabled", "true");
        changes.put("markets.ETH-PERP.liquidationFee", "0.015");
        changes.put("markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.04");
        changes.put("markets.ETH-PERP.tiers[1].upTo", "null");
        changes.put("assets.ETH.maintenanceWeight", "0.85");
        changes.put("assets.ETH.sizeFactor", "0.001");
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (c.getKey().endsWith("tiers[1].upTo")) {
                continue; // the last tier's null is its own value
            }
            Parameters q = p.with(c.getKey(), c.getValue());
            List<String> diff = p.differences(q);
            assertEquals(1, diff.size(), c.getKey() + ": " + diff);
            assertTrue(diff.getFirst().startsWith(c.getKey() + ": "), diff.getFirst());
            assertEquals(c.getValue().replace("\"", ""), q.values().get(c.getKey()));
        }
        Parameters q = p.with(changes);
        assertEquals(0.015, q.markets().get("ETH-PERP").liquidationFee());
        assertEquals(0.04, q.markets().get("ETH-PERP").tiers().getFirst().maintenanceMarginFraction());
        assertEquals(0.85, q.assets().get("ETH").maintenanceWeight());
        assertEquals(120_000, q.oracle().staleAfterMs());
        assertEquals(14, p.differences(q).size());
    }

    @Test
    void severalKeysAreValidTogetherInAnyOrder() {
        Parameters p = example();
        Map<String, String> raise = new LinkedHashMap<>();
        raise.put("markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.15"); // alone above the initial 0.05
        raise.put("markets.ETH-PERP.tiers[0].initialMarginFraction", "0.2");
        Parameters q = p.with(raise);
        assertEquals(new MarginTier(1_000_000, 0.2, 0.15), q.markets().get("ETH-PERP").tiers().getFirst());
        raise.put("markets.ETH-PERP.liquidationFee", "0.5");
        ParameterException e = assertThrows(ParameterException.class, () -> p.with(raise));
        assertEquals("markets.ETH-PERP.liquidationFee", e.key(), "no order makes a 50% fee valid");
    }

    @Test
    void inputsAreNotParameters() {
        Parameters p = example();
        for (String input : List.of("insuranceFund.openingBalanceUsd", "liquidity.depthPerPercentUsd",
                "liquidity.maxDistance", "liquidity.markets.ETH-PERP.depthPerPercentUsd", "book", "feeds", "shocks",
                "seed", "window.startMs", "symbols", "priceSources", "oracle.mark.venueSources")) {
            ParameterException e = assertThrows(ParameterException.class, () -> p.with(input, "1"), input);
            assertEquals(input, e.key());
            assertTrue(e.problem().contains("input of the scenario") || e.problem().contains("state"),
                    input + ": " + e.problem());
        }
        ParameterException unknown = assertThrows(ParameterException.class, () -> p.with("liquidation.bufer", "1"));
        assertTrue(unknown.problem().startsWith("not a parameter; the parameters are oracle.latencyMs,"),
                unknown.problem());
        assertTrue(unknown.problem().contains("markets [ETH-PERP]") && unknown.problem().contains("assets [USDC, ETH]"),
                unknown.problem());
    }

    @Test
    void badValuesNameTheKeyAndWhatWasExpected() {
        Parameters p = example();
        assertProblem(p, "liquidation.buffer", "abc", "expected a number, was 'abc'");
        assertProblem(p, "oracle.latencyMs", "1.5", "expected a whole number of ms, was '1.5'");
        assertProblem(p, "oracle.latencyMs", "-1", "expected a duration >= 0 ms, was -1");
        assertProblem(p, "oracle.latencyMs", "9e15", "expected a latency from 0 to 3600000 ms (an hour; a feed silent"
                + " for longer is a \"freeze\" shock), was 9000000000000000"); // a fork or --set, as a file is read
        assertProblem(p, "oracle.latencyMs", "null", "expected a whole number of ms, was 'null'");
        assertProblem(p, "liquidity.cascadeFeedback", "yes", "expected true or false, was 'yes'");
        assertProblem(p, "oracle.stalenessPolicy", "stop", "expected one of [keep-last, pause], was 'stop'");
        assertProblem(p, "oracle.mark.method", "median", "a mark other than the index needs venue prices");
        assertProblem(p, "deleveraging", "bail-out", "expected one of [adl-ranked, ");
        assertProblem(p, "markets.ETH-PERP.liquidationFee", "0.05",
                "expected 0 <= fee < the first tier's maintenanceMarginFraction (0.03), was 0.05");
        assertProblem(p, "markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.2",
                "initialMarginFraction: expected maintenanceMarginFraction (0.2) <= value <= 1, was 0.05");
        assertProblem(p, "markets.ETH-PERP.tiers[2].upTo", "5", "market ETH-PERP has 2 tiers (0..1)");
        assertProblem(p, "markets.ETH-PERP.tiers[1].upTo", "5000000", "the last tier has no bound (null)");
        assertProblem(p, "markets.ETH-PERP.tiers[0].upTo", "null", "expected a number, was 'null'");
        assertProblem(p, "markets.BTC-PERP.liquidationFee", "0.01", "unknown market 'BTC-PERP'; expected one of"
                + " [ETH-PERP]");
        assertProblem(p, "assets.ETH.maintenanceWeight", "0.5", "expected initialWeight (0.8) <= value <= 1, was 0.5");
        assertProblem(p, "assets.DOGE.sizeFactor", "0", "unknown asset 'DOGE'");
    }

    private static void assertProblem(Parameters p, String key, String value, String expected) {
        ParameterException e = assertThrows(ParameterException.class, () -> p.with(key, value), key + "=" + value);
        assertEquals(key, e.key());
        assertTrue(e.problem().contains(expected), key + "=" + value + ": " + e.problem());
    }

    @Test
    void aScenarioFilesMarketsAndAssetsAreTheParametersKeys() throws IOException {
        Files.copy(BOOKS.resolve("example.json"), dir.resolve("book.json"));
        Files.writeString(dir.resolve("ticks.csv"), "timestamp_ms,symbol,price\n1000,ETHUSD,2000\n");
        Path s = dir.resolve("s.json");
        Files.writeString(s, """
                {"format": 1, "book": "book.json", "feeds": [{"file": "ticks.csv"}], "symbols": {"ETHUSD": "ETH"},
                 "markets": {"ETH-PERP": {"liquidationFee": 0.015,
                   "tiers": [{"upTo": 500000, "initialMarginFraction": 0.06, "maintenanceMarginFraction": 0.04},
                             {"upTo": null, "initialMarginFraction": 0.12, "maintenanceMarginFraction": 0.07}]}},
                 "assets": {"ETH": {"maintenanceWeight": 0.85}}}
                """);
        Scenario read = ScenarioReader.read(s);
        Parameters expected = example().with(Map.of("markets.ETH-PERP.liquidationFee", "0.015",
                "markets.ETH-PERP.tiers[0].upTo", "500000", "markets.ETH-PERP.tiers[0].initialMarginFraction", "0.06",
                "markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.04",
                "markets.ETH-PERP.tiers[1].initialMarginFraction", "0.12",
                "markets.ETH-PERP.tiers[1].maintenanceMarginFraction", "0.07",
                "assets.ETH.maintenanceWeight", "0.85"));
        assertEquals(expected.values(), read.parameters().values());
        assertEquals(List.of(new MarginTier(500_000, 0.06, 0.04), new MarginTier(Double.POSITIVE_INFINITY, 0.12, 0.07)),
                read.book().markets().getFirst().tiers(), "the scenario's book carries its parameters' definitions");
        assertEquals(0.85, read.book().assets().get(1).maintenanceWeight());

        Files.writeString(s, Files.readString(s).replace("\"ETH-PERP\": {\"liquidationFee\"", "\"BTC-PERP\": {\"liquidationFee\""));
        var e = assertThrows(io.solvent.engine.input.InputException.class, () -> ScenarioReader.read(s));
        assertTrue(e.getMessage().contains("unknown market 'BTC-PERP'; expected one of the book's markets [ETH-PERP]"),
                e.getMessage());
    }

    @Test
    void aScenarioKeepsItsInputsWhenItsParametersChange() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        Scenario t = s.withParameters(s.parameters().with("deleveraging", "deficit"));
        assertSame(s.inputs(), t.inputs(), "same definitions: the very same inputs");
        Scenario u = s.withParameters(s.parameters().with("markets.ETH-PERP.liquidationFee", "0.005"));
        assertEquals(s.inputs().book().accounts(), u.inputs().book().accounts());
        assertEquals(0.005, u.book().markets().stream().filter(m -> m.symbol().equals("ETH-PERP")).findFirst()
                .orElseThrow().liquidationFee());
        Book other = BookReader.read(BOOKS.resolve("example.json"));
        assertThrows(IllegalArgumentException.class, () -> s.withParameters(Parameters.defaults(other)));
    }

    /** Any key set to any value either gives parameters whose key reads back that value, or fails naming the key. */
    @Property(tries = 400)
    void aKeyReadsBackWhatWasSetOrFailsNamingIt(@ForAll("keys") String key, @ForAll("values") String value) {
        Parameters p = example();
        try {
            Parameters q = p.with(key, value);
            String back = q.values().get(key);
            assertEquals(q, q.with(key, back), "a value read back sets the same parameters");
            for (String other : p.values().keySet()) {
                if (!other.equals(key)) {
                    assertEquals(p.values().get(other), q.values().get(other), other + " unchanged by " + key);
                }
            }
        } catch (ParameterException e) {
            assertEquals(key, e.key());
            assertTrue(!e.problem().isBlank());
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of(new ArrayList<>(example().values().keySet()));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.of("null", "true", "false", "pause", "keep-last", "widen", "reject",
                        "median", "index", "index-plus-premium-ema", "socialize", "deficit", "adl-ranked:hyperliquid",
                        "x", "", "-1", "0", "1"),
                Arbitraries.doubles().between(0, 1).map(d -> ParameterPaths.num(Math.round(d * 1e4) / 1e4)),
                Arbitraries.longs().between(0, 10_000_000).map(String::valueOf));
    }
}
