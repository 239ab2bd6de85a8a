package io.solvent.engine.oracle;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.synthetic.FrozenFeedShock;
import io.solvent.engine.feed.synthetic.JumpDiffusionGenerator;
import io.solvent.engine.feed.synthetic.JumpDiffusionParameters;
import io.solvent.engine.feed.synthetic.ShockedFeedReader;
import io.solvent.engine.feed.synthetic.Timeline;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssetOracleTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static PriceEvent px(long t, double price) {
        return PriceEvent.of(t, "ETH", price, "chainlink");
    }

    @Test
    void chainlinkPublishesOnDeviationOrHeartbeat() {
        List<long[]> times = new ArrayList<>();
        AssetOracle o = new AssetOracle("ETH", OracleParameters.chainlink(0.005, HOUR, 2 * HOUR),
                x -> times.add(new long[]{x.publishedAtMs(), x.observedAtMs()}));
        o.observe(px(T0, 2_000));                      // first: published
        o.observe(px(T0 + 60_000, 2_009));             // 0.45%: withheld
        assertEquals(2_000.0, o.price());
        assertEquals(1, o.withheldCount());
        o.observe(px(T0 + 120_000, 2_010));            // exactly 0.5%: published
        assertEquals(2_010.0, o.price());
        o.observe(px(T0 + 180_000, 2_011));            // withheld, then a quiet hour
        o.advanceTo(T0 + 120_000 + HOUR - 1);
        assertEquals(2_010.0, o.price());
        o.advanceTo(T0 + 120_000 + HOUR);              // heartbeat at exactly publishedAt + heartbeat
        assertEquals(2_011.0, o.price());
        assertEquals(T0 + 120_000 + HOUR, o.publishedAtMs());
        assertEquals(T0 + 180_000, o.observedAtMs());
        assertEquals(3, o.publishedCount());
        assertEquals(3, times.size());
    }

    @Test
    void aHeartbeatNeverRepublishesAnOldPriceSoASilentSourceGoesStale() {
        AssetOracle o = new AssetOracle("ETH", OracleParameters.chainlink(0.005, HOUR, HOUR + 60_000), null);
        o.observe(px(T0, 2_000));
        o.advanceTo(T0 + 10 * HOUR);
        assertEquals(1, o.publishedCount());
        assertEquals(OracleStatus.STALE, o.status());
        assertFalse(o.liquidationsAllowed(), "Chainlink preset pauses when stale");
        assertEquals(10 * HOUR, o.ageMs());
    }

    @Test
    void aFrozenFeedMakesTheOracleStaleExactlyAtTheLimitAndFreshAgainWhenItResumes() {
        long freezeFrom = T0 + 10 * 60_000;
        long freezeTo = T0 + 20 * 60_000;
        var path = new ShockedFeedReader(new JumpDiffusionGenerator(JumpDiffusionParameters.gbm("ETH", 2_000, 0,
                0.8, new Timeline(T0, 1_000, 1_800), 3)), List.of(new FrozenFeedShock("ETH", freezeFrom, freezeTo)));
        AssetOracle o = new AssetOracle("ETH", OracleParameters.passThrough()
                .withStaleness(60_000, StalenessPolicy.PAUSE), null);
        long staleSince = -1;
        long freshAgain = -1;
        FeedEvent e;
        while ((e = path.next()) != null) {
            // look at every second between events, as an engine ticking once a second would
            for (long t = Math.max(o.nowMs(), T0); t < e.timestampMs(); t += 1_000) {
                o.advanceTo(t);
                if (o.stale() && staleSince < 0) {
                    staleSince = t;
                }
            }
            o.observe((PriceEvent) e);
            if (staleSince >= 0 && freshAgain < 0 && !o.stale()) {
                freshAgain = o.nowMs();
            }
        }
        long lastBefore = freezeFrom - 1_000;
        assertEquals(lastBefore + 60_000 + 1_000, staleSince, "first whole second with age > 60 s");
        assertEquals(freezeTo, freshAgain);
        // the boundary itself, on a fresh oracle (time only moves forward)
        AssetOracle b = new AssetOracle("ETH", OracleParameters.passThrough()
                .withStaleness(60_000, StalenessPolicy.PAUSE), null);
        b.observe(px(lastBefore, 2_000));
        b.advanceTo(lastBefore + 60_000);
        assertFalse(b.stale());
        b.advanceTo(lastBefore + 60_001);
        assertTrue(b.stale());
    }

    @Test
    void widenExposesBothSidesAndPicksTheWorseOneForTheAccount() {
        AssetOracle o = new AssetOracle("SOL", OracleParameters.passThrough()
                .withConfidence(0.02, ConfidencePolicy.WIDEN), null);
        o.observe(new PriceEvent(T0, "SOL", 100, 1, "pyth"));        // 1%: not wide
        assertFalse(o.wide());
        assertEquals(100.0, o.conservativePrice(+1));
        assertEquals(99.0, o.lowerPrice());
        assertEquals(101.0, o.upperPrice());
        o.observe(new PriceEvent(T0 + 1, "SOL", 100, 5, "pyth"));    // 5%: wide
        assertTrue(o.wide());
        assertEquals(95.0, o.conservativePrice(+1), "a long is worth the lower price");
        assertEquals(105.0, o.conservativePrice(-1), "a short costs the upper price");
        assertThrows(IllegalArgumentException.class, () -> o.conservativePrice(0));
        o.observe(new PriceEvent(T0 + 2, "SOL", 100, 500, "pyth"));
        assertEquals(0.0, o.lowerPrice(), "never below zero");
    }

    @Test
    void rejectDropsTheUpdateAndKeepsTheLastGoodPrice() {
        AssetOracle o = new AssetOracle("SOL", OracleParameters.passThrough()
                .withConfidence(0.02, ConfidencePolicy.REJECT), null);
        o.observe(new PriceEvent(T0, "SOL", 100, 2, "pyth"));        // exactly 2%: accepted
        o.observe(new PriceEvent(T0 + 400, "SOL", 80, 2, "pyth"));   // 2.5%: rejected
        assertEquals(100.0, o.price());
        assertEquals(1, o.rejectedCount());
        assertEquals(T0, o.observedAtMs());
    }

    @Test
    void latencyDelaysDeliveryAndInFlightUpdatesKeepTheirOrder() {
        AssetOracle o = new AssetOracle("ETH", OracleParameters.passThrough().withLatencyMs(3_000), null);
        o.observe(px(T0, 10));
        o.observe(px(T0 + 1_000, 11));
        o.observe(px(T0 + 1_000, 12));
        assertFalse(o.hasPrice());
        assertEquals(3, o.inFlight());
        o.advanceTo(T0 + 2_999);
        assertFalse(o.hasPrice());
        o.advanceTo(T0 + 3_000);
        assertEquals(10.0, o.price());
        o.advanceTo(T0 + 4_000);
        assertEquals(12.0, o.price());
        assertEquals(3, o.publishedCount());
        assertEquals(T0 + 4_000, o.publishedAtMs());
    }

    @Test
    void manyUpdatesInFlightGrowTheBufferWithoutLosingAny() {
        AssetOracle o = new AssetOracle("ETH", OracleParameters.passThrough().withLatencyMs(100_000), null);
        for (int i = 0; i < 1_000; i++) {
            o.observe(px(T0 + i, 1 + i));
        }
        assertEquals(1_000, o.inFlight());
        for (int i = 0; i < 1_000; i++) {
            o.advanceTo(T0 + 100_000 + i);
            assertEquals(1.0 + i, o.price());
        }
    }

    @Test
    void indexPlusPremiumEmaFollowsTheDocumentedDiscreteFormula() {
        long tau = 150_000;
        AssetOracle o = new AssetOracle("BTC", OracleParameters.passThrough().withMark(
                new MarkParameters(MarkMethod.INDEX_PLUS_PREMIUM_EMA, List.of("book"), tau)), null);
        o.observe(PriceEvent.of(T0, "BTC", 100_000, "oracle"));
        assertEquals(100_000.0, o.markPrice(), "no premium sample yet");
        o.observe(PriceEvent.of(T0 + 1_000, "BTC", 100_050, "book"));
        assertEquals(50.0, o.premiumEma(), "first sample");
        assertEquals(100_050.0, o.markPrice());
        assertEquals(100_050.0, o.venuePrice(0));
        o.observe(PriceEvent.of(T0 + 4_000, "BTC", 100_200, "book"));
        double alpha = 1 - StrictMath.exp(-3_000.0 / tau);
        double ema = 50 + alpha * (200 - 50);
        assertEquals(ema, o.premiumEma());
        o.observe(PriceEvent.of(T0 + 5_000, "BTC", 99_000, "oracle"));
        assertEquals(99_000 + ema, o.markPrice(), "mark = new index + premium EMA");
        o.observe(PriceEvent.of(T0 + 4_000 + tau, "BTC", 99_000, "book"));   // premium 0, Δt = τ
        double ema2 = ema + (1 - StrictMath.exp(-1.0)) * (0 - ema);
        assertEquals(ema2, o.premiumEma(), "after one time constant the old premium weighs e^-1");
    }

    @Test
    void medianMarkTakesTheMedianOfTheAdjustedIndexAndTheVenues() {
        AssetOracle o = new AssetOracle("BTC", OracleParameters.passThrough().withMark(
                new MarkParameters(MarkMethod.MEDIAN, List.of("hl-book", "binance", "bybit"), 0)), null);
        assertTrue(Double.isNaN(o.markPrice()));
        o.observe(PriceEvent.of(T0, "BTC", 100, "oracle"));
        assertEquals(100.0, o.markPrice(), "only the index");
        o.observe(PriceEvent.of(T0, "BTC", 104, "hl-book"));     // premium 4, τ = 0: ema = 4
        assertEquals(104.0, o.markPrice(), "median(104, 104)");
        o.observe(PriceEvent.of(T0, "BTC", 90, "binance"));
        assertEquals(104.0, o.markPrice(), "median(104, 104, 90)");
        o.observe(PriceEvent.of(T0, "BTC", 101, "bybit"));
        assertEquals(102.5, o.markPrice(), "median(104, 104, 90, 101) = (101 + 104) / 2");
        assertEquals(100.0, o.price(), "venue prices never move the published index");
        assertEquals(1, o.publishedCount());
    }

    @Test
    void timeNeverGoesBackwardsAndSymbolsAreChecked() {
        AssetOracle o = new AssetOracle("ETH", OracleParameters.passThrough(), null);
        o.advanceTo(T0);
        assertThrows(IllegalArgumentException.class, () -> o.advanceTo(T0 - 1));
        assertThrows(IllegalArgumentException.class, () -> o.observe(px(T0 - 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> o.observe(PriceEvent.of(T0, "BTC", 5, "x")));
    }

    @Test
    void aSameTimestampUpdateIsDeliveredBeforeAHeartbeatDueThen() {
        AssetOracle o = new AssetOracle("ETH", OracleParameters.chainlink(0.5, 1_000, Long.MAX_VALUE), null);
        o.observe(px(T0, 100));
        o.observe(px(T0 + 10, 101));                   // withheld
        o.observe(px(T0 + 1_000, 102));                // heartbeat due now: the newest price is published
        assertEquals(102.0, o.price());
        assertEquals(2, o.publishedCount());
    }
}
