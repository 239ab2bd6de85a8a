package io.solvent.engine.liquidity;

import io.solvent.engine.feed.recorded.RecordedFeedReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The liquidity model on Binance USDⓈ-M BTCUSDT bookDepth of 2025-10-10 12:00–24:00 UTC, read from ../shared/data
 * (never copied). Prints the slippage of $1M, $10M and $100M on each side at four moments.
 */
class RecordedDepthTest {
    static final Path FILE = Path.of("..", "..", "shared", "data", "crash_2025-10-10",
            "binance_usdm_BTCUSDT_bookdepth_2025-10-10_12-24UTC.csv");
    static final double[] SIZES = {1e6, 1e7, 1e8};
    static DepthHistory history;

    @BeforeAll
    static void read() {
        assumeTrue(Files.exists(FILE), "shared crash data not present at " + FILE.toAbsolutePath() + ": skipping");
        history = DepthHistory.read(RecordedFeedReader.open(FILE), FILE.toString(), "BTCUSDT",
                DepthCurve.DEFAULT_MAX_DISTANCE);
    }

    @Test
    void oneSnapshotEveryHalfMinuteWithFivePointsASide() {
        assertEquals(1440, history.size());
        assertEquals(1_760_097_607_000L, history.get(0).timestampMs());
        int full = 0;
        for (int i = 0; i < history.size(); i++) {
            assertTrue(history.get(i).bids().points() <= 5 && history.get(i).asks().points() <= 5);
            full += history.get(i).bids().points() == 5 && history.get(i).asks().points() == 5 ? 1 : 0;
        }
        System.out.println("snapshots with all five bands a side kept: " + full + "; bands dropped: "
                + history.droppedBands());
        // from 15:30:42 on, the −1% band's average price (e.g. 17.652 BTC for $2 142 311 = 121 364) sits above the
        // +1% band's: a crossed book, so the near-mid bid figures are suspect (see docs/liquidity.md)
        System.out.println("crossed snapshots: " + history.crossedSnapshots() + " of " + history.size());
        assertEquals(969, history.crossedSnapshots());
        // those near-mid bands are impossible for their distance from the mid the other bands imply, and are dropped
        // (the bids' −1..−3% at 121 364 among them): 1,984 of the file's 14,400 bands, in the 968 snapshots left with
        // fewer than five a side
        assertEquals(1984, history.droppedBands());
        assertEquals(472, full);
    }

    @Test
    void slippageAtFourMomentsOfTheDay() {
        long[] moments = {1_760_097_607_000L, 1_760_130_007_000L, 1_760_131_206_000L, 1_760_131_501_000L};
        System.out.println("BTCUSDT bookDepth 2025-10-10: slippage (bp) of a sale into the bids / a purchase from"
                + " the asks; * = beyond the book's ±5%");
        for (long t : moments) {
            DepthSnapshot s = history.at(t);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s  bids≤5%% %7.1fM asks≤5%% %6.1fM |",
                    Instant.ofEpochMilli(s.timestampMs()), s.bids().capacityUsd() / 1e6,
                    s.asks().capacityUsd() / 1e6));
            for (TradeSide side : TradeSide.values()) {
                DepthCurve c = s.consumedBy(side);
                double previous = 0;
                line.append(' ').append(side).append(':');
                for (double q : SIZES) {
                    double slip = c.slippage(q);
                    double marginal = c.marginalDistance(q);
                    assertTrue(slip >= previous, "monotone in q");
                    assertTrue(slip >= 0 && slip <= marginal && marginal <= c.maxDistance());
                    assertTrue(c.slippage(q, 0.2) >= slip, "stressed never better");
                    previous = slip;
                    line.append(String.format(Locale.ROOT, " $%.0fM %.2f%s", q / 1e6, slip * 1e4,
                            q > c.capacityUsd() ? "*" : ""));
                }
                line.append(String.format(Locale.ROOT, " (stressed ×0.2: $100M %.2f%s)", c.slippage(1e8, 0.2) * 1e4,
                        1e8 > 0.2 * c.capacityUsd() ? "*" : ""));
            }
            System.out.println(line);
        }
        DepthSnapshot calm = history.at(moments[0]);
        // 12:00: $377.6M of bids within 1%: a $1M sale's last unit fills 1M/377.6M of 1% away, its average half that
        assertEquals(0.01 * 1e6 / 377_606_124.5935 / 2, calm.bids().slippage(1e6), 1e-15);
        assertTrue(calm.bids().slippage(1e8) < 0.002, "a $100M sale costs under 20 bp in a calm book");
        assertTrue(calm.asks().slippage(1e8) < 0.003);
        DepthSnapshot gone = history.at(moments[3]);
        assertTrue(gone.bids().capacityUsd() < 5e6, "21:25: the bids within 5% hold about $4.5M");
        assertTrue(gone.bids().slippage(1e7) > 0.05, "a $10M sale goes far beyond the book");
    }

    @Test
    void theWorstMomentOfTheDayForATenMillionSale() {
        double worst = 0;
        long when = 0;
        double thinnest = Double.POSITIVE_INFINITY;
        long thinnestAt = 0;
        for (int i = 0; i < history.size(); i++) {
            DepthSnapshot s = history.get(i);
            double slip = s.bids().slippage(1e7);
            if (slip > worst) {
                worst = slip;
                when = s.timestampMs();
            }
            if (s.bids().capacityUsd() < thinnest) {
                thinnest = s.bids().capacityUsd();
                thinnestAt = s.timestampMs();
            }
        }
        System.out.printf(Locale.ROOT, "worst $10M sale: %.2f bp at %s; thinnest bids within 5%%: $%.2fM at %s%n",
                worst * 1e4, Instant.ofEpochMilli(when), thinnest / 1e6, Instant.ofEpochMilli(thinnestAt));
        assertTrue(worst > 0 && worst <= DepthCurve.DEFAULT_MAX_DISTANCE);
        assertTrue(when >= 1_760_129_400_000L && when <= 1_760_140_800_000L, "during or after the crash (20:50–24:00)");
    }
}
