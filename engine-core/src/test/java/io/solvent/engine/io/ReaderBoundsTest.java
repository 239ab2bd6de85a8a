package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: absurd numbers — 1e308 sizes and prices, a volatility of 1e6, a latency of 9e15 ms, a depth of 1e-300 —
 * are refused with their place and the allowed range, one line, instead of overflowing inside the engine; and a
 * shock on a symbol no feed prices is refused instead of silently changing nothing.
 */
class ReaderBoundsTest {
    private static final String FEED = "{\"symbol\": \"ETHUSD\", \"initialPrice\": 2000, \"volatility\": 0.5,"
            + " \"startMs\": 0, \"stepMs\": 1000, \"steps\": 10}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size 1e308|\"size\": 10|\"size\": 1e308|$.accounts[0].subaccounts[0].positions[0].size|expected a quantity from -1.0E15 to 1.0E15 units, was 1.0E308",
        "entry price 1e308|\"entryPrice\": 2000|\"entryPrice\": 1e308|$.accounts[0].subaccounts[0].positions[0].entryPrice|expected a price from 1.0E-12 to 1.0E9 USD per unit",
        "book price 1e308|\"ETH\": 2000}|\"ETH\": 1e308}|$.prices.ETH|expected a price from 1.0E-12 to 1.0E9 USD per unit",
        "tier bound 1e308|\"upTo\": 1000000|\"upTo\": 1e308|$.markets[0].tiers[0].upTo|expected a notional from 0 to 1.0E15 USD",
        "balance 1e308|\"USDC\": 5000|\"USDC\": -1e308|$.accounts[0].subaccounts[0].balances.USDC|expected a quantity from -1.0E15 to 1.0E15 units"
    })
    void booksRefuseAbsurdNumbers(String name, String from, String to, String place, String problem,
                                  @TempDir Path dir) throws IOException {
        assertTrue(BookReaderTest.EXAMPLE.contains(from), from);
        Path f = dir.resolve("book.json");
        Files.writeString(f, BookReaderTest.EXAMPLE.replaceFirst(java.util.regex.Pattern.quote(from), to));
        for (Runnable read : new Runnable[] {() -> BookReader.read(f), () -> MarginBookReader.read(f, "USDC")}) {
            InputException e = assertThrows(InputException.class, read::run);
            assertEquals(place, e.place(), e.getMessage());
            assertTrue(e.problem().startsWith(problem), e.getMessage());
        }
    }

    @Test
    void pricesFilesRefuseAbsurdPrices(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{\"ETH\": 1e308}");
        InputException e = assertThrows(InputException.class, () -> PricesReader.read(f));
        assertEquals(f + ": $.ETH: expected a price from 1.0E-12 to 1.0E9 USD per unit, was 1.0E308", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "volatility 1e6|\"volatility\": 0.5|\"volatility\": 1e6||$.feeds[0].synthetic.volatility|expected an annual volatility from 0 to 10",
        "drift 1e300|\"volatility\": 0.5|\"volatility\": 0.5, \"drift\": 1e300||$.feeds[0].synthetic.drift|expected an annual drift from -100 to 100",
        "jump deviation 1e3|\"volatility\": 0.5|\"volatility\": 0.5, \"jumpIntensity\": 10, \"jumpStdDev\": 1e3||$.feeds[0].synthetic.jumpStdDev|expected a log jump deviation from 0 to 5",
        "initial price 1e308|\"initialPrice\": 2000|\"initialPrice\": 1e308||$.feeds[0].synthetic.initialPrice|expected a price from 1.0E-12 to 1.0E9 USD per unit",
        "a path that leaves the numbers|\"steps\": 10|\"steps\": 100000000, \"drift\": 99|\"stepMs\": 1000|$.feeds[0].synthetic|its prices could leave the range of numbers",
        "after the year 9999|\"startMs\": 0|\"startMs\": 253402300799000|\"stepMs\": 1000|$.feeds[0].synthetic.steps|the last step falls after the year 9999",
        "shock drop -1e300|\"shocks\": []|\"shocks\": [{\"type\": \"instant\", \"symbol\": \"ETHUSD\", \"atMs\": 5000, \"drop\": -1e300}]||$.shocks[0].drop|expected a fraction from -99 to 1",
        "latency 9e15|\"shocks\": []|\"oracle\": {\"latencyMs\": 9e15}||$.oracle.latencyMs|expected a duration from 0 to",
        "latency of a day|\"shocks\": []|\"oracle\": {\"latencyMs\": 86400000}||$.oracle.latencyMs|expected a latency from 0 to 3600000 ms",
        "depth 1e-300|\"shocks\": []|\"liquidity\": {\"depthPerPercentUsd\": 1e-300}||$.liquidity.depthPerPercentUsd|expected a notional from 1 to 1.0E15 USD",
        "depeg 1e-300|\"shocks\": []|\"shocks\": [{\"type\": \"depeg\", \"symbol\": \"ETHUSD\", \"startMs\": 0, \"depegPrice\": 1e-300}]||$.shocks[0].depegPrice|expected a fraction of the peg from 1.0E-6 to 1000000",
        "shock on a symbol no feed has|\"shocks\": []|\"shocks\": [{\"type\": \"instant\", \"symbol\": \"BTCUSD\", \"atMs\": 5000, \"drop\": 0.2}]||$.shocks[0].symbol|no feed price of 'BTCUSD' reaches the engine; expected one of the feed symbols mapped to an asset [ETHUSD]",
        "shock on an unmapped feed|\"shocks\": []|\"shocks\": [{\"type\": \"freeze\", \"symbol\": \"SOLUSD\", \"fromMs\": 0, \"toMs\": 10}]||$.shocks[0].symbol|no feed price of 'SOLUSD' reaches the engine"
    })
    void scenariosRefuseAbsurdNumbers(String name, String from, String to, String unused, String place,
                                      String problem, @TempDir Path dir) throws IOException {
        Path book = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
        String text = "{\"format\": 1, \"book\": \"" + book.toString().replace("\\", "/") + "\", \"feeds\": [{\"synthetic\": "
                + FEED + "}, {\"synthetic\": " + FEED.replace("ETHUSD", "SOLUSD") + "}], \"symbols\": {\"ETHUSD\": \"ETH\"},"
                + " \"shocks\": []}";
        assertTrue(text.contains(from), from);
        text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        Path f = dir.resolve("s.json");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(place, e.place(), e.getMessage());
        assertTrue(e.problem().startsWith(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theShippedScenariosAreWithinTheBounds() {
        for (String s : new String[] {"flash-crash.json", "gap-down.json", "slow-crash.json", "console-default.json"}) {
            ScenarioReader.read(Path.of("..", "assets", "scenarios", s));
        }
    }
}
