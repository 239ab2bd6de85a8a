package io.solvent.engine.feed;

import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.ShockedFeedReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness of readers over a live feed: nothing yet is not the end, and no wrapper waits to say so. */
class LiveReadinessTest {

    /** A live reader the test feeds by hand; its next() must never be called when it is not ready. */
    static final class HandFed implements FeedReader {
        final ArrayDeque<FeedEvent> waiting = new ArrayDeque<>();
        boolean ended;

        HandFed add(FeedEvent... events) {
            waiting.addAll(List.of(events));
            return this;
        }

        @Override
        public FeedEvent next() {
            if (waiting.isEmpty() && !ended) {
                throw new AssertionError("next() would wait: ready() was not asked");
            }
            return waiting.poll();
        }

        @Override
        public boolean ready() {
            return ended || !waiting.isEmpty();
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public void close() {
            ended = true;
            waiting.clear();
        }
    }

    /** A recorded reader: a list. */
    static FeedReader list(FeedEvent... events) {
        ArrayDeque<FeedEvent> q = new ArrayDeque<>(List.of(events));
        return new FeedReader() {
            @Override
            public FeedEvent next() {
                return q.poll();
            }

            @Override
            public void close() {
                q.clear();
            }
        };
    }

    private static PriceEvent price(long t, String symbol, double p) {
        return PriceEvent.of(t, symbol, p, "test");
    }

    @Test
    void readersOfFilesAreAlwaysReadyAndNeverLive() {
        FeedReader r = list(price(1, "A", 1));
        assertTrue(r.ready());
        assertFalse(r.live());
        MergedFeedReader m = new MergedFeedReader(List.of(list(price(1, "A", 1)), list(price(2, "B", 2))));
        assertFalse(m.live());
        assertTrue(m.ready());
        assertEquals(1, m.next().timestampMs());
        assertTrue(m.ready());
        assertEquals(2, m.next().timestampMs());
        assertTrue(m.ready(), "ended: next() returns null at once");
        assertNull(m.next());
    }

    @Test
    void aMergeWaitsForItsLiveReaderBeforeTellingWhatComesNext() {
        HandFed live = new HandFed();
        MergedFeedReader m = new MergedFeedReader(List.of(list(price(10, "REC", 1), price(30, "REC", 3)), live));
        assertTrue(m.live());
        assertFalse(m.ready(), "the live reader may yet send something earlier than the recorded 10");
        live.add(price(20, "LIVE", 2));
        assertTrue(m.ready());
        assertEquals(10, m.next().timestampMs());
        assertEquals(20, m.next().timestampMs());
        assertFalse(m.ready(), "the live reader has nothing more yet");
        live.add(price(25, "LIVE", 2.5));
        assertTrue(m.ready());
        assertEquals(25, m.next().timestampMs());
        live.ended = true;
        assertTrue(m.ready());
        assertEquals(30, m.next().timestampMs());
        assertTrue(m.ready());
        assertNull(m.next(), "every input ended");
    }

    @Test
    void windowAndShocksReadAheadWithoutWaiting() {
        HandFed live = new HandFed();
        WindowedFeedReader w = new WindowedFeedReader(live, 100, 200);
        assertTrue(w.live());
        assertFalse(w.ready());
        live.add(price(50, "A", 1), price(60, "A", 1));
        assertFalse(w.ready(), "both before the window: skipped, nothing to give yet");
        live.add(price(150, "A", 2));
        assertTrue(w.ready());
        assertEquals(150, w.next().timestampMs());
        live.add(price(250, "A", 3));
        assertTrue(w.ready(), "past the window: the end");
        assertNull(w.next());

        HandFed base = new HandFed();
        ShockedFeedReader s = new ShockedFeedReader(base, List.of(new InstantShock("A", 100, 0.5)));
        assertTrue(s.live());
        assertFalse(s.ready());
        base.add(price(150, "A", 10));
        assertTrue(s.ready());
        assertEquals(5, ((PriceEvent) s.next()).price(), 1e-12, "the shock applies to live prices too");
        assertFalse(s.ready());
        base.ended = true;
        assertTrue(s.ready());
        assertNull(s.next());
    }

    @Test
    void nonDecreasingTimeRestampsOnlyWhatStepsBack() {
        PriceEvent a = price(1000, "A", 1);
        VenueLiquidationEvent late = new VenueLiquidationEvent(990, "A", "SELL", 1, 2, "test");
        SourceStatusEvent status = SourceStatusEvent.of(995, "test", SourceStatusEvent.Status.CONNECTED, "up");
        PriceEvent b = price(1001, "A", 2);
        NonDecreasingFeedReader r = new NonDecreasingFeedReader(list(a, late, status, b));
        assertSame(a, r.next());
        assertEquals(new VenueLiquidationEvent(1000, "A", "SELL", 1, 2, "test"), r.next());
        assertEquals(SourceStatusEvent.of(1000, "test", SourceStatusEvent.Status.CONNECTED, "up"), r.next());
        assertSame(b, r.next());
        assertNull(r.next());
        assertSame(a, NonDecreasingFeedReader.notBefore(a, Long.MIN_VALUE));
        assertThrows(AssertionError.class, () -> new HandFed().next(), "the hand-fed reader guards the tests");
    }
}
