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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FeedInspectCommandTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");
    static final Path BTC_2020 = DATA.resolve("crash_2020-03-12/binance_usdm_BTCUSDT_1m_2020-03-12_core.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assumeData() {
        assumeTrue(Files.isDirectory(DATA), "shared crash data not present at " + DATA.toAbsolutePath()
                + ": skipping");
    }

    @Test
    void printsTheTrueFiguresOfBlackThursday() throws Exception {
        assumeData();
        CliRun run = CliRun.of("feed", "inspect", BTC_2020.toString(), "--compact");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals("{\"symbols\": {\"BTCUSDT\": {\"events\": 1716, \"first\": 1584011700000, \"last\": "
                + "1584072060000, \"min\": {\"price\": 3621.81, \"timestamp\": 1584065760000}, \"max\": {\"price\": "
                + "6424.91, \"timestamp\": 1584012000000}, \"gaps\": [{\"from\": 1584020220000, \"to\": "
                + "1584054960000}]}}}\n", run.out());
        CliRun pretty = CliRun.of("feed", "inspect", BTC_2020.toString());
        assertEquals(JSON.readTree(run.out()), JSON.readTree(pretty.out()), "the same document, indented");
    }

    @Test
    void severalFilesMakeOneDocumentWithAssetsAndDepth() throws Exception {
        assumeData();
        Path both = DATA.resolve("crash_2021-05-19/binance_usdm_BTCUSDT_ETHUSDT_1m_2021-05-19_core.csv");
        Path depth = DATA.resolve("crash_2025-10-10/binance_usdm_BTCUSDT_bookdepth_2025-10-10_12-24UTC.csv");
        CliRun run = CliRun.of("feed", "inspect", both.toString(), depth.toString(), "--map", "BTCUSDT=BTC",
                "--map", "ETHUSDT=ETH");
        assertEquals(0, run.status(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("BTC", doc.at("/symbols/BTCUSDT/asset").asText());
        assertEquals("ETH", doc.at("/symbols/ETHUSDT/asset").asText());
        assertEquals(1400.73, doc.at("/symbols/ETHUSDT/min/price").doubleValue());
        assertEquals(14_400, doc.at("/depth/BTCUSDT/events").longValue());
        assertTrue(doc.at("/depth/BTCUSDT/min").isMissingNode(), "no price for depth");
        assertEquals(0, doc.at("/depth/BTCUSDT/gaps").size(), "snapshots every 30 s without a hole");
    }

    @Test
    void aSymbolMissingFromTheMapIsBadInput() {
        assumeData();
        CliRun run = CliRun.of("feed", "inspect", BTC_2020.toString(), "--map", "ETHUSDT=ETH");
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertEquals("", run.out());
        assertEquals("solvent: " + BTC_2020 + ": line 2: unknown symbol BTCUSDT: not in the symbol map [ETHUSDT] "
                + "(map it to an asset, e.g. --map BTCUSDT=ASSET)", run.err().strip());
    }

    @Test
    void badLinesAreOneLineExitTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ticks.csv");
        Files.writeString(f, "timestamp_ms,symbol,price\n1000,BTC,100\n2000,BTC,-1\n");
        CliRun run = CliRun.of("feed", "inspect", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertEquals("", run.out(), "nothing half-written on standard output");
        assertEquals("solvent: " + f + ": line 3: column price: price -1 is not positive", run.err().strip());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals(1, run.err().strip().lines().count());
    }

    @Test
    void formatAndSymbolOptions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dump.csv");
        Files.writeString(f, "1584011700000,6232.67,6325.01,6200.38,6281.34,773.981,1584011759999,4830000.1,1000,"
                + "400.1,2500000.2,0\n");
        CliRun run = CliRun.of("feed", "inspect", f.toString(), "--format", "binance-klines", "--symbol", "BTCUSDT",
                "--compact");
        assertEquals(0, run.status(), run.err());
        assertEquals(4, JSON.readTree(run.out()).at("/symbols/BTCUSDT/events").longValue());
        CliRun bad = CliRun.of("feed", "inspect", f.toString(), "--format", "ohlc");
        assertEquals(ExitCodes.BAD_INPUT, bad.status());
        assertTrue(bad.err().contains("unknown format 'ohlc'; expected one of ticks, bars, trades, binance-klines,"
                + " binance-klines-symbol, index, depth"), bad.err());
        CliRun none = CliRun.of("feed", "inspect");
        assertEquals(ExitCodes.BAD_INPUT, none.status());
        CliRun missing = CliRun.of("feed", "inspect", dir.resolve("nope.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.status());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
    }

    @Test
    void minGapKeepsTheLongHolesOfATradeSeries(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("trades.csv");
        // spacing 10 ms; holes of 50 ms and 5 s
        Files.writeString(f, "timestamp_ms,symbol,price,qty,side\n0,X,1,1,buy\n10,X,1,1,buy\n20,X,1,1,sell\n"
                + "70,X,1,1,buy\n80,X,1,1,buy\n5080,X,1,1,buy\n5090,X,1,1,buy\n");
        JsonNode all = JSON.readTree(CliRun.of("feed", "inspect", f.toString()).out());
        assertEquals(2, all.at("/symbols/X/gaps").size());
        CliRun run = CliRun.of("feed", "inspect", f.toString(), "--min-gap", "1000");
        assertEquals(0, run.status(), run.err());
        JsonNode gaps = JSON.readTree(run.out()).at("/symbols/X/gaps");
        assertEquals(1, gaps.size());
        assertEquals(80, gaps.get(0).get("from").longValue());
        assertEquals(ExitCodes.BAD_INPUT, CliRun.of("feed", "inspect", f.toString(), "--min-gap", "-1").status());
    }

    @Test
    void feedAloneShowsItsSubcommands() {
        CliRun run = CliRun.of("feed");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("inspect"), run.out());
    }

    @Test
    void inspectsARecordedJournalAndWarnsAboutATruncatedLastLine(@TempDir Path dir)
            throws Exception {
        Path journal = dir.resolve("session.jsonl");
        String mark = "{\"t\":%d,\"source\":\"binance-futures\",\"msg\":{\"stream\":\"btcusdt@markPrice@1s\","
                + "\"data\":{\"e\":\"markPriceUpdate\",\"E\":%d,\"s\":\"BTCUSDT\",\"p\":\"%s\","
                + "\"i\":\"%s\",\"P\":\"0\",\"r\":\"0\",\"T\":0}}}\n";
        String text = String.format(mark, 1000, 1000, "100.5", "100.4") + String.format(mark, 2000, 2000, "99.5", "99.6")
                + "{\"t\":3000,\"source\":\"binance-fut";
        Files.writeString(journal, text);
        CliRun run = CliRun.of("feed", "inspect", journal.toString(), "--compact");
        assertEquals(0, run.status(), run.err());
        JsonNode btc = new ObjectMapper()
                .readTree(run.out()).at("/symbols/BTCUSDT");
        assertEquals(2, btc.get("events").asInt(), run.out());
        assertEquals(99.5, btc.at("/min/price").asDouble());
        assertEquals(2000, btc.at("/min/timestamp").asLong());
        assertTrue(run.err().startsWith("solvent: warning: "), run.err());
        assertEquals(1, run.err().lines().count(), "warned once although the file is read twice: " + run.err());
    }
}
