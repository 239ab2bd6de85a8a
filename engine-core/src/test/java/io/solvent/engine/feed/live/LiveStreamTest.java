package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream: a log of a queue's events that any number of readers read from the start. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveStreamTest {
    private static final long T0 = 1_717_516_541_000L;

    private static PriceEvent price(long t, String symbol, double p) {
        // a new String each time, as a parser makes it
        return PriceEvent.of(t, new String(symbol.toCharArray()), p, "binance-futures");
    }

    @Test
    void readersAreCursorsThatNeverWaitWhenAskedFirst() {
        LiveEventQueue queue = new LiveEventQueue(100);
        LiveStream stream = new LiveStream("test live", queue);
        LiveFeedReader a = stream.open();
        assertTrue(a.live());
        assertFalse(a.ready(), "nothing has arrived, and the stream goes on");
        queue.offer(price(T0, "BTCUSDT", 62000));
        queue.offer(price(T0 + 1, "ETHUSDT", 3000));
        assertTrue(a.ready());
        assertEquals(62000, ((PriceEvent) a.next()).price());
        LiveFeedReader b = stream.open();
        assertEquals(62000, ((PriceEvent) b.next()).price(), "a second reader starts at the first event");
        assertEquals(3000, ((PriceEvent) a.next()).price());
        assertFalse(a.ready());
        assertEquals(1, b.position());
        b.close();
        assertTrue(b.ready(), "a closed reader has ended");
        assertNull(b.next());
        queue.offer(price(T0 + 2, "BTCUSDT", 62001));
        assertTrue(a.ready(), "closing one reader leaves the stream and the others");
        assertEquals(62001, ((PriceEvent) a.next()).price());
        assertEquals(3, stream.size());
        assertEquals(0, stream.dropped());
    }

    @Test
    void endingTheStreamGivesWhatIsLeftThenTheEnd() {
        LiveEventQueue queue = new LiveEventQueue(100);
        LiveStream stream = new LiveStream("test live", queue);
        LiveFeedReader r = stream.open();
        queue.offer(price(T0, "BTCUSDT", 62000));
        SourceStatusEvent last = SourceStatusEvent.of(T0 + 5, "binance-futures", Status.DISCONNECTED, "client closed");
        queue.offer(last);
        stream.end();
        assertTrue(stream.ended());
        queue.offer(price(T0 + 6, "BTCUSDT", 1)); // after the end: not part of the stream
        assertTrue(r.ready());
        assertEquals(62000, ((PriceEvent) r.next()).price());
        assertEquals(last, r.next());
        assertTrue(r.ready());
        assertNull(r.next(), "the end of the stream, at once");
        assertEquals(2, stream.size());
    }

    @Test
    void timesNeverStepBackAndSymbolsAreShared() {
        LiveEventQueue queue = new LiveEventQueue(100);
        LiveStream stream = new LiveStream("test live", queue);
        queue.offer(SourceStatusEvent.of(T0 + 40, "binance-futures", Status.CONNECTED, "up")); // the local clock
        queue.offer(price(T0, "BTCUSDT", 62000));                                              // the venue's
        queue.offer(price(T0 + 1000, "BTCUSDT", 62001));
        LiveFeedReader r = stream.open();
        assertEquals(T0 + 40, r.next().timestampMs());
        PriceEvent first = (PriceEvent) r.next();
        assertEquals(PriceEvent.of(T0 + 40, "BTCUSDT", 62000, "binance-futures"), first, "restamped, not reordered");
        PriceEvent second = (PriceEvent) r.next();
        assertEquals(T0 + 1000, second.timestampMs());
        assertSame(first.symbol(), second.symbol(), "one symbol instance for the whole log");
    }

    @Test
    void nextWaitsForAnEventOrTheEnd() throws Exception {
        LiveEventQueue queue = new LiveEventQueue(100);
        LiveStream stream = new LiveStream("test live", queue);
        LiveFeedReader r = stream.open();
        CompletableFuture<FeedEvent> got = CompletableFuture.supplyAsync(r::next);
        Thread.sleep(20);
        queue.offer(price(T0, "BTCUSDT", 62000));
        assertEquals(62000, ((PriceEvent) got.get(20, TimeUnit.SECONDS)).price());
        CompletableFuture<FeedEvent> end = CompletableFuture.supplyAsync(r::next);
        stream.end();
        assertNull(end.get(20, TimeUnit.SECONDS));
        assertEquals(List.of(price(T0, "BTCUSDT", 62000)), stream.events(0, stream.size()));
    }
}
