package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.io.journal.JournalReader;
import io.solvent.engine.io.journal.JournalWriter;
import io.solvent.engine.io.journal.JsonMessageDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Live clients against servers on the loopback address that speak the venues' protocols. Every test asserts what
 * the consumer polled from the queue, and that the journal the session recorded replays to exactly those events.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveFeedClientTest {
    private static final long T0 = 1_717_516_541_000L;
    private static final ConnectionPolicy FAST = new ConnectionPolicy(new Backoff(50, 400, 2.0, 0.5), 3_000, 300,
            900, 3_600_000, 25);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger jitterDraws = new AtomicInteger();
    private final DoubleSupplier jitter = () -> {
        jitterDraws.incrementAndGet();
        return 0.5;
    };

    @AfterEach
    void closeAll() throws Exception {
        for (int k = open.size() - 1; k >= 0; k--) {
            open.get(k).close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    /** The session under test: client, queue, journal and what the consumer saw. */
    private final class Session {
        final LiveEventQueue queue = new LiveEventQueue(1000);
        final Path journalFile = dir.resolve("journal.jsonl");
        final JournalWriter journal = track(JournalWriter.open(journalFile, false, w -> fail(w)));
        final List<FeedEvent> seen = new ArrayList<>();
        LiveFeedClient client;

        ClientContext context(ConnectionPolicy policy) {
            return new ClientContext(queue, journal, JsonMessageDecoder.DECODERS, policy, InstantSource.system(),
                    jitter);
        }

        /** Polls as the engine thread would, never blocking, until the condition holds (bounded). */
        void pollUntil(Predicate<List<FeedEvent>> done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!done.test(seen)) {
                FeedEvent e = queue.poll();
                if (e != null) {
                    seen.add(e);
                } else if (System.nanoTime() > deadline) {
                    fail("timed out waiting for " + what + "; saw " + seen + "; stats " + client.stats());
                } else {
                    Thread.sleep(5);
                }
            }
        }

        /** Closes the client, takes what is left in the queue, closes the journal and replays it. */
        List<FeedEvent> finish() {
            client.close();
            for (FeedEvent e = queue.poll(); e != null; e = queue.poll()) {
                seen.add(e);
            }
            journal.close();
            List<String> warnings = new ArrayList<>();
            List<FeedEvent> replayed = new ArrayList<>();
            try (JournalReader r = JournalReader.open(journalFile, warnings::add)) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    replayed.add(e);
                }
                assertEquals(client.stats().unparsed(), r.unparsedMessages(), "unparsed messages on replay");
            }
            assertEquals(List.of(), warnings);
            assertEquals(0, queue.droppedPrices() + queue.droppedOthers(), "nothing dropped");
            return replayed;
        }
    }

    private static long count(List<FeedEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static List<Status> statuses(List<FeedEvent> events) {
        return events.stream().filter(e -> e instanceof SourceStatusEvent).map(e -> ((SourceStatusEvent) e).status())
                .toList();
    }

    private static List<FeedEvent> prices(List<FeedEvent> events) {
        return events.stream().filter(e -> !(e instanceof SourceStatusEvent)).toList();
    }

    @Test
    void normalSessionRecordsAJournalThatReplaysToWhatTheConsumerSaw() throws Exception {
        List<String> messages = VenueMessages.binanceSession(T0, 6);
        byte[] ping = "hb-1".getBytes(StandardCharsets.UTF_8);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            for (String m : messages) {
                c.text(m);
            }
            c.ping(ping);
            c.awaitClientGone(30_000);
        })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT", "ETHUSDT"),
                s.context(FAST.withSilence(5_000, 10_000))));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) == 24 && count(seen, VenueLiquidationEvent.class) == 1,
                "24 prices and a liquidation");
        LoopbackWebSocketServer.Connection conn = server.connections().getFirst();
        assertTrue(conn.pongSeen.await(10, TimeUnit.SECONDS), "the JDK WebSocket answers a Ping with a Pong");
        assertArrayEquals(ping, conn.pongs.getFirst(), "the Pong carries the Ping's payload");

        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed, "the journal replays to the events the live consumer saw");

        assertEquals("/stream?streams=btcusdt@markPrice@1s/btcusdt@forceOrder/ethusdt@markPrice@1s/ethusdt@forceOrder",
                server.requestPaths().getFirst());
        assertEquals(List.of(Status.CONNECTED, Status.DISCONNECTED), statuses(s.seen));
        assertEquals(PriceEvent.of(T0, "BTCUSDT", 62001.9, "binance-futures"), s.seen.get(1));
        assertEquals(PriceEvent.of(T0, "BTCUSDT@index", 61995.65, "binance-futures"), s.seen.get(2));
        assertEquals(new VenueLiquidationEvent(T0 + 3400, "ETHUSDT", "SELL", 3009.5, 1.25, "binance-futures"),
                s.seen.stream().filter(e -> e instanceof VenueLiquidationEvent).findFirst().orElseThrow());
        assertEquals(13, s.client.stats().messages());
        assertEquals(0, s.client.stats().unparsed());
        assertEquals(0, jitterDraws.get(), "no reconnection");
    }

    @Test
    void reconnectsWithBackoffAfterTheServerDropsAndShowsTheGap() throws Exception {
        List<String> messages = VenueMessages.binanceSession(T0, 6);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(
                c -> {
                    c.accept();
                    for (String m : messages.subList(0, 5)) {
                        c.text(m);
                    }
                    Thread.sleep(100);
                    c.closeSocket();
                },
                LoopbackWebSocketServer.reject(503),
                c -> {
                    c.accept();
                    for (String m : messages.subList(5, messages.size())) {
                        c.text(m);
                    }
                    c.awaitClientGone(30_000);
                })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT", "ETHUSDT"),
                s.context(FAST.withSilence(5_000, 10_000))));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) == 24, "all 24 prices over two connections");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);

        // the drop, then the refused reconnection: each failed attempt is a status of its own, naming the cause
        assertEquals(List.of(Status.CONNECTED, Status.DISCONNECTED, Status.DISCONNECTED, Status.CONNECTED,
                Status.DISCONNECTED), statuses(s.seen));
        int down = indexOfStatus(s.seen, Status.DISCONNECTED, 0);
        int upAgain = indexOfStatus(s.seen, Status.CONNECTED, down);
        assertEquals(10, count(s.seen.subList(0, down), PriceEvent.class), "first connection's prices");
        assertEquals(upAgain, down + 2, "nothing arrives while disconnected");
        assertTrue(((SourceStatusEvent) s.seen.get(down + 1)).reason().startsWith("cannot connect to "
                + server.base() + "/stream?streams="), s.seen.get(down + 1).toString());
        assertTrue(((SourceStatusEvent) s.seen.get(down + 1)).reason().endsWith(
                ": the server refused the WebSocket handshake (HTTP 503) (attempt 1)"), String.valueOf(s.seen));
        assertEquals(3, server.connections().size(), "dropped, refused (503), then served");
        assertEquals(2, jitterDraws.get(), "one backoff wait after the drop, one after the refusal");
        assertEquals(2, s.client.stats().connections());
    }

    private static int indexOfStatus(List<FeedEvent> events, Status status, int from) {
        for (int k = from + 1; k < events.size(); k++) {
            if (events.get(k) instanceof SourceStatusEvent st && st.status() == status) {
                return k;
            }
        }
        return fail("no " + status + " after " + from + " in " + events);
    }

    @Test
    void garbageFramesAreCountedAndIgnored() throws Exception {
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            c.text("this is not json {");
            c.text("{\"e\":\"aggTrade\",\"E\":123456789,\"s\":\"BTCUSDT\",\"p\":\"0.001\"}");
            c.text("{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":5,\"s\":\"BTCUSDT\"}}");
            c.text(VenueMessages.markPrice("BTCUSDT", T0, "-1", "1"));
            c.binary(new byte[] {0, 1, 2, (byte) 0xff});
            c.text(VenueMessages.markPrice("BTCUSDT", T0, "62017.4", "62010.15"));
            c.text("{\"result\":null,\"id\":1}");
            c.text(VenueMessages.markPrice("BTCUSDT", T0 + 1000, "62020.0", "62011.0"));
            c.awaitClientGone(30_000);
        })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT"),
                s.context(FAST.withSilence(5_000, 10_000))));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) == 4, "the four prices of the two good messages");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);
        LiveFeedClient.Stats st = s.client.stats();
        assertEquals(7, st.messages());
        assertEquals(4, st.unparsed(), "not JSON, unknown event type, missing fields, negative price");
        assertEquals(1, st.unreadable(), "the binary frame");
        assertEquals(List.of(PriceEvent.of(T0, "BTCUSDT", 62017.4, "binance-futures"),
                        PriceEvent.of(T0, "BTCUSDT@index", 62010.15, "binance-futures"),
                        PriceEvent.of(T0 + 1000, "BTCUSDT", 62020.0, "binance-futures"),
                        PriceEvent.of(T0 + 1000, "BTCUSDT@index", 62011.0, "binance-futures")),
                prices(s.seen));
        assertEquals(List.of(Status.CONNECTED, Status.DISCONNECTED), statuses(s.seen));
    }

    @Test
    void slowFragmentedDeliveryArrivesWhole() throws Exception {
        List<String> messages = VenueMessages.binanceSession(T0, 2);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            for (String m : messages) {
                c.textSlowly(m, 4, 30);
            }
            c.awaitClientGone(30_000);
        })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT", "ETHUSDT"),
                s.context(FAST.withSilence(5_000, 10_000))));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) == 8, "8 prices delivered byte by byte");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);
        assertEquals(0, s.client.stats().unparsed());
        assertEquals(PriceEvent.of(T0 + 1001, "ETHUSDT@index", 3010.47, "binance-futures"), prices(s.seen).get(7));
    }

    @Test
    void aServerThatStopsAnsweringIsMarkedStaleThenReplaced() throws Exception {
        List<String> messages = VenueMessages.binanceSession(T0, 4);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(
                c -> {
                    c.accept();
                    for (String m : messages.subList(0, 4)) {
                        c.text(m);
                    }
                    c.awaitClientGone(30_000); // silent, connection kept open
                },
                c -> {
                    c.accept();
                    for (String m : messages.subList(4, messages.size())) {
                        c.text(m);
                    }
                    c.awaitClientGone(30_000);
                })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT", "ETHUSDT"), s.context(FAST)));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) == 16, "16 prices over two connections");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);

        List<Status> st = statuses(s.seen);
        assertEquals(List.of(Status.CONNECTED, Status.STALE, Status.DISCONNECTED, Status.CONNECTED), st.subList(0, 4));
        SourceStatusEvent down = (SourceStatusEvent) s.seen.get(indexOfStatus(s.seen, Status.DISCONNECTED, 0));
        assertTrue(down.reason().contains("idle timeout"), down.reason());
        assertEquals(8, count(s.seen.subList(0, indexOfStatus(s.seen, Status.STALE, 0)), PriceEvent.class));
        assertEquals(1, jitterDraws.get(), "one backoff wait");
        assertTrue(server.connections().getFirst().clientGone.await(10, TimeUnit.SECONDS),
                "the client closed the silent connection");
    }

    @Test
    void replacesAConnectionBeforeItsMaximumAgeWithoutBackoff() throws Exception {
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            for (int k = 0; k < 200 && !Thread.currentThread().isInterrupted(); k++) {
                c.text(VenueMessages.markPrice("BTCUSDT", T0 + 1000L * k, "62017.4", "62010.15"));
                if (c.clientGone.await(50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        })));
        Session s = new Session();
        s.client = track(LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT"),
                s.context(FAST.withSilence(5_000, 10_000).withMaxConnectionMs(400))));
        s.client.start();
        s.pollUntil(seen -> statuses(seen).size() >= 3, "a replaced connection");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);
        SourceStatusEvent down = (SourceStatusEvent) s.seen.get(indexOfStatus(s.seen, Status.DISCONNECTED, 0));
        assertTrue(down.reason().startsWith("replacing a connection"), down.reason());
        assertEquals(Status.CONNECTED, statuses(s.seen).get(2));
        assertEquals(0, jitterDraws.get(), "a planned replacement does not back off");
    }

    @Test
    void pythOverServerSentEventsWithAGarbageEventAndADroppedStream() throws Exception {
        LoopbackSseServer server = track(new LoopbackSseServer(List.of(
                st -> {
                    st.open();
                    st.raw(": keep-alive comment\n\n");
                    st.event(VenueMessages.hermes(T0 / 1000, 6201740000000L, 301127000000L));
                    st.event("{\"parsed\":[{\"id\":\"abc\"}]}");
                    st.raw("data: {\"binary\":{\"encoding\":\"hex\",\"data\":[]},\n");
                    st.raw("data: \"parsed\":[]}\n\n");
                    st.event(VenueMessages.hermes(T0 / 1000 + 1, 6202000000000L, 301200000000L));
                },
                st -> st.status(503),
                st -> {
                    st.open();
                    for (int k = 2; k < 400; k++) {
                        st.event(VenueMessages.hermes(T0 / 1000 + k, 6202000000000L + k, 301200000000L + k));
                        Thread.sleep(40);
                    }
                })));
        Session s = new Session();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("0x" + VenueMessages.BTC_ID.toUpperCase(java.util.Locale.ROOT), "BTC/USD");
        ids.put(VenueMessages.ETH_ID, "");
        s.client = track(LiveFeedClient.pyth(server.base(), ids, s.context(FAST.withSilence(2_000, 4_000))));
        s.client.start();
        s.pollUntil(seen -> count(seen, PriceEvent.class) >= 8, "prices from two streams");
        List<FeedEvent> replayed = s.finish();
        assertEquals(s.seen, replayed);

        assertEquals("ids%5B%5D=" + VenueMessages.BTC_ID + "&ids%5B%5D=" + VenueMessages.ETH_ID + "&parsed=true",
                server.queries().getFirst());
        List<FeedEvent> p = prices(s.seen);
        assertEquals(new PriceEvent(T0, "BTC/USD", 62017.4, 29.5682357, "pyth"), p.get(0));
        assertEquals(new PriceEvent(T0, VenueMessages.ETH_ID, 3011.27, 1.51234567, "pyth"), p.get(1));
        assertEquals(new PriceEvent(T0 + 1000, "BTC/USD", 62020.0, 29.5682357, "pyth"), p.get(2));
        assertEquals(1, s.client.stats().unparsed(), "the entry without a price; the two-line data event is one "
                + "message with no entries");
        int firstDown = indexOfStatus(s.seen, Status.DISCONNECTED, 0);
        assertEquals(4, count(s.seen.subList(0, firstDown), PriceEvent.class), "two good updates on the first stream");
        assertEquals(4 + count(s.seen.subList(firstDown, s.seen.size()), PriceEvent.class) / 2,
                s.client.stats().messages(), "four data events on the first stream, the comment not a message");
        List<Status> st = statuses(s.seen);
        assertEquals(List.of(Status.CONNECTED, Status.DISCONNECTED, Status.DISCONNECTED, Status.CONNECTED),
                st.subList(0, 4), "dropped, refused with 503, connected");
        assertEquals(2, jitterDraws.get(), "after the ended stream and after the 503");
        assertFalse(s.seen.stream().anyMatch(e -> e instanceof PriceEvent pe && pe.timestampMs() == T0 + 2000
                && s.seen.indexOf(e) < indexOfStatus(s.seen, Status.CONNECTED, 1)));
    }
}
