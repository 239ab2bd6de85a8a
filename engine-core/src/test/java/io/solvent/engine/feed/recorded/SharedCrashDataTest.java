package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedInspection;
import io.solvent.engine.feed.FeedInspector;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.PriceEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The recorded crash data in ../shared/data, read from there (never copied). */
class SharedCrashDataTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");
    static final Path OCT_10 = DATA.resolve("crash_2025-10-10");

    @BeforeAll
    static void dataPresent() {
        assumeTrue(Files.isDirectory(DATA), "shared crash data not present at " + DATA.toAbsolutePath()
                + ": skipping");
    }

    @Test
    void btcPerpOnBlackThursdayHasTheTrueFigures() {
        Path f = DATA.resolve("crash_2020-03-12/binance_usdm_BTCUSDT_1m_2020-03-12_core.csv");
        FeedInspection i = FeedInspector.inspect(() -> RecordedFeedReader.open(f), Map.of());
        assertEquals(List.of("BTCUSDT"), List.copyOf(i.prices().keySet()));
        FeedInspection.Series btc = i.prices().get("BTCUSDT");
        assertEquals(1716, btc.events(), "429 bars, four events each");
        assertEquals(1584011700000L, btc.firstMs());
        assertEquals(1584072060000L, btc.lastMs());
        assertEquals(new FeedInspection.PricePoint(3621.81, 1584065760000L), btc.min(), "03-13 02:16 UTC");
        assertEquals(new FeedInspection.PricePoint(6424.91, 1584012000000L), btc.max(), "03-12 11:20 UTC");
        assertEquals(60_000, btc.usualSpacingMs());
        assertEquals(List.of(new FeedInspection.Gap(1584020220000L, 1584054960000L)), btc.gaps(),
                "13:37 → 23:16, the hole between the two crash legs");
        assertTrue(i.depth().isEmpty());
    }

    @Test
    void coinMarginedAltWicksAllFallAt2119To2124() {
        Path f = OCT_10.resolve("binance_coinm_perp_1m_2025-10-10.csv");
        Map<String, PriceEvent> lows = new TreeMap<>();
        try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
            assertEquals(12, r.runs(), "one block per symbol");
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                PriceEvent p = (PriceEvent) e;
                PriceEvent low = lows.get(p.symbol());
                if (low == null || p.price() < low.price()) {
                    lows.put(p.symbol(), p);
                }
            }
        }
        assertEquals(12, lows.size(), lows.keySet().toString());
        for (PriceEvent low : lows.values()) {
            LocalTime at = Instant.ofEpochMilli(low.timestampMs()).atOffset(ZoneOffset.UTC).toLocalTime();
            assertFalse(at.isBefore(LocalTime.of(21, 19)) || at.isAfter(LocalTime.of(21, 24)),
                    low.symbol() + " low " + low.price() + " at " + at);
        }
        assertEquals(6.02, lows.get("AVAXUSD_PERP").price(), "AVAX −79 %");
        assertEquals(0.32, lows.get("FILUSD_PERP").price(), "FIL −87 %");
    }

    @Test
    void may2021PerpWicksOfTheTwoSymbolFile() {
        Path f = DATA.resolve("crash_2021-05-19/binance_usdm_BTCUSDT_ETHUSDT_1m_2021-05-19_core.csv");
        FeedInspection i = FeedInspector.inspect(() -> RecordedFeedReader.open(f), Map.of());
        long at1310 = Instant.parse("2021-05-19T13:10:00Z").toEpochMilli();
        assertEquals(new FeedInspection.PricePoint(28688.0, at1310), i.prices().get("BTCUSDT").min());
        assertEquals(new FeedInspection.PricePoint(1400.73, at1310), i.prices().get("ETHUSDT").min());
    }

    private static List<Path> oct10Files() throws IOException {
        try (Stream<Path> s = Files.list(OCT_10)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void mergingTheOctober10FilesIsOrderedAndComplete() throws IOException {
        List<Path> files = oct10Files();
        assertEquals(12, files.size(), files.toString());
        // each file alone: events per (file, symbol)
        Map<String, Long> alone = new TreeMap<>();
        long total = 0;
        for (Path f : files) {
            try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    alone.merge(e.source() + " " + e.symbol(), 1L, Long::sum);
                    total++;
                }
            }
        }
        List<RecordedFeedReader> readers = new ArrayList<>();
        for (Path f : files) {
            readers.add(RecordedFeedReader.open(f));
        }
        Map<String, Long> merged = new TreeMap<>();
        long count = 0;
        long depth = 0;
        long previous = Long.MIN_VALUE;
        long outOfOrder = 0;
        try (FeedReader all = new MergedFeedReader(readers)) {
            for (FeedEvent e = all.next(); e != null; e = all.next()) {
                if (e.timestampMs() < previous) {
                    outOfOrder++;
                }
                previous = e.timestampMs();
                merged.merge(e.source() + " " + e.symbol(), 1L, Long::sum);
                count++;
                if (e instanceof DepthEvent) {
                    depth++;
                }
            }
        }
        assertEquals(0, outOfOrder, "one time-ordered stream");
        assertEquals(total, count, "every event of every file, once");
        assertEquals(alone, merged, "per file and symbol too");
        assertEquals(14_400, depth, "the bookDepth rows");
        // bars ×4 + trades + index samples + depth, from the row counts of PROVENANCE.md (the USD-M perp bars twice:
        // in 7 and in all 12 columns)
        long bars = 2_880 + 16_924 + 4_316 + 27_114 + 11_234 + 72 + 1_560 + 1_560 + 360;
        assertEquals(4 * bars + 96_778 + 20_019 + 14_400, count);
        long symbols = merged.keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).distinct().count();
        System.out.printf("2025-10-10: %d files, %d series, %d distinct symbols, %d events merged in order%n",
                files.size(), merged.size(), symbols, count);
    }

    @Test
    void everySharedPriceFileReads() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(DATA)) {
            s.filter(p -> p.getParent().getFileName().toString().startsWith("crash_"))
                    .filter(p -> p.toString().endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith("uniswap")) // AMM reserves: no feed format
                    .sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 15, files.toString());
        for (Path f : files) {
            FeedInspection i = FeedInspector.inspect(() -> RecordedFeedReader.open(f), Map.of());
            assertFalse(i.prices().isEmpty() && i.depth().isEmpty(), f.toString());
            for (FeedInspection.Series s : i.prices().values()) {
                assertNotNull(s.min());
                assertTrue(s.min().price() > 0 && s.min().price() <= s.max().price(), f + " " + s.symbol());
            }
        }
    }
}
