package io.solvent.engine.oracle;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.PriceEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OracleSetTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void routesBySymbolIteratesInSymbolOrderAndIgnoresTheRest() {
        Map<String, OracleParameters> params = new HashMap<>();
        params.put("SOL", OracleParameters.passThrough());
        params.put("BTC", OracleParameters.passThrough().withLatencyMs(500));
        params.put("ETH", OracleParameters.chainlink(0.01, 60_000, 120_000));
        List<String> order = new ArrayList<>();
        OracleSet set = new OracleSet(params, o -> order.add(o.symbol()));
        assertEquals(3, set.size());
        assertEquals("BTC", set.oracle(0).symbol());
        assertEquals("SOL", set.oracle(2).symbol());
        assertTrue(set.observe(PriceEvent.of(T0, "SOL", 150, "pyth")));
        assertTrue(set.observe(PriceEvent.of(T0, "BTC", 100_000, "pyth")));
        assertTrue(set.observe(PriceEvent.of(T0, "ETH", 3_000, "chainlink")));
        assertFalse(set.observe(PriceEvent.of(T0, "DOGE", 0.1, "pyth")));
        assertFalse(set.observe(new DepthEvent(T0, "BTC", 1, 2, 3, "depth")));
        assertEquals(2, set.unroutedCount());
        assertEquals(List.of("SOL", "ETH"), order);
        set.advanceTo(T0 + 500);
        assertEquals(100_000.0, set.get("BTC").price());
        assertEquals(List.of("SOL", "ETH", "BTC"), order);
        assertEquals(T0 + 500, set.get("ETH").nowMs());
    }

    /**
     * The per-event path allocates nothing once warmed up: measured with the JVM's per-thread allocation counter
     * over a million updates (the bound leaves room for incidental allocations of the JVM itself, not one per
     * event).
     */
    @Test
    void thePerEventPathDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "no per-thread allocation counter on this JVM: skipping");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported(), "allocation counter unsupported: skipping");
        AssetOracle o = new AssetOracle("BTC", new OracleParameters(2_000, 0.001, 60_000, 30_000,
                StalenessPolicy.KEEP_LAST, 0.02, ConfidencePolicy.WIDEN,
                new MarkParameters(MarkMethod.MEDIAN, List.of("book", "ext"), 150_000)), null);
        int n = 1_000_000;
        PriceEvent[] events = new PriceEvent[n];
        String[] sources = {"pyth", "book", "ext"};
        for (int i = 0; i < n; i++) {
            events[i] = new PriceEvent(T0 + i * 100L, "BTC", 100_000 + (i % 977) * 3.0, (i % 13) * 100.0,
                    sources[i % 3]);
        }
        double sink = 0;
        for (int i = 0; i < n / 2; i++) {
            o.observe(events[i]);
        }
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = n / 2; i < n; i++) {
            o.observe(events[i]);
            sink += o.markPrice() + o.conservativePrice(+1);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(sink > 0);
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes over " + n / 2 + " events");
    }
}
