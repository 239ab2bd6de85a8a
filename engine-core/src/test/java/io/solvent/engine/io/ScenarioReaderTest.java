package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioReaderTest {
    static final Path SHIPPED = Path.of("..", "assets", "scenarios", "flash-crash.json");

    @Test
    void readsTheShippedScenario() {
        Scenario s = ScenarioReader.read(SHIPPED);
        assertEquals(2, s.feeds().size());
        assertEquals("ETH", s.symbols().get("ETHUSD"));
        assertEquals(2000, s.oracle().latencyMs());
        assertTrue(s.liquidity().cascadeFeedback());
        assertEquals(20000, s.insuranceFundUsd());
        assertEquals(2, s.shocks().size());
        assertEquals(2, s.files().size(), "the scenario and its book");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field|\"deleverage\": \"deficit\",|$.deleverage|unknown field 'deleverage'",
        "unknown policy|\"deleveraging\": \"bailout\",|$.deleveraging|unknown policy 'bailout'",
        "negative fund|\"insuranceFund\": {\"openingBalanceUsd\": -1},|$.insuranceFund.openingBalanceUsd|expected a notional from 0 to 1.0E15 USD",
        "bad buffer|\"liquidation\": {\"buffer\": -0.1},|$.liquidation.buffer|expected a number >= 0",
        "unknown asset|\"symbols\": {\"ETHUSD\": \"ETHER\"},|$.symbols.ETHUSD|unknown asset 'ETHER'",
        "bad staleness|\"oracle\": {\"stalenessPolicy\": \"ignore\"},|$.oracle.stalenessPolicy|expected \"keep-last\" or \"pause\"",
        "bad shock|\"shocks\": [{\"type\": \"meteor\"}],|$.shocks[0].type|expected \"instant\", \"crash\", \"depeg\" or \"freeze\"",
        "fractional ms|\"oracle\": {\"latencyMs\": 1.5},|$.oracle.latencyMs|expected a whole number",
        "unknown market|\"liquidity\": {\"markets\": {\"ETH-PERPS\": {\"depthPerPercentUsd\": 1e6}}},|$.liquidity.markets['ETH-PERPS']|unknown market 'ETH-PERPS'; expected one of the book's markets [ETH-PERP",
        "two depths|\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthPerPercentUsd\": 1e6, \"depthFile\": \"d.csv\"}}},|$.liquidity.markets['ETH-PERP']|expected exactly one of",
        "zero depth|\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthPerPercentUsd\": 0}}},|$.liquidity.markets['ETH-PERP'].depthPerPercentUsd|expected a notional from 1 to 1.0E15 USD",
        "market field|\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depth\": 1}}},|$.liquidity.markets['ETH-PERP'].depth|unknown field 'depth'",
        "dynamic field|\"dynamicMargin\": {\"enabled\": true, \"halflife\": 1},|$.dynamicMargin.halflife|unknown field 'halflife'",
        "dynamic switch|\"dynamicMargin\": {\"enabled\": \"yes\"},|$.dynamicMargin.enabled|expected true or false",
        "dynamic cap|\"dynamicMargin\": {\"maxMultiplier\": 0.5},|$.dynamicMargin.maxMultiplier|expected a multiplier >= 1",
        "dynamic step|\"dynamicMargin\": {\"step\": 0},|$.dynamicMargin.step|expected a number > 0",
        "dynamic half-life|\"dynamicMargin\": {\"halfLifeMs\": 0},|$.dynamicMargin.halfLifeMs|expected a half-life > 0 ms",
        "dynamic volatility|\"dynamicMargin\": {\"referenceVolatility\": -1},|$.dynamicMargin.referenceVolatility|expected a number > 0",
        "stress move|\"liquidity\": {\"stressedMove\": 0},|$.liquidity.stressedMove|expected a finite fraction > 0",
        "backstop|\"liquidity\": {\"maxDistance\": 0.01},|$.liquidity.maxDistance|expected a backstop distance with 0.05 <= maxDistance < 1",
        "scale on constant|\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthPerPercentUsd\": 1e6, \"scale\": 2}}},|$.liquidity.markets['ETH-PERP'].scale|a scale goes with a \"depthFile\" only",
        "window order|\"window\": {\"startMs\": \"2025-10-10T22:00:00Z\", \"endMs\": \"2025-10-10T21:00:00Z\"},|$.window.endMs|expected an end after the start",
        "window text|\"window\": {\"startMs\": \"21:00\"},|$.window.startMs|expected ms since the epoch or an ISO-8601 instant",
        "source method|\"priceSources\": {\"ETH\": {\"mean\": [\"A\", \"B\"]}},|$.priceSources.ETH.mean|unknown field 'mean'",
        "one source|\"priceSources\": {\"ETH\": {\"median\": [\"A\"]}},|$.priceSources.ETH.median|expected at least two feed symbols",
        "source asset|\"priceSources\": {\"ETHER\": {\"median\": [\"A\", \"B\"]}},|$.priceSources.ETHER|unknown asset 'ETHER'",
        "population size|\"book\": {\"population\": {\"accounts\": 0, \"seed\": 1}},|$.book.population.accounts|expected 1 to 50000000",
        "population seed|\"book\": {\"population\": {\"accounts\": 10}},|$.book.population.seed|missing; expected the generator's seed",
        "population market|\"book\": {\"population\": {\"accounts\": 10, \"seed\": 1, \"markets\": [\"LUNA-PERP\"]}},|$.book.population.markets|unknown market 'LUNA-PERP'"
    })
    void rejects(String name, String field, String place, String problem, @TempDir Path dir) throws Exception {
        Path book = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
        String text = "{\"format\": 1, " + field + (field.contains("\"book\"") ? "" : " \"book\": \""
                + book.toString().replace("\\", "/") + "\",") + " \"feeds\": [{\"synthetic\": {\"symbol\": \"ETHUSD\", \"initialPrice\": 2000, \"volatility\": 0.5,"
                + " \"startMs\": 0, \"stepMs\": 1000, \"steps\": 10}}], \"symbols\": {\"ETHUSD\": \"ETH\"}}";
        if (field.contains("\"symbols\"")) {
            text = text.replace(", \"symbols\": {\"ETHUSD\": \"ETH\"}}", "}");
        }
        Path f = dir.resolve("s.json");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(place, e.place(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void aBadBookInsideIsNamedByItsOwnFile(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("book.json");
        Files.writeString(book, "{\"format\": 1, \"assets\": [], \"accounts\": 3}");
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": 1, \"book\": \"book.json\", \"feeds\": []}");
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(book.toString(), e.source());
        assertEquals("$.accounts", e.place());
    }

    @Test
    void anEmptyListOfFeedsIsRefusedRatherThanReplayedAsNothing(@TempDir Path dir) throws Exception {
        Path book = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": 1, \"book\": \"" + book.toString().replace("\\", "/")
                + "\", \"feeds\": []}");
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals("$.feeds", e.place());
        assertTrue(e.problem().startsWith("empty; expected at least one feed"), e.problem());
    }

    private static Path scenarioWith(Path dir, String field) throws Exception {
        Path book = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": 1, " + field + " \"book\": \"" + book.toString().replace("\\", "/")
                + "\", \"feeds\": [{\"synthetic\": {\"symbol\": \"ETHUSD\", \"initialPrice\": 2000, \"volatility\": 0.5,"
                + " \"startMs\": 0, \"stepMs\": 1000, \"steps\": 10}}], \"symbols\": {\"ETHUSD\": \"ETH\"}}");
        return f;
    }

    @Test
    void aRecordedDepthFileIsReadRelativeToTheScenarioAndIsAnInput(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("depth"));
        Files.writeString(dir.resolve("depth/eth.csv"), """
                timestamp_ms,symbol,percentage,depth_base,notional_usd
                1000,ETHUSDT,-1,10,20000
                1000,ETHUSDT,-5,60,110000
                1000,ETHUSDT,1,10,20500
                1000,ETHUSDT,5,60,115000
                31000,ETHUSDT,-1,5,10000
                31000,ETHUSDT,1,5,10100
                """);
        Scenario s = ScenarioReader.read(scenarioWith(dir,
                "\"liquidity\": {\"depthPerPercentUsd\": 5e6, \"markets\": {\"ETH-PERP\": {\"depthFile\": \"depth/eth.csv\"}}},"));
        Scenario.RecordedDepth d = (Scenario.RecordedDepth) s.depth().markets().get("ETH-PERP");
        assertEquals("ETHUSDT", d.symbol());
        assertEquals(2, d.history().size());
        assertEquals(5e6, s.depth().defaultPerPercentUsd());
        assertEquals(dir.resolve("depth/eth.csv").toAbsolutePath(), s.files().getLast().toAbsolutePath());
        assertEquals(d.history(), s.depth().historyOf("ETH-PERP"));
        assertEquals(1, s.depth().historyOf("BTC-PERP").size(), "a market not listed keeps the default");

        // the override mechanism replaces a recorded depth by a constant one (and back)
        Scenario constant = ScenarioReader.read(dir.resolve("s.json"),
                java.util.Map.of("liquidity.markets.ETH-PERP.depthPerPercentUsd", "250000"));
        assertEquals(new Scenario.ConstantDepth(250_000), constant.depth().markets().get("ETH-PERP"));
        assertEquals(2, constant.files().size(), "no depth file read");
    }

    @Test
    void aBookGeneratedFromPopulationParametersIsThePopulationCommandsBook(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": 1, \"book\": {\"population\": {\"accounts\": 50, \"seed\": 7,"
                + " \"markets\": [\"ETH-PERP\"], \"profile\": \"usdc-only\"}}, \"feeds\": [{\"synthetic\": {"
                + "\"symbol\": \"ETHUSD\", \"initialPrice\": 3863, \"volatility\": 0.5, \"startMs\": 0,"
                + " \"stepMs\": 1000, \"steps\": 10}}], \"symbols\": {\"ETHUSD\": \"ETH\"}}");
        Scenario s = ScenarioReader.read(f);
        io.solvent.engine.population.PopulationParameters p = io.solvent.engine.population.PopulationParameters
                .ofAccounts(50, 7).withMarkets(java.util.List.of("ETH-PERP"))
                .withProfile(io.solvent.engine.population.PopulationProfile.USDC_ONLY);
        assertEquals(p, s.population());
        assertEquals(new io.solvent.engine.population.PopulationGenerator(p).generate(), s.book());
        assertEquals(1, s.files().size(), "no book file: the parameters go in the manifest");
    }

    @Test
    void missingRecordedDataIsOneLineNamingEveryMissingFile(@TempDir Path dir) throws Exception {
        Path f = scenarioWith(dir, "");
        String text = Files.readString(f).replace("\"feeds\": [{\"synthetic\"", "\"feeds\": [{\"file\":"
                + " \"../data/a.csv\"}, {\"file\": \"../data/b.csv\"}, {\"synthetic\"").replace("}}], \"symbols\"",
                "}}], \"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthFile\": \"../data/d.csv\"}}},"
                        + " \"symbols\"");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(f.toString() + ": the recorded data it replays is not here: 3 files missing: ../data/a.csv,"
                + " ../data/b.csv, ../data/d.csv (paths are relative to the scenario's folder)", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void depthFileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        InputException missing = assertThrows(InputException.class, () -> ScenarioReader.read(scenarioWith(dir,
                "\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthFile\": \"nowhere.csv\"}}},")));
        assertTrue(missing.source().endsWith("nowhere.csv"), missing.getMessage());
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

        Files.writeString(dir.resolve("two.csv"), """
                timestamp_ms,symbol,percentage,depth_base,notional_usd
                1000,ETHUSDT,-1,10,20000
                1000,BTCUSDT,-1,1,100000
                """);
        InputException two = assertThrows(InputException.class, () -> ScenarioReader.read(scenarioWith(dir,
                "\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthFile\": \"two.csv\"}}},")));
        assertTrue(two.problem().contains("[BTCUSDT, ETHUSDT]"), two.getMessage());
        Scenario named = ScenarioReader.read(scenarioWith(dir,
                "\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthFile\": \"two.csv\", \"symbol\": \"BTCUSDT\"}}},"));
        assertEquals("BTCUSDT", ((Scenario.RecordedDepth) named.depth().markets().get("ETH-PERP")).symbol());

        Files.writeString(dir.resolve("bars.csv"), "timestamp_ms,symbol,open,high,low,close,volume\n1000,ETHUSDT,1,2,1,2,3\n");
        InputException notDepth = assertThrows(InputException.class, () -> ScenarioReader.read(scenarioWith(dir,
                "\"liquidity\": {\"markets\": {\"ETH-PERP\": {\"depthFile\": \"bars.csv\"}}},")));
        assertTrue(notDepth.source().endsWith("bars.csv"), notDepth.getMessage());
    }

    @Test
    void dynamicMarginIsDisabledByDefaultParsedAndOverridable(@TempDir Path dir) throws Exception {
        assertEquals(io.solvent.engine.margin.DynamicMarginParameters.DISABLED,
                ScenarioReader.read(scenarioWith(dir, "")).dynamicMargin());
        Path f = scenarioWith(dir, "\"dynamicMargin\": {\"enabled\": true, \"halfLifeMs\": 600000,"
                + " \"referenceVolatility\": 0.6, \"maxMultiplier\": 2.5, \"step\": 0.1},");
        assertEquals(new io.solvent.engine.margin.DynamicMarginParameters(true, 600_000, 0.6, 2.5, 0.1),
                ScenarioReader.read(f).dynamicMargin());
        assertEquals(false, ScenarioReader.read(f, java.util.Map.of("dynamicMargin.enabled", "false"))
                .dynamicMargin().enabled());
        Path partial = scenarioWith(dir, "");
        var on = ScenarioReader.read(partial, java.util.Map.of("dynamicMargin.enabled", "true")).dynamicMargin();
        assertEquals(io.solvent.engine.margin.DynamicMarginParameters.DISABLED.withEnabled(true), on,
                "the other fields keep their defaults");
    }
}
