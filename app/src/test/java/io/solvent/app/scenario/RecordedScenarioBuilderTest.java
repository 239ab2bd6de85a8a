package io.solvent.app.scenario;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RecordedScenarioBuilderTest {
    private static final Path BOOK = Path.of("..", "assets", "books", "population-300.json");
    private static final long T0 = 1_735_689_600_000L;

    /** Ticks of BTCUSDT and ETHUSDT, one a second for 10 minutes, falling 30%, with a 2-minute hole in ETH. */
    public static Path ticks(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("timestamp_ms,symbol,price\n");
        for (int i = 0; i < 600; i++) {
            double f = 1 - 0.3 * i / 600.0;
            b.append(T0 + i * 1000L).append(",BTCUSDT,").append(114310 * f).append('\n');
            if (i < 200 || i >= 320) {
                b.append(T0 + i * 1000L).append(",ETHUSDT,").append(3863 * f).append('\n');
            }
        }
        Path f = dir.resolve("ticks.csv");
        Files.writeString(f, b);
        return f;
    }

    public static Path bars(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("timestamp_ms,symbol,open,high,low,close,volume\n");
        for (int i = 0; i < 10; i++) {
            long t = T0 + i * 60_000L;
            b.append(t).append(",gemini:ETHUSD,3860,3870,3850,3855,1\n");
            b.append(t).append(",PEPEUSDT,0.00001,0.00001,0.00001,0.00001,1\n");
        }
        Path f = dir.resolve("bars.csv");
        Files.writeString(f, b);
        return f;
    }

    @Test
    void theInspectionListsSymbolsRowsTimesAndGaps(@TempDir Path dir) throws Exception {
        RecordedScenarioBuilder.Inspection in = RecordedScenarioBuilder.inspect(List.of(ticks(dir), bars(dir)));
        assertEquals(List.of("ticks", "bars"), in.files().stream().map(RecordedScenarioBuilder.RecordedFile::format)
                .toList());
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "PEPEUSDT", "gemini:ETHUSD"), in.priceSymbols());
        RecordedScenarioBuilder.SeriesRow eth = in.series().stream().filter(s -> s.symbol().equals("ETHUSDT"))
                .findFirst().orElseThrow();
        assertEquals(480, eth.events());
        assertEquals(1, eth.gaps());
        assertEquals(121_000, eth.longestGapMs());
        assertEquals(1_000, eth.spacingMs());
        assertEquals(T0, in.startMs());
        assertEquals(T0 + 600_000, in.endMs(), "the last bar's minute included");
    }

    @Test
    void theMappingIsGuessedAgainstTheBookAndChecked(@TempDir Path dir) throws Exception {
        RecordedScenarioBuilder.Inspection in = RecordedScenarioBuilder.inspect(List.of(ticks(dir), bars(dir)));
        List<String> assets = RecordedScenarioBuilder.bookAssets(BOOK);
        Map<String, String> guess = RecordedScenarioBuilder.guess(in.priceSymbols(), assets);
        assertEquals(Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH", "gemini:ETHUSD", "ETH"), guess);
        RecordedScenarioBuilder.MappingCheck c = RecordedScenarioBuilder.check(guess, in, assets, "USDC");
        assertTrue(c.ok());
        assertEquals(List.of("SOL", "XRP", "DOGE", "LINK", "AVAX", "ENA", "AAVE", "DOT"), c.unpricedAssets());
        assertEquals(List.of("PEPEUSDT"), c.unmappedSymbols());
        assertEquals(Map.of("ETH", List.of("ETHUSDT", "gemini:ETHUSD")), c.combined());

        Map<String, String> wrong = new TreeMap<>(guess);
        wrong.put("PEPEUSDT", "PEPE");
        RecordedScenarioBuilder.MappingCheck bad = RecordedScenarioBuilder.check(wrong, in, assets, "USDC");
        assertFalse(bad.ok());
        assertEquals("PEPEUSDT → PEPE: the book has no asset PEPE", bad.messages().getFirst());
        assertFalse(RecordedScenarioBuilder.check(Map.of(), in, assets, "USDC").ok());
    }

    @Test
    void theScenarioWrittenReplaysTheFilesOverTheBook(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        RecordedScenarioBuilder.Inspection in = RecordedScenarioBuilder.inspect(List.of(ticks(data), bars(data)));
        Path target = dir.resolve("scenarios").resolve("recorded.json");
        Map<String, String> mapping = RecordedScenarioBuilder.guess(in.priceSymbols(),
                RecordedScenarioBuilder.bookAssets(BOOK));
        RecordedScenarioBuilder.write(in, BOOK, mapping, "recorded fall", target);
        String text = Files.readString(target);
        assertTrue(text.contains("\"../data/ticks.csv\""), text);
        Scenario s = ScenarioReader.read(target);
        assertEquals("recorded fall", s.name());
        assertEquals(new Scenario.Window(T0, T0 + 600_000), s.window());
        assertEquals(Scenario.PriceSource.Method.MEDIAN, s.priceSources().get("ETH").method());
        assertEquals("BTC", s.symbols().get("BTCUSDT"));
        ReplayRunner.Result r = ReplayRunner.run(s, ReplaySink.NONE);
        assertTrue(r.ticks() > 1000, String.valueOf(r.ticks()));
        assertTrue(r.summary().liquidations() > 0, "a 30% fall liquidates someone in the 300-account book");

        Map<String, String> bad = Map.of("BTCUSDT", "BITCOIN");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                RecordedScenarioBuilder.write(in, BOOK, bad, "x", dir.resolve("x.json")));
        assertTrue(e.getMessage().contains("the book has no asset BITCOIN"), e.getMessage());
    }

    @Test
    void theRecordedCrashOf2025_10_10BecomesAScenarioThatReplays(@TempDir Path dir) {
        Path data = Path.of("..", "..", "shared", "data", "crash_2025-10-10");
        Path perp = data.resolve("binance_usdm_perp_1m_2025-10-10.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(perp), "skipped: the shared recorded data "
                + data.toAbsolutePath().normalize() + " is not here (it is never copied into the project)");
        long t0 = System.nanoTime();
        RecordedScenarioBuilder.Inspection in = RecordedScenarioBuilder.inspect(List.of(perp,
                data.resolve("binance_usdm_BTCUSDT_bookdepth_2025-10-10_12-24UTC.csv")));
        long inspectMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(in.notes().getFirst().contains("is order-book depth: it is not replayed as prices"),
                in.notes().toString());
        List<String> assets = RecordedScenarioBuilder.bookAssets(BOOK);
        Map<String, String> guess = RecordedScenarioBuilder.guess(in.priceSymbols(), assets);
        assertEquals(Map.of("AVAXUSDT", "AVAX", "BTCUSDT", "BTC", "DOGEUSDT", "DOGE", "LINKUSDT", "LINK",
                "SOLUSDT", "SOL", "XRPUSDT", "XRP"), guess);
        RecordedScenarioBuilder.MappingCheck c = RecordedScenarioBuilder.check(guess, in, assets, "USDC");
        assertTrue(c.ok(), c.messages().toString());
        assertEquals(List.of("ETH", "ENA", "AAVE", "DOT"), c.unpricedAssets(), "the file has no ETH, ENA, AAVE, DOT");
        Path target = dir.resolve("oct10.json");
        RecordedScenarioBuilder.write(in, BOOK, guess, "2025-10-10 perps over 300 accounts", target);
        Scenario s = ScenarioReader.read(target);
        assertEquals(1, s.feeds().size(), "the depth file is not a price feed");
        long t1 = System.nanoTime();
        ReplayRunner.Result r = ReplayRunner.run(s, ReplaySink.NONE);
        long replayMs = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(r.summary().liquidations() > 0, "the crash liquidates some of the 300 accounts");
        System.out.printf("2025-10-10 perps: %d symbols, %d mapped, inspected in %d ms; replay %d ticks, %d"
                        + " liquidations in %d ms%n", in.priceSymbols().size(), guess.size(), inspectMs, r.ticks(),
                r.summary().liquidations(), replayMs);
    }

    @Test
    void aJournalOrABadFileIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path j = dir.resolve("live.jsonl");
        Files.writeString(j, "{}\n");
        InputException e = assertThrows(InputException.class, () -> RecordedScenarioBuilder.inspect(List.of(j)));
        assertTrue(e.getMessage().contains("is a journal of a live session"), e.getMessage());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "when,what\n1,2\n");
        InputException e2 = assertThrows(InputException.class, () -> RecordedScenarioBuilder.inspect(List.of(bad)));
        assertTrue(e2.getMessage().startsWith(bad.toString()), e2.getMessage());
        assertFalse(e2.getMessage().contains("\n"));
    }
}
