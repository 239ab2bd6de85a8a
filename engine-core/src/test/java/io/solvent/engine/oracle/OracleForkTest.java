package io.solvent.engine.oracle;

import io.solvent.engine.feed.PriceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A forked oracle continues from the copied state under new rules; the original is untouched. */
class OracleForkTest {
    private static final long T0 = 1_700_000_000_000L;

    private static PriceEvent px(long t, double price) {
        return PriceEvent.of(t, "ETH", price, "feed");
    }

    @Test
    void inFlightUpdatesKeepTheirOldScheduleAndNewOnesTakeTheNewLatency() {
        OracleParameters slow = OracleParameters.passThrough().withLatencyMs(5_000);
        AssetOracle original = new AssetOracle("ETH", slow, null);
        original.observe(px(T0, 2_000));
        original.advanceTo(T0 + 5_000);                 // first price published at T0 + 5 s
        original.observe(px(T0 + 6_000, 1_900));        // in flight, due at T0 + 11 s
        assertEquals(1, original.inFlight());

        List<long[]> published = new ArrayList<>();
        AssetOracle fork = original.fork(slow.withLatencyMs(1_000),
                o -> published.add(new long[] {o.publishedAtMs(), (long) o.price()}));
        assertEquals(2_000.0, fork.price(), "the published price carries over");
        assertEquals(T0 + 6_000, fork.nowMs());
        assertEquals(T0 + 11_000, fork.lastDueMs(), "the in-flight update keeps its old due time");

        fork.observe(px(T0 + 7_000, 1_800));            // under the new latency: due at T0 + 8 s, behind the old one
        fork.advanceTo(T0 + 10_999);
        assertEquals(2_000.0, fork.price(), "feed order is kept: nothing overtakes the old update");
        fork.advanceTo(T0 + 11_000);
        assertEquals(1_800.0, fork.price());
        assertEquals(List.of(List.of(T0 + 11_000, 1_900L), List.of(T0 + 11_000, 1_800L)),
                published.stream().map(a -> List.of(a[0], a[1])).toList(), "both at the old update's due time");
        fork.observe(px(T0 + 20_000, 1_700));
        fork.advanceTo(T0 + 21_000);
        assertEquals(1_700.0, fork.price(), "the new latency from then on");

        assertEquals(2_000.0, original.price(), "the original is untouched");
        original.advanceTo(T0 + 11_000);
        assertEquals(1_900.0, original.price());
        assertEquals(slow, original.parameters());
    }

    @Test
    void theNewDeviationHeartbeatAndStalenessApplyFromTheFork() {
        OracleParameters chainlink = OracleParameters.chainlink(0.01, 3_600_000, 7_200_000);
        AssetOracle original = new AssetOracle("ETH", chainlink, null);
        original.observe(px(T0, 2_000));
        original.observe(px(T0 + 60_000, 2_010));      // 0.5%: withheld under 1%
        assertEquals(2_000.0, original.price());

        AssetOracle fork = original.fork(OracleParameters.chainlink(0.001, 120_000, 30_000), null);
        assertEquals(OracleStatus.STALE, fork.status(), "age 60 s > the new 30 s limit, at once");
        assertTrue(!fork.liquidationsAllowed());
        fork.advanceTo(T0 + 120_000);                   // the new heartbeat publishes the withheld update
        assertEquals(2_010.0, fork.price());
        fork.observe(px(T0 + 130_000, 2_013));         // 0.15% ≥ the new 0.1% threshold: published
        assertEquals(2_013.0, fork.price());

        original.advanceTo(T0 + 130_000);
        assertEquals(2_000.0, original.price(), "under its own rules the original still withholds");
    }

    @Test
    void aForkOfASetNeedsTheSameSymbols() {
        OracleSet set = new OracleSet(Map.of("ETH", OracleParameters.passThrough()), null);
        assertThrows(IllegalArgumentException.class, () -> set.fork(Map.of("BTC", OracleParameters.passThrough()),
                null));
        assertEquals(1, set.fork(Map.of("ETH", OracleParameters.passThrough().withLatencyMs(10)), null).size());
    }
}
