package io.solvent.engine.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ArrivalOrderTest {

    @Test
    void dropsLateAndRepeatedPricesPerSourceAndSymbolAndRestampsTheRest() {
        ArrivalOrder o = new ArrivalOrder();
        PriceEvent a = PriceEvent.of(1_000, "BTC", 100, "v");
        assertSame(a, o.admit(a));
        assertNull(o.admit(PriceEvent.of(1_000, "BTC", 100, "v")), "the same message twice");
        assertNull(o.admit(PriceEvent.of(900, "BTC", 90, "v")), "older than the last BTC of v");
        PriceEvent sameTime = PriceEvent.of(1_000, "BTC", 101, "v");
        assertSame(sameTime, o.admit(sameTime), "the same second, another price: kept");
        PriceEvent otherSource = PriceEvent.of(950, "BTC", 99, "w");
        assertEquals(PriceEvent.of(1_000, "BTC", 99, "w"), o.admit(otherSource),
                "another source's older time: restamped, not dropped");
        assertEquals(PriceEvent.of(1_000, "ETH", 3, "v"), o.admit(PriceEvent.of(990, "ETH", 3, "v")),
                "another symbol: restamped");
        PriceEvent withConfidence = new PriceEvent(1_000, "BTC", 101, 0.5, "v");
        assertSame(withConfidence, o.admit(withConfidence), "another confidence: not a repeat");
        assertEquals(1, o.superseded());
        assertEquals(1, o.duplicates());
    }

    @Test
    void dropsARepeatedLiquidationAndNeverAStatus() {
        ArrivalOrder o = new ArrivalOrder();
        VenueLiquidationEvent l = new VenueLiquidationEvent(1_000, "ETH", "SELL", 3_000, 1.25, "v");
        assertSame(l, o.admit(l));
        assertNull(o.admit(new VenueLiquidationEvent(1_000, "ETH", "SELL", 3_000, 1.25, "v")));
        VenueLiquidationEvent next = new VenueLiquidationEvent(1_000, "ETH", "SELL", 3_000, 2, "v");
        assertSame(next, o.admit(next));
        SourceStatusEvent down = SourceStatusEvent.of(1_000, "v", SourceStatusEvent.Status.DISCONNECTED, "x");
        assertSame(down, o.admit(down));
        assertEquals(SourceStatusEvent.of(1_000, "v", SourceStatusEvent.Status.DISCONNECTED, "x"),
                o.admit(SourceStatusEvent.of(500, "v", SourceStatusEvent.Status.DISCONNECTED, "x")));
        assertEquals(1, o.duplicates());
        assertEquals(0, o.superseded());
    }
}
