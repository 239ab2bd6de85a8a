package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveEventQueueTest {
    private static PriceEvent p(long t, String s) {
        return PriceEvent.of(t, s, 100 + t, "x");
    }

    private static VenueLiquidationEvent liq(long t) {
        return new VenueLiquidationEvent(t, "BTCUSDT", "SELL", 1, 1, "x");
    }

    private static List<FeedEvent> drain(LiveEventQueue q) {
        List<FeedEvent> out = new ArrayList<>();
        q.drain(out::add, Integer.MAX_VALUE);
        return out;
    }

    @Test
    void whenFullANewPriceEvictsTheOldestOfItsSymbol() {
        LiveEventQueue q = new LiveEventQueue(3);
        q.offer(p(1, "A"));
        q.offer(p(2, "B"));
        q.offer(p(3, "A"));
        assertTrue(q.offer(p(4, "B")));
        assertEquals(List.of(p(1, "A"), p(3, "A"), p(4, "B")), drain(q));
        assertEquals(1, q.droppedPrices());
        assertNull(q.poll(), "empty: poll returns at once");
    }

    @Test
    void liquidationsAndStatusEvictPricesAndAreDroppedOnlyWhenNoPriceIsLeftCounted() {
        LiveEventQueue q = new LiveEventQueue(2);
        q.offer(p(1, "A"));
        q.offer(p(2, "B"));
        assertTrue(q.offer(liq(3)));
        SourceStatusEvent down = SourceStatusEvent.of(4, "x", SourceStatusEvent.Status.DISCONNECTED, "");
        assertTrue(q.offer(down));
        assertEquals(2, q.droppedPrices());
        assertFalse(q.offer(liq(5)), "full of non-prices: the arriving one is dropped");
        assertFalse(q.offer(p(6, "C")));
        assertEquals(1, q.droppedOthers());
        assertEquals(3, q.droppedPrices());
        assertEquals(List.of(liq(3), down), drain(q));
        assertEquals(6, q.offered());
    }
}
