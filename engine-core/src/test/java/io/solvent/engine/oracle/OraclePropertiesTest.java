package io.solvent.engine.oracle;

import io.solvent.engine.feed.PriceEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the oracle model guarantees, whatever the feed. */
class OraclePropertiesTest {
    private static final long T0 = 1_700_000_000_000L;

    /** One publication as the engine saw it. */
    record Seen(long publishedAt, long observedAt, double price, double confidence) {
    }

    static final class Recorder implements OracleListener {
        final List<Seen> seen = new ArrayList<>();

        @Override
        public void published(AssetOracle o) {
            seen.add(new Seen(o.publishedAtMs(), o.observedAtMs(), o.price(), o.confidence()));
        }
    }

    /** A feed of 1..300 prices with gaps of 0..5 s (equal timestamps included), some with a confidence. */
    @Provide
    Arbitrary<List<PriceEvent>> feeds() {
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 5_000);
        Arbitrary<Double> price = Arbitraries.doubles().between(50, 150);
        Arbitrary<Double> conf = Arbitraries.doubles().between(0, 3).injectNull(0.3);
        return Combinators.combine(gap, price, conf).as((g, p, c) -> new double[]{g, p, c == null ? Double.NaN : c})
                .list().ofMinSize(1).ofMaxSize(300).map(steps -> {
                    List<PriceEvent> feed = new ArrayList<>();
                    long t = T0;
                    for (double[] s : steps) {
                        t += (long) s[0];
                        feed.add(new PriceEvent(t, "BTC", s[1], s[2], "pyth"));
                    }
                    return feed;
                });
    }

    @Property(tries = 500)
    void aZeroLatencyZeroThresholdOracleReproducesTheFeedExactly(@ForAll("feeds") List<PriceEvent> feed,
                                                                @ForAll @LongRange(min = 0, max = 10_000)
                                                                long heartbeat) {
        Recorder r = new Recorder();
        OracleParameters p = new OracleParameters(0, 0, heartbeat, Long.MAX_VALUE, StalenessPolicy.KEEP_LAST,
                Double.POSITIVE_INFINITY, ConfidencePolicy.REJECT, MarkParameters.index());
        AssetOracle o = new AssetOracle("BTC", p, r);
        for (PriceEvent e : feed) {
            o.observe(e);
            assertEquals(e.price(), o.price());
            assertEquals(e.timestampMs(), o.publishedAtMs());
        }
        o.advanceTo(feed.getLast().timestampMs() + 1_000_000);
        assertEquals(feed.size(), r.seen.size());
        for (int i = 0; i < feed.size(); i++) {
            PriceEvent e = feed.get(i);
            assertEquals(new Seen(e.timestampMs(), e.timestampMs(), e.price(), e.confidence()), r.seen.get(i));
        }
    }

    /**
     * With a deviation threshold and a heartbeat, at every moment either the published price is the feed's latest,
     * or it is within the threshold of it and was published less than a heartbeat ago. Checked after each event
     * and at probe times between events (including the heartbeat deadlines).
     */
    @Property(tries = 500)
    void thePublishedPriceNeverLagsTheFeedBeyondTheThresholdOrForLongerThanTheHeartbeat(
            @ForAll("feeds") List<PriceEvent> feed,
            @ForAll @DoubleRange(min = 0.0001, max = 0.2) @Scale(6) double threshold,
            @ForAll @LongRange(min = 1, max = 20_000) long heartbeat) {
        AssetOracle o = new AssetOracle("BTC", OracleParameters.chainlink(threshold, heartbeat, Long.MAX_VALUE),
                null);
        PriceEvent latest = null;
        for (PriceEvent e : feed) {
            if (latest != null) {
                long probe = o.publishedAtMs() + heartbeat;
                for (long t : new long[]{probe - 1, probe, e.timestampMs() - 1}) {
                    if (t >= o.nowMs() && t < e.timestampMs()) {
                        o.advanceTo(t);
                        check(o, latest, threshold, heartbeat);
                    }
                }
            }
            o.observe(e);
            latest = e;
            check(o, latest, threshold, heartbeat);
        }
        o.advanceTo(latest.timestampMs() + heartbeat);
        assertEquals(latest.price(), o.price(), "after a heartbeat of silence the latest price is published");
        assertEquals(latest.timestampMs(), o.observedAtMs());
    }

    private static void check(AssetOracle o, PriceEvent latest, double threshold, long heartbeat) {
        boolean isLatest = o.observedAtMs() == latest.timestampMs() && o.price() == latest.price();
        if (!isLatest) {
            double deviation = Math.abs(latest.price() - o.price()) / o.price();
            assertTrue(deviation < threshold, () -> "deviation " + deviation + " >= threshold " + threshold);
            assertTrue(o.nowMs() - o.publishedAtMs() < heartbeat, () -> "lag " + (o.nowMs() - o.publishedAtMs())
                    + " ms >= heartbeat " + heartbeat);
        }
    }

    /**
     * Latency L shifts every observation by exactly L: the oracle with latency L publishes what a zero-latency
     * oracle publishes when fed the same prices stamped L later, at the same times.
     */
    @Property(tries = 500)
    void latencyShiftsEveryPublicationByExactlyTheLatency(@ForAll("feeds") List<PriceEvent> feed,
                                                          @ForAll @LongRange(min = 0, max = 30_000) long latency,
                                                          @ForAll @DoubleRange(min = 0, max = 0.05) double threshold,
                                                          @ForAll @LongRange(min = 0, max = 20_000) long heartbeat) {
        Recorder late = new Recorder();
        Recorder shifted = new Recorder();
        OracleParameters p = OracleParameters.chainlink(threshold, heartbeat, Long.MAX_VALUE);
        AssetOracle withLatency = new AssetOracle("BTC", p.withLatencyMs(latency), late);
        AssetOracle onShiftedFeed = new AssetOracle("BTC", p, shifted);
        for (PriceEvent e : feed) {
            withLatency.observe(e);
            onShiftedFeed.observe(new PriceEvent(e.timestampMs() + latency, e.symbol(), e.price(), e.confidence(),
                    e.source()));
        }
        long end = feed.getLast().timestampMs() + latency + heartbeat + 1;
        withLatency.advanceTo(end);
        onShiftedFeed.advanceTo(end);
        assertEquals(shifted.seen.size(), late.seen.size());
        for (int i = 0; i < late.seen.size(); i++) {
            Seen a = late.seen.get(i);
            Seen b = shifted.seen.get(i);
            assertEquals(b.publishedAt(), a.publishedAt());
            assertEquals(b.observedAt(), a.observedAt() + latency);
            assertEquals(b.price(), a.price());
        }
        if (threshold == 0) {
            for (int i = 0; i < feed.size(); i++) {
                assertEquals(feed.get(i).timestampMs() + latency, late.seen.get(i).publishedAt());
            }
        }
    }

    @Property
    void stalenessFlipsExactlyAtTheLimit(@ForAll @LongRange(min = 0, max = 100_000) long limit,
                                         @ForAll @LongRange(min = 0, max = 100_000) long latency,
                                         @ForAll @LongRange(min = 0, max = 1_000_000) long offset,
                                         @ForAll boolean pause) {
        StalenessPolicy policy = pause ? StalenessPolicy.PAUSE : StalenessPolicy.KEEP_LAST;
        AssetOracle o = new AssetOracle("BTC", OracleParameters.passThrough().withLatencyMs(latency)
                .withStaleness(limit, policy), null);
        long t = T0 + offset;
        o.observe(PriceEvent.of(t, "BTC", 100, "chainlink"));
        assertEquals(latency == 0 ? OracleStatus.FRESH : OracleStatus.NO_PRICE, o.status());
        assertEquals(latency == 0, o.liquidationsAllowed());
        o.advanceTo(t + latency);
        assertEquals(latency, o.ageMs(), "age counts from the feed timestamp, latency included");
        if (latency <= limit) {
            o.advanceTo(t + limit);
            assertEquals(OracleStatus.FRESH, o.status());
            assertTrue(o.liquidationsAllowed());
            o.advanceTo(t + limit + 1);
        }
        assertEquals(OracleStatus.STALE, o.status());
        assertEquals(!pause, o.liquidationsAllowed());
        assertEquals(100.0, o.price(), "a stale price stays readable");
        o.observe(PriceEvent.of(o.nowMs(), "BTC", 101, "chainlink"));
        o.advanceTo(o.nowMs() + latency);
        assertEquals(101.0, o.price());
        assertEquals(latency <= limit ? OracleStatus.FRESH : OracleStatus.STALE, o.status());
    }

    @Property
    void theConfidenceRuleRejectsExactlyAboveTheLimit(@ForAll @DoubleRange(min = 0.01, max = 1e6) double price,
                                                      @ForAll @DoubleRange(min = 0, max = 0.2) double ratio,
                                                      @ForAll @DoubleRange(min = 0, max = 0.1) double limit,
                                                      @ForAll boolean widen) {
        double conf = price * ratio;
        ConfidencePolicy policy = widen ? ConfidencePolicy.WIDEN : ConfidencePolicy.REJECT;
        AssetOracle o = new AssetOracle("BTC", OracleParameters.passThrough().withConfidence(limit, policy), null);
        o.observe(new PriceEvent(T0, "BTC", price, conf, "pyth"));
        boolean above = conf / price > limit;
        if (widen) {
            assertTrue(o.hasPrice());
            assertEquals(above, o.wide());
            assertEquals(above ? Math.max(0, price - conf) : price, o.conservativePrice(+1));
            assertEquals(above ? price + conf : price, o.conservativePrice(-1));
        } else {
            assertEquals(!above, o.hasPrice());
            assertEquals(above ? 1 : 0, o.rejectedCount());
        }
        // exactly at the limit is accepted
        AssetOracle at = new AssetOracle("BTC", OracleParameters.passThrough()
                .withConfidence(conf / price, ConfidencePolicy.REJECT), null);
        at.observe(new PriceEvent(T0, "BTC", price, conf, "pyth"));
        assertTrue(at.hasPrice());
    }
}
