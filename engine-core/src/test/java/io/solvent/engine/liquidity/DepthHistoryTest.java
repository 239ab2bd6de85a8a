package io.solvent.engine.liquidity;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots assembled from depth events. */
class DepthHistoryTest {
    private static final long T0 = 1_760_097_607_000L;

    static FeedReader feed(FeedEvent... events) {
        Iterator<FeedEvent> it = List.of(events).iterator();
        return new FeedReader() {
            @Override
            public FeedEvent next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    static DepthEvent d(long t, String symbol, double pct, double notional) {
        return new DepthEvent(t, symbol, pct, notional / 100_000, notional, "depth.csv");
    }

    @Test
    void eventsSharingATimestampFormASnapshot() {
        DepthHistory h = DepthHistory.read(feed(
                d(T0, "BTCUSDT", -2, 3e6), d(T0, "BTCUSDT", -1, 1e6), d(T0, "BTCUSDT", 1, 2e6),
                d(T0, "ETHUSDT", -1, 5e5),
                PriceEvent.of(T0, "BTCUSDT", 100_000, "ticks.csv"),
                d(T0, "BTCUSDT", 2, 5e6),
                d(T0 + 30_000, "BTCUSDT", 1, 4e6), d(T0 + 30_000, "BTCUSDT", 1, 6e6)), "depth.csv", "BTCUSDT", 0.5);
        assertEquals(2, h.size());
        DepthSnapshot first = h.get(0);
        assertEquals(T0, first.timestampMs());
        assertEquals(DepthCurve.of(new double[]{0.01, 0.02}, new double[]{1e6, 3e6}, 0.5), first.bids(),
                "bids sorted by distance whatever the file order; other symbols skipped");
        assertEquals(DepthCurve.of(new double[]{0.01, 0.02}, new double[]{2e6, 5e6}, 0.5), first.asks());
        DepthSnapshot second = h.get(1);
        assertSame(first.bids(), second.bids(), "a side without points keeps the previous snapshot's");
        assertEquals(DepthCurve.of(new double[]{0.01}, new double[]{6e6}, 0.5), second.asks(),
                "a repeated percentage keeps the later event");
        assertSame(first, h.at(T0 + 29_999));
        assertSame(second, h.at(T0 + 30_000));
        assertEquals(1, h.indexAt(Long.MAX_VALUE));
        assertEquals(0, h.indexAt(Long.MIN_VALUE));
    }

    @Test
    void crossedSnapshotsAreCounted() {
        DepthHistory h = DepthHistory.read(feed(
                // 12:00:07: bids within 1% average 99 500, asks 100 500: fine
                new DepthEvent(T0, "BTCUSDT", -2, 30, 2.97e6, "f"), new DepthEvent(T0, "BTCUSDT", -1, 10, 9.95e5, "f"),
                new DepthEvent(T0, "BTCUSDT", 1, 10, 1.005e6, "f"),
                // 30 s later: the bids within 1% average 121 364, above the asks' 100 500: crossed
                new DepthEvent(T0 + 30_000, "BTCUSDT", -1, 17.652, 2_142_311.3113, "f"),
                new DepthEvent(T0 + 30_000, "BTCUSDT", 1, 10, 1.005e6, "f")), "f", "BTCUSDT", 0.5);
        assertEquals(1, h.crossedSnapshots());
        assertEquals(0, DepthHistory.constant(DepthSnapshot.symmetric(T0, DepthCurve.empty(0.5))).crossedSnapshots());
    }

    /** The 21:10:06 snapshot of the shared BTCUSDT file: its −1..−3% bids average 121,363 with BTC near 114,500. */
    @Test
    void bandsWhoseAveragePriceIsImpossibleForTheirDistanceAreDropped() {
        double[][] rows = { // percentage, notional, average price
            {-5, 245_599_820, 113_457.7}, {-4, 150_667_952, 113_990.7}, {-3, 2_142_547, 121_363.3},
            {-2, 2_142_547, 121_363.3}, {-1, 2_142_547, 121_363.3}, {1, 296_819_450, 115_906.9},
            {2, 343_341_947, 116_389.4}, {3, 368_909_324, 116_689.2}, {4, 404_266_761, 117_135.8},
            {5, 446_651_361, 117_692.3}};
        FeedEvent[] events = new FeedEvent[rows.length];
        for (int i = 0; i < rows.length; i++) {
            events[i] = new DepthEvent(T0, "BTCUSDT", rows[i][0], rows[i][1] / rows[i][2], rows[i][1], "f");
        }
        DepthHistory h = DepthHistory.read(feed(events), "f", "BTCUSDT", 0.05, 0.5);
        assertEquals(3, h.droppedBands(), "the three bid bands above the mid");
        assertEquals(1, h.crossedSnapshots(), "still counted as recorded");
        assertEquals(DepthCurve.of(new double[]{0.04, 0.05}, new double[]{150_667_952 * 0.5, 245_599_820 * 0.5}, 0.05),
                h.get(0).bids(), "the bids through the bands that remain, scaled by one half");
        assertEquals(5, h.get(0).asks().points(), "every ask band is possible");
        assertEquals(0.05, h.get(0).asks().maxDistance());
    }

    @Test
    void aFirstSnapshotWithOneSideHasAnEmptyOtherSide() {
        DepthHistory h = DepthHistory.read(feed(d(T0, "BTCUSDT", 1, 2e6)), "depth.csv", "BTCUSDT", 0.5);
        assertEquals(0, h.get(0).bids().capacityUsd());
        assertEquals(0.5, h.get(0).bids().slippage(1));
    }

    @Test
    void badDepthIsAnInputErrorNamingTheSnapshot() {
        InputException e = assertThrows(InputException.class, () -> DepthHistory.read(feed(
                d(T0, "BTCUSDT", -1, 3e6), d(T0, "BTCUSDT", -2, 1e6)), "depth.csv", "BTCUSDT", 0.5));
        assertEquals("depth.csv", e.source());
        assertEquals("snapshot at 1760097607000 ms (2025-10-10T12:00:07Z), percentage -2.0", e.place());
        assertTrue(e.problem().contains("below"), e.problem());

        e = assertThrows(InputException.class, () -> DepthHistory.read(feed(d(T0, "BTCUSDT", 0, 1)),
                "depth.csv", "BTCUSDT", 0.5));
        assertTrue(e.problem().contains("other than 0"), e.problem());
        e = assertThrows(InputException.class, () -> DepthHistory.read(feed(d(T0, "BTCUSDT", 5, 1)),
                "depth.csv", "BTCUSDT", 0.04));
        assertTrue(e.problem().contains("backstop"), e.problem());
        e = assertThrows(InputException.class, () -> DepthHistory.read(feed(d(T0, "BTCUSDT", 5, 1),
                d(T0 - 1, "BTCUSDT", 5, 1)), "depth.csv", "BTCUSDT", 0.5));
        assertTrue(e.problem().contains("time goes back"), e.problem());
        e = assertThrows(InputException.class, () -> DepthHistory.read(feed(d(T0, "ETHUSDT", 5, 1)),
                "depth.csv", "BTCUSDT", 0.5));
        assertEquals("no depth rows for symbol BTCUSDT", e.problem());
        DepthCurveTest.assertField("maxDistance", () -> DepthHistory.read(feed(), "depth.csv", "BTCUSDT", 1));
    }

    @Test
    void readsADepthCsvThroughTheRecordedReader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("depth.csv");
        Files.writeString(f, """
                timestamp_ms,symbol,percentage,depth_base,notional_usd
                1760097607000,BTCUSDT,-2,30,3000000
                1760097607000,BTCUSDT,-1,10,1000000
                1760097607000,BTCUSDT,1,10,1000000
                1760097637000,BTCUSDT,-1,5,500000
                1760097637000,BTCUSDT,1,20,2000000
                """);
        DepthHistory h = DepthHistory.read(RecordedFeedReader.open(f), f.toString(), "BTCUSDT", 0.5);
        assertEquals(2, h.size());
        assertEquals(0.005, h.at(T0).asks().slippage(1e6), 1e-15);
        assertEquals(0.01, h.at(T0 + 30_000).bids().marginalDistance(5e5), 1e-15);
        assertEquals(5e5, h.at(T0 + 30_000).bids().capacityUsd());
    }
}
