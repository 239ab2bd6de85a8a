package io.solvent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarginCommandTest {
    static final Path EXAMPLE = Path.of("..", "assets", "books", "example.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheExampleBooksFigures() throws Exception {
        CliRun run = CliRun.of("margin", EXAMPLE.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        JsonNode subs = JSON.readTree(run.out()).get("subaccounts");
        assertEquals(2, subs.size());
        JsonNode cross = subs.get(0);
        // 5000 USDC + 2 ETH·2000·0.825 = 8300 weighted; 10 ETH-PERP: 3% of 20,000 = 600 maintenance.
        assertEquals(8300.0, cross.at("/maintenance/weightedAssets").doubleValue(), 1e-9);
        assertEquals(600.0, cross.at("/maintenance/requirement").doubleValue(), 1e-9);
        assertEquals(7200.0, cross.get("freeCollateral").doubleValue(), 1e-9);
        // health(p) = 5000 + 1.65p + 10(p − 2000) − 0.3p = 11.35p − 15000
        assertEquals(15000 / 11.35, cross.at("/positions/0/liquidationPrice").doubleValue(), 1e-9);
        JsonNode isolated = subs.get(1);
        // 800 + 300 PnL − 3(p − 2100) − 0.09p = 0 → p = 7100 / 3.09
        assertEquals(7100 / 3.09, isolated.at("/liquidationPrices/ETH").doubleValue(), 1e-9);
        assertTrue(isolated.at("/liquidationPrices/USDC").isNull());
    }

    @Test
    void pricesFileOverridesTheBook(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("crash.json");
        Files.writeString(prices, "{\"ETH\": 1200}");
        CliRun run = CliRun.of("margin", EXAMPLE.toString(), "--prices", prices.toString(), "--compact");
        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.out().strip().lines().count());
        JsonNode cross = JSON.readTree(run.out()).get("subaccounts").get(0);
        assertTrue(cross.get("liquidatable").booleanValue(), "ETH at 1200 is below its 1321.59 liquidation price");
    }

    @Test
    void badBookIsOneLineExitTwoNoStackTrace(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("book.json");
        Files.writeString(book, Files.readString(EXAMPLE).replace("\"size\": 10", "\"size\": \"10 ETH\""));
        CliRun run = CliRun.of("margin", book.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertEquals("", run.out(), "nothing half-written on standard output");
        assertEquals("solvent: " + book + ": $.accounts[0].subaccounts[0].positions[0].size: expected a number, "
                + "found string \"10 ETH\"", run.err().strip());
        Path log = Path.of("target", "test-logs", "solvent.log");
        assertTrue(Files.readString(log).contains("io.solvent.engine.input.InputException"),
                "the full detail goes to the log");
    }

    @Test
    void missingFileAndMissingPriceAreBadInput(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("margin", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.status());
        assertTrue(missing.err().contains("nope.json: no such file"), missing.err());

        Path book = dir.resolve("unpriced.json");
        Files.writeString(book, Files.readString(EXAMPLE).replace("\"prices\": {\"USDC\": 1, \"ETH\": 2000}",
                "\"prices\": {\"USDC\": 1}"));
        CliRun unpriced = CliRun.of("margin", book.toString());
        assertEquals(ExitCodes.BAD_INPUT, unpriced.status());
        assertTrue(unpriced.err().contains(": $.prices: no price for ETH"), unpriced.err());
        assertFalse(unpriced.err().contains("\tat "), "no stack trace");
    }

    @Test
    void usageErrorsAreBadInput() {
        CliRun noBook = CliRun.of("margin");
        assertEquals(ExitCodes.BAD_INPUT, noBook.status());
        assertTrue(noBook.err().contains("Missing required parameter: 'BOOK.json'"), noBook.err());
        CliRun unknown = CliRun.of("margin", EXAMPLE.toString(), "--price", "x.json");
        assertEquals(ExitCodes.BAD_INPUT, unknown.status());
        assertTrue(unknown.err().contains("Unknown options: '--price'"), unknown.err());
    }
}
