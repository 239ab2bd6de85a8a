package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShockTest {
    private static final long T0 = 1_760_000_000_000L;
    private static final long MIN = 60_000;

    /** A constant path: one event per second at {@code price} for two hours. */
    private static FeedReader flat(String symbol, double price) {
        return new JumpDiffusionGenerator(JumpDiffusionParameters.gbm(symbol, price, 0, 0,
                new Timeline(T0, 1_000, 7_201), 1));
    }

    private static Map<Long, Double> byTime(FeedReader r) {
        Map<Long, Double> m = new HashMap<>();
        for (PriceEvent e : Paths.drain(r)) {
            m.put(e.timestampMs(), e.price());
        }
        return m;
    }

    @Test
    void anInstantDropHitsExactlyAtItsTime() {
        Map<Long, Double> p = byTime(new ShockedFeedReader(flat("BTC", 100), List.of(
                new InstantShock("BTC", T0 + 10 * MIN, 0.25))));
        assertEquals(100.0, p.get(T0 + 10 * MIN - 1_000));
        assertEquals(75.0, p.get(T0 + 10 * MIN));
        assertEquals(75.0, p.get(T0 + 119 * MIN));
    }

    @Test
    void aCrashFallsLinearlyToItsBottomThenRecoversTheGivenFraction() {
        long s = T0 + 10 * MIN;
        CrashShock crash = CrashShock.ofMinutes("BTC", s, 0.4, 30, 0.5, 20);
        Map<Long, Double> p = byTime(new ShockedFeedReader(flat("BTC", 100), List.of(crash)));
        assertEquals(100.0, p.get(s - 1_000));
        assertEquals(100.0, p.get(s));
        assertEquals(80.0, p.get(s + 15 * MIN), 1e-12);            // half way down
        assertEquals(60.0, p.get(s + 30 * MIN), 1e-12);            // bottom at exactly s + T
        assertEquals(70.0, p.get(s + 40 * MIN), 1e-12);            // half the recovery
        assertEquals(80.0, p.get(s + 50 * MIN), 1e-12);            // −40% + 50% of 40% = −20%
        assertEquals(80.0, p.get(s + 110 * MIN), 1e-12);
        for (long t = s; t <= s + 30 * MIN; t += 1_000) {          // monotone fall, never below the bottom
            assertTrue(p.get(t) <= p.get(t - 1_000) && p.get(t) >= 60.0 - 1e-12);
        }
    }

    @Test
    void aShockedPathIsTheBasePathTimesTheDocumentedMultiplier() {
        var gbm = JumpDiffusionParameters.gbm("ETH", 3_000, 0, 0.9, new Timeline(T0, 1_000, 7_201), 8);
        CrashShock crash = new CrashShock("ETH", T0 + 5 * MIN, 0.3, 7 * MIN, 0.25, 11 * MIN);
        List<PriceEvent> base = Paths.drain(new JumpDiffusionGenerator(gbm));
        List<PriceEvent> shocked = Paths.drain(new ShockedFeedReader(new JumpDiffusionGenerator(gbm),
                List.of(crash)));
        assertEquals(base.size(), shocked.size());
        for (int i = 0; i < base.size(); i++) {
            long t = base.get(i).timestampMs();
            assertEquals(t, shocked.get(i).timestampMs());
            assertEquals(base.get(i).price() * crash.multiplier(t), shocked.get(i).price());
        }
        assertEquals(0.7, crash.multiplier(T0 + 12 * MIN));
        assertEquals(0.7 + 0.3 * 0.25, crash.multiplier(T0 + 23 * MIN));
    }

    @Test
    void aDepegReachesItsPriceHoldsAndRecovers() {
        long s = T0 + 10 * MIN;
        DepegShock depeg = new DepegShock("USDC", s, 0.87, 60 * MIN, 30 * MIN, 20 * MIN, 1.0);
        Map<Long, Double> p = byTime(new ShockedFeedReader(flat("USDC", 1.0), List.of(depeg)));
        assertEquals(1.0, p.get(s));
        assertEquals(0.935, p.get(s + 30 * MIN), 1e-15);
        assertEquals(0.87, p.get(s + 60 * MIN));                   // exactly p from s + D
        assertEquals(0.87, p.get(s + 89 * MIN));
        assertEquals(0.935, p.get(s + 100 * MIN), 1e-15);
        assertEquals(1.0, p.get(s + 110 * MIN));                   // exactly r from s + D + H + R
    }

    @Test
    void aFrozenFeedEmitsNothingInItsIntervalAndOnlyForItsSymbol() {
        long from = T0 + 10 * MIN;
        long to = T0 + 20 * MIN;
        FeedReader merged = new MergedFeedReader(List.of(flat("BTC", 100), flat("ETH", 3_000)));
        List<PriceEvent> out = Paths.drain(new ShockedFeedReader(merged, List.of(
                new FrozenFeedShock("BTC", from, to))));
        long btcInside = out.stream().filter(e -> e.symbol().equals("BTC")
                && e.timestampMs() >= from && e.timestampMs() < to).count();
        long ethInside = out.stream().filter(e -> e.symbol().equals("ETH")
                && e.timestampMs() >= from && e.timestampMs() < to).count();
        assertEquals(0, btcInside);
        assertEquals(600, ethInside);
        assertTrue(out.stream().anyMatch(e -> e.symbol().equals("BTC") && e.timestampMs() == from - 1_000));
        assertTrue(out.stream().anyMatch(e -> e.symbol().equals("BTC") && e.timestampMs() == to));
        assertEquals(2 * 7_201 - 600, out.size());
    }

    @Test
    void unshockedEventsPassThroughUnchanged() {
        PriceEvent e = PriceEvent.of(T0, "ETH", 5, "x");
        FeedReader one = new FeedReader() {
            boolean done;

            @Override
            public PriceEvent next() {
                if (done) {
                    return null;
                }
                done = true;
                return e;
            }

            @Override
            public void close() {
            }
        };
        assertSame(e, new ShockedFeedReader(one, List.of(new InstantShock("BTC", T0, 0.5))).next());
    }

    @Test
    void shocksOnOneSymbolMultiplyAndScaleTheConfidence() {
        PriceEvent e = new PriceEvent(T0, "BTC", 100, 2, "pyth");
        FeedReader one = new FeedReader() {
            boolean done;

            @Override
            public PriceEvent next() {
                if (done) {
                    return null;
                }
                done = true;
                return e;
            }

            @Override
            public void close() {
            }
        };
        PriceEvent out = (PriceEvent) new ShockedFeedReader(one, List.of(new InstantShock("BTC", T0, 0.5),
                new InstantShock("BTC", T0, 0.2))).next();
        assertEquals(40.0, out.price());
        assertEquals(0.8, out.confidence(), 1e-15);
    }

    @Test
    void validationNamesTheField() {
        assertEquals("drop", assertThrows(ModelValidationException.class, () ->
                new InstantShock("X", T0, 1.0)).field());
        assertEquals("drop", assertThrows(ModelValidationException.class, () ->
                new CrashShock("X", T0, -0.1, 1, 0, 1)).field());
        assertEquals("recovery", assertThrows(ModelValidationException.class, () ->
                new CrashShock("X", T0, 0.1, 1, 1.5, 1)).field());
        assertEquals("crashMs", assertThrows(ModelValidationException.class, () ->
                new CrashShock("X", T0, 0.1, -1, 0.5, 1)).field());
        assertEquals("depegPrice", assertThrows(ModelValidationException.class, () ->
                new DepegShock("X", T0, 0, 1, 1, 1, 1)).field());
        assertEquals("toMs", assertThrows(ModelValidationException.class, () ->
                new FrozenFeedShock("X", T0, T0 - 1)).field());
        assertEquals("recoveryMs", assertThrows(ModelValidationException.class, () ->
                new CrashShock("X", Long.MAX_VALUE - 5, 0.1, 3, 0.5, 3)).field());
    }
}
