package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.FeedSource;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.journal.JournalReader;
import io.solvent.engine.io.journal.JournalWriter;
import io.solvent.engine.io.journal.JsonMessageDecoder;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.oracle.ConfidencePolicy;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.StalenessPolicy;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.ScenarioInputs;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunViews;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.view.AssetView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feed faults against servers on the loopback address that speak the venues' protocols (Binance USD-M combined
 * streams over WebSocket, Pyth Hermes server-sent events): reconnect storms, duplicated and out-of-order messages,
 * garbage frames, a price of zero, a silent server, a 100× spike from one source. Each test runs a live client into a
 * {@link LiveStream} and a journal, then replays the stream through the engine ({@link Replay}, one step at a time)
 * and shows what the oracle did, what the engine priced at every step, and that the journal replays to exactly the
 * events the engine took. Short policies keep every test well under a few seconds; no timing is asserted.
 * The figures of the last run are printed ({@code fault ...} lines) for docs/reliability.md.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedFaultTest {
    private static final long T0 = 1_717_516_541_000L;
    private static final String THIRD_ID = "1fc18861232290221461220bd4e2acd1dcdfbc89c84092c93c18bdc7756c1588";
    /** Quick to notice silence and to reconnect; never gives up. */
    private static final ConnectionPolicy FAST = new ConnectionPolicy(new Backoff(20, 640, 2.0, 0.0), 3_000, 300,
            800, 3_600_000, 25);
    private static final Map<String, String> FIGURES = new TreeMap<>();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int k = open.size() - 1; k >= 0; k--) {
            open.get(k).close();
        }
    }

    @AfterAll
    static void printFigures() {
        FIGURES.forEach((k, v) -> System.out.println("fault " + k + ": " + v));
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    /** A client, its stream and its journal; {@link #end} stops it and gives the events the engine takes. */
    private final class Live {
        final LiveEventQueue queue = new LiveEventQueue(10_000);
        final Path journalFile = dir.resolve("journal.jsonl");
        final JournalWriter journal = track(JournalWriter.open(journalFile, false, w -> fail(w)));
        final LiveStream stream = new LiveStream("faults", queue);
        final LiveFeedClient client;

        Live(java.util.function.Function<ClientContext, LiveFeedClient> make, ConnectionPolicy policy) {
            client = track(make.apply(new ClientContext(queue, journal, JsonMessageDecoder.DECODERS, policy,
                    InstantSource.system(), () -> 0.5)));
            client.start();
        }

        void await(Predicate<LiveFeedClient.Stats> done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!done.test(client.stats())) {
                stream.pull();
                if (System.nanoTime() > deadline) {
                    fail("timed out waiting for " + what + "; stats " + client.stats());
                }
                Thread.sleep(5);
            }
        }

        /** Stops the client, ends the stream, closes the journal; checks the journal replays to the stream. */
        List<FeedEvent> end() {
            client.close();
            stream.end();
            journal.close();
            List<FeedEvent> events = stream.events(0, stream.size());
            assertEquals(events, journalEvents(journalFile), "the journal replays to the events the engine takes");
            assertEquals(0, stream.dropped(), "nothing dropped by the hand-over queue");
            return events;
        }
    }

    private static List<FeedEvent> journalEvents(Path file) {
        List<FeedEvent> out = new ArrayList<>();
        try (FeedReader r = LiveSession.journalFeed(file, w -> fail(w)).source().open()) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                out.add(e);
            }
        }
        return out;
    }

    private static long journalUnparsed(Path file) {
        try (JournalReader r = JournalReader.open(file, w -> fail(w))) {
            while (r.next() != null) {
                // reading counts
            }
            return r.unparsedMessages();
        }
    }

    private static List<Status> statuses(List<FeedEvent> events) {
        return events.stream().filter(e -> e instanceof SourceStatusEvent).map(e -> ((SourceStatusEvent) e).status())
                .toList();
    }

    private static List<Double> prices(List<FeedEvent> events, String symbol) {
        return events.stream().filter(e -> e instanceof PriceEvent p && p.symbol().equals(symbol))
                .map(e -> ((PriceEvent) e).price()).toList();
    }

    // ------------------------------------------------------------------ the engine over a stream

    /** The live test book (USDC, BTC at 62,000, ETH at 3,000) over a feed, with these symbols and oracle. */
    private static Scenario scenario(FeedSource feed, Map<String, String> symbols,
                                     Map<String, Scenario.PriceSource> combined, OracleParameters oracle)
            throws Exception {
        Scenario base;
        try (InputStream in = FeedFaultTest.class.getResourceAsStream("/live/live-book.json")) {
            base = LiveSession.bookScenario("faults", BookReader.read("live-book.json", in), null);
        }
        ScenarioInputs in = base.inputs();
        ScenarioInputs faults = new ScenarioInputs(in.book(), List.of(), in.settlementAsset(),
                List.of(new Scenario.StreamFeed("faults", feed, null)), symbols, combined, Scenario.Window.ALL,
                in.depth(), List.of(), in.insuranceFundUsd(), in.seed(), in.population());
        return new Scenario("faults", faults, base.parameters().withOracle(oracle));
    }

    /** What the engine did, step by step. */
    private record Run(List<Double> btcAfterEachPrice, List<SimulationEvent> events, List<AssetView> assetsAtEnd,
                       String stateHash) {
        List<SimulationEvent> of(SimulationEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }

        AssetView asset(String symbol) {
            return assetsAtEnd.stream().filter(a -> a.symbol().equals(symbol)).findFirst().orElseThrow();
        }
    }

    private static Run run(Scenario s) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplaySink sink = new ReplaySink() {
            @Override
            public void event(SimulationEvent e, String account, String subaccount, String market) {
                events.add(e);
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        };
        List<Double> btc = new ArrayList<>();
        try (Replay r = Replay.start(s, sink)) {
            while (r.step()) {
                btc.add(RunViews.assets(r).stream().filter(a -> a.symbol().equals("BTC")).findFirst().orElseThrow()
                        .priceUsd());
            }
            return new Run(btc, events, RunViews.assets(r), r.stateHash());
        }
    }

    private static final Map<String, String> BINANCE = Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH");

    private LiveFeedClient binance(ClientContext c, LoopbackWebSocketServer server) {
        return LiveFeedClient.binanceFutures(server.base(), List.of("BTCUSDT", "ETHUSDT"), c);
    }

    private static String mark(String symbol, long t, double mark) {
        return VenueMessages.markPrice(symbol, t, String.format(Locale.ROOT, "%.8f", mark),
                String.format(Locale.ROOT, "%.8f", mark - 10));
    }

    // ------------------------------------------------------------------ the faults

    @Test
    void aReconnectStormIsRetriedWithGrowingWaitsShownAsGapsAndThenPricesFlow() throws Exception {
        int storm = 6;
        List<Long> accepted = new CopyOnWriteArrayList<>();
        List<LoopbackWebSocketServer.Script> scripts = new ArrayList<>();
        for (int k = 0; k < storm; k++) {
            scripts.add(c -> {
                accepted.add(System.nanoTime());
                c.accept();
                c.closeSocket(); // dropped right after the handshake, before any message
            });
        }
        scripts.add(c -> {
            accepted.add(System.nanoTime());
            c.accept();
            for (String m : VenueMessages.binanceSession(T0, 3)) {
                c.text(m);
            }
            c.awaitClientGone(20_000);
        });
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(scripts));
        long start = System.nanoTime();
        Live live = new Live(c -> binance(c, server), FAST);
        live.await(s -> s.messages() == 6, "the prices after the storm");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        LiveFeedClient.Stats st = live.client.stats();
        List<FeedEvent> events = live.end();

        assertEquals(storm + 1, st.connections());
        assertEquals(storm, st.disconnects());
        List<Status> expected = new ArrayList<>();
        for (int k = 0; k < storm; k++) {
            expected.addAll(List.of(Status.CONNECTED, Status.DISCONNECTED));
        }
        expected.addAll(List.of(Status.CONNECTED, Status.DISCONNECTED)); // the last one: the client closed
        assertEquals(expected, statuses(events), "every dropped connection is a gap in the journal");
        // the attempt count is not reset by a connection without a message: the waits grow 20, 40, 80, ... ms
        for (int k = 1; k < accepted.size(); k++) {
            long gapMs = (accepted.get(k) - accepted.get(k - 1)) / 1_000_000;
            long backoffMs = FAST.backoff().delayMs(k - 1, () -> 0.5);
            assertTrue(gapMs >= backoffMs, "connection " + k + " came " + gapMs + " ms after the one before;"
                    + " expected at least the backoff " + backoffMs + " ms");
        }
        Run r = run(scenario(live.stream, BINANCE, Map.of(), OracleParameters.passThrough()));
        int wiggle = (2 * 37) % 11 - 5;
        assertEquals(62_017.4 + 3.1 * wiggle, r.asset("BTC").priceUsd(), 1e-9);
        FIGURES.put("reconnect storm", storm + " connections dropped after the handshake, " + st.connections()
                + " opened, " + st.disconnects() + " gaps journaled, prices flowing after " + elapsedMs + " ms");
    }

    @Test
    void duplicatedAndOutOfOrderMessagesAreTakenOnceAndNeverMoveThePriceBack() throws Exception {
        List<String> sent = List.of(
                mark("BTCUSDT", T0, 62_000),
                mark("BTCUSDT", T0 + 1_000, 62_100),
                mark("BTCUSDT", T0 + 1_000, 62_100),   // delivered twice
                mark("BTCUSDT", T0 + 500, 61_000),     // late: older than the one before
                mark("ETHUSDT", T0 + 1_200, 3_010),
                mark("ETHUSDT", T0 + 1_200, 3_010),    // delivered twice
                mark("BTCUSDT", T0 + 2_000, 62_200));
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            for (String m : sent) {
                c.text(m);
            }
            c.awaitClientGone(20_000);
        })));
        Live live = new Live(c -> binance(c, server), FAST);
        live.await(s -> s.messages() == sent.size(), "every message");
        List<FeedEvent> events = live.end();

        assertEquals(List.of(62_000.0, 62_100.0, 62_200.0), prices(events, "BTCUSDT"),
                "each BTC price once, the late one never");
        assertEquals(List.of(3_010.0), prices(events, "ETHUSDT"));
        assertEquals(2, live.stream.superseded(), "the late message's mark and index");
        assertEquals(4, live.stream.duplicates(), "two repeated messages, each a mark and an index");
        long journaled = Files.readAllLines(live.journalFile).stream()
                .filter(l -> l.contains("\"source\":\"binance-futures\",\"msg\"")).count();
        assertEquals(sent.size(), journaled, "the journal holds every message as received");

        Run r = run(scenario(live.stream, BINANCE, Map.of(), OracleParameters.passThrough()));
        for (int k = 1; k < r.btcAfterEachPrice().size(); k++) {
            assertTrue(r.btcAfterEachPrice().get(k) >= r.btcAfterEachPrice().get(k - 1),
                    "BTC never moves back: " + r.btcAfterEachPrice());
        }
        assertFalse(r.btcAfterEachPrice().contains(61_000.0));
        assertEquals(62_200, r.asset("BTC").priceUsd(), 0);
        FIGURES.put("duplicates and out of order", sent.size() + " messages sent, " + live.stream.duplicates()
                + " repeated events dropped, " + live.stream.superseded() + " late events dropped");
    }

    @Test
    void garbageFramesAreCountedAndJournaledAndNeverReachTheEngine() throws Exception {
        List<String> garbage = List.of(
                "{not json",
                "",
                "null",
                "[1,2,3]",
                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":\"soon\","
                        + "\"s\":\"BTCUSDT\",\"p\":\"62000\",\"i\":\"61990\"}}",
                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + (T0 + 1)
                        + ",\"s\":\"BTCUSDT\",\"p\":{\"price\":1},\"i\":\"61990\"}}",
                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + (T0 + 2)
                        + ",\"s\":[\"BTCUSDT\"],\"p\":\"62000\"}}",
                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + (T0 + 3)
                        + ",\"s\":\"BTCUSDT\",\"p\":\"NaN\"}}",
                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + (T0 + 4)
                        + ",\"s\":\"BTCUSDT\",\"p\":\"1e400\"}}");
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            c.text(mark("BTCUSDT", T0, 62_000));
            for (String g : garbage) {
                c.text(g);
            }
            c.binary(new byte[] {0, 1, 2, (byte) 0xff});
            c.text(mark("BTCUSDT", T0 + 1_000, 62_100));
            c.awaitClientGone(20_000);
        })));
        Live live = new Live(c -> binance(c, server), FAST);
        live.await(s -> s.messages() == garbage.size() + 2 && s.unreadable() == 1, "every frame");
        LiveFeedClient.Stats st = live.client.stats();
        List<FeedEvent> events = live.end();

        assertEquals(garbage.size(), st.unparsed(), st.lastProblem());
        assertEquals(1, st.unreadable());
        assertEquals(1, st.connections(), "a bad message never costs the connection");
        assertEquals(List.of(62_000.0, 62_100.0), prices(events, "BTCUSDT"));
        assertEquals(garbage.size(), journalUnparsed(live.journalFile), "journaled, and not understood on replay");
        Run r = run(scenario(live.stream, BINANCE, Map.of(), OracleParameters.passThrough()));
        assertEquals(List.of(62_000.0, 62_100.0), r.btcAfterEachPrice().stream().distinct().toList());
        FIGURES.put("garbage frames", (garbage.size() + 1) + " bad frames (" + garbage.size()
                + " text not understood, 1 binary) among 2 good messages: 0 reached the engine, 1 connection");
    }

    @Test
    void aPriceOfZeroIsRejectedAndNeverReachesMargin() throws Exception {
        LoopbackWebSocketServer ws = track(new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            c.text(mark("BTCUSDT", T0, 62_000));
            c.text(VenueMessages.markPrice("BTCUSDT", T0 + 1_000, "0.00000000", "0.00000000"));
            c.text(VenueMessages.markPrice("BTCUSDT", T0 + 1_500, "-1.00000000", "61990.00000000"));
            c.text(mark("BTCUSDT", T0 + 2_000, 62_100));
            c.awaitClientGone(20_000);
        })));
        Live live = new Live(c -> binance(c, ws), FAST);
        live.await(s -> s.messages() == 4, "every message");
        LiveFeedClient.Stats st = live.client.stats();
        List<FeedEvent> events = live.end();
        assertEquals(2, st.unparsed());
        assertTrue(st.lastProblem().contains("expected a positive number"), st.lastProblem());
        assertEquals(List.of(62_000.0, 62_100.0), prices(events, "BTCUSDT"));
        Run r = run(scenario(live.stream, BINANCE, Map.of(), OracleParameters.passThrough()));
        assertTrue(r.btcAfterEachPrice().stream().allMatch(p -> p >= 62_000), r.btcAfterEachPrice().toString());
        assertEquals(List.of(), r.of(SimulationEvent.Kind.LIQUIDATION), "no liquidation at a price of zero");

        // Pyth: a zero price in one entry makes the whole update not understood
        LoopbackSseServer sse = track(new LoopbackSseServer(List.of(s -> {
            s.open();
            s.event(VenueMessages.hermes(T0 / 1000, 6_200_000_000_000L, 300_000_000_000L));
            s.event(VenueMessages.hermes(T0 / 1000 + 1, 0, 300_100_000_000L));
            s.event(VenueMessages.hermes(T0 / 1000 + 2, 6_210_000_000_000L, 300_200_000_000L));
            Thread.sleep(20_000);
        })));
        Files.delete(live.journalFile);
        Live pyth = new Live(c -> LiveFeedClient.pyth(sse.base(), Map.of(VenueMessages.BTC_ID, "BTC/USD",
                VenueMessages.ETH_ID, "ETH/USD"), c), FAST);
        pyth.await(s -> s.messages() == 3, "every update");
        LiveFeedClient.Stats pst = pyth.client.stats();
        List<FeedEvent> pev = pyth.end();
        assertEquals(1, pst.unparsed(), pst.lastProblem());
        assertEquals(List.of(62_000.0, 62_100.0), prices(pev, "BTC/USD"));
        assertEquals(List.of(3_000.0, 3_002.0), prices(pev, "ETH/USD"), "the update's other price goes with it");
        FIGURES.put("price of zero", "Binance: 2 of 4 messages (mark 0, mark -1) rejected; Pyth: 1 of 3 updates"
                + " (a 0 price) rejected whole; the engine's BTC price never below 62,000; 0 liquidations");
    }

    @Test
    void aSilentServerTurnsTheOracleStaleUnderItsPolicyInsteadOfHoldingTheLastPriceFresh() throws Exception {
        long[] lastSentMs = new long[1];
        CountDownLatch resume = new CountDownLatch(1);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(
                c -> {
                    c.accept();
                    long now = System.currentTimeMillis();
                    c.text(mark("BTCUSDT", now, 62_000));
                    c.text(mark("ETHUSDT", now, 3_000));
                    lastSentMs[0] = now;
                    c.awaitClientGone(20_000); // connected, and silent
                },
                c -> {
                    resume.await(20, TimeUnit.SECONDS);
                    c.accept();
                    long now = System.currentTimeMillis();
                    c.text(mark("BTCUSDT", now, 62_050));
                    c.text(mark("ETHUSDT", now, 3_001));
                    c.awaitClientGone(20_000);
                })));
        Live live = new Live(c -> binance(c, server), FAST);
        live.await(s -> s.messages() == 2 && s.disconnects() == 1, "silence, STALE, then the idle timeout");
        resume.countDown();
        live.await(s -> s.messages() == 4, "prices again after the reconnection");
        List<FeedEvent> events = live.end();
        List<Status> seen = statuses(events);
        assertEquals(List.of(Status.CONNECTED, Status.STALE, Status.DISCONNECTED, Status.CONNECTED), seen.subList(0, 4),
                "the journal shows the silence: " + seen);

        // staleness limit 200 ms, pause: the STALE status (after 300 ms of silence) moves the engine's time on
        OracleParameters pause = OracleParameters.passThrough().withStaleness(200, StalenessPolicy.PAUSE);
        Scenario s = scenario(live.stream, BINANCE, Map.of(), pause);
        Run r = run(s);
        List<SimulationEvent> stale = r.of(SimulationEvent.Kind.ORACLE_STALE);
        assertEquals(2, stale.size(), "BTC and ETH flagged stale: " + r.events());
        long staleStatusMs = events.stream().filter(e -> e instanceof SourceStatusEvent st
                && st.status() == Status.STALE).findFirst().orElseThrow().timestampMs();
        assertEquals(staleStatusMs, stale.getFirst().timeMs(), "flagged when the source's silence is reported");
        assertEquals(2, r.of(SimulationEvent.Kind.ORACLE_FRESH).size(), "fresh again with the next prices");
        assertEquals(62_050, r.asset("BTC").priceUsd(), 0);

        // stopped at the silence: stale and paused, the last price still shown beside its age
        Run atSilence = runUntil(s, staleStatusMs);
        AssetView btc = atSilence.asset("BTC");
        assertEquals(AssetView.Freshness.STALE, btc.freshness());
        assertTrue(btc.paused(), "pause: no liquidation at a stale price");
        assertEquals(62_000, btc.priceUsd(), 0);
        assertTrue(btc.ageMs() > 200, "age " + btc.ageMs());
        // keep-last: flagged stale the same, liquidations go on at the last price
        Run keep = runUntil(scenario(live.stream, BINANCE, Map.of(),
                OracleParameters.passThrough().withStaleness(200, StalenessPolicy.KEEP_LAST)), staleStatusMs);
        assertEquals(AssetView.Freshness.STALE, keep.asset("BTC").freshness());
        assertFalse(keep.asset("BTC").paused());
        FIGURES.put("silent server", "stale flagged " + (stale.getFirst().timeMs() - lastSentMs[0])
                + " ms after the last message (connection stale-after 300 ms, oracle limit 200 ms), reconnected after"
                + " the 800 ms idle timeout, fresh again with the next price");
    }

    @Test
    void aDisconnectedSourceAgesItsOracleWhileItsReconnectionsFail() throws Exception {
        long[] lastSentMs = new long[1];
        List<LoopbackWebSocketServer.Script> scripts = new ArrayList<>();
        scripts.add(c -> {
            c.accept();
            long now = System.currentTimeMillis();
            c.text(mark("BTCUSDT", now, 62_000));
            c.text(mark("ETHUSDT", now, 3_000));
            lastSentMs[0] = now;
            Thread.sleep(50);
            c.closeSocket(); // a broken connection
        });
        scripts.add(LoopbackWebSocketServer.reject(503)); // then refused, again and again
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(scripts));
        Live live = new Live(c -> binance(c, server), FAST);
        live.await(s -> s.messages() == 2 && s.failedAttempts() >= 5, "five refused reconnections");
        LiveFeedClient.Stats st = live.client.stats();
        List<FeedEvent> events = live.end();
        List<SourceStatusEvent> notes = events.stream().filter(e -> e instanceof SourceStatusEvent)
                .map(e -> (SourceStatusEvent) e).toList();
        assertEquals(Status.CONNECTED, notes.getFirst().status());
        assertTrue(notes.subList(1, notes.size()).stream().allMatch(n -> n.status() == Status.DISCONNECTED), notes
                .toString());
        assertTrue(notes.get(2).reason().contains("refused the WebSocket handshake (HTTP 503) (attempt 1)"),
                notes.get(2).reason());
        assertEquals(st.failedAttempts(), notes.stream().filter(n -> n.reason().contains("(attempt ")).count(),
                "every failed attempt journaled");

        Run r = run(scenario(live.stream, BINANCE, Map.of(), OracleParameters.passThrough()
                .withStaleness(200, StalenessPolicy.PAUSE)));
        List<SimulationEvent> stale = r.of(SimulationEvent.Kind.ORACLE_STALE);
        assertEquals(2, stale.size(), "BTC and ETH stale while the source is down: " + r.events());
        assertEquals(AssetView.Freshness.STALE, r.asset("BTC").freshness());
        assertTrue(r.asset("BTC").paused());
        assertEquals(62_000, r.asset("BTC").priceUsd(), 0, "the last price kept, shown stale");
        FIGURES.put("disconnect", "dropped after 2 messages, then " + st.failedAttempts() + " refused reconnections"
                + " (503), each a DISCONNECTED note; oracle stale " + (stale.getFirst().timeMs() - lastSentMs[0])
                + " ms after the last message (limit 200 ms)");
    }

    /** Steps the scenario through every event stamped at or before the time, then stops. */
    private static Run runUntil(Scenario s, long timeMs) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplaySink sink = new ReplaySink() {
            @Override
            public void event(SimulationEvent e, String account, String subaccount, String market) {
                events.add(e);
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        };
        try (Replay r = Replay.start(s, sink)) {
            r.stepThrough(timeMs);
            return new Run(List.of(), events, RunViews.assets(r), r.stateHash());
        }
    }

    /** A Hermes update: three publishers' BTC prices (−8 exponent) with a confidence each, at a publish time. */
    private static String hermes3(long publishS, long a, long confA, long b, long c) {
        return "{\"parsed\":[" + entry(VenueMessages.BTC_ID, a, confA, publishS) + ","
                + entry(VenueMessages.ETH_ID, b, 2_000_000_000L, publishS) + ","
                + entry(THIRD_ID, c, 2_000_000_000L, publishS) + "]}";
    }

    private static String entry(String id, long price, long conf, long publishS) {
        return "{\"id\":\"" + id + "\",\"price\":{\"price\":\"" + price + "\",\"conf\":\"" + conf
                + "\",\"expo\":-8,\"publish_time\":" + publishS + "}}";
    }

    @Test
    void aHundredfoldSpikeFromOneSourceIsOutvotedByTheMedianOrRejectedByItsConfidence() throws Exception {
        long p = 6_200_000_000_000L; // 62,000.00000000
        long s0 = T0 / 1000;
        LoopbackSseServer sse = track(new LoopbackSseServer(List.of(s -> {
            s.open();
            s.event(hermes3(s0, p, 2_000_000_000L, p + 1_000_000_000L, p - 1_000_000_000L));
            s.event(hermes3(s0 + 1, 100 * p, 5 * p, p + 2_000_000_000L, p));          // A: 100×, conf 5%
            s.event(hermes3(s0 + 2, 100 * p, 2_000_000_000L, p + 3_000_000_000L, p)); // A: 100×, conf 0.0003%
            s.event(hermes3(s0 + 3, p + 4_000_000_000L, 2_000_000_000L, p + 4_000_000_000L, p));
            Thread.sleep(20_000);
        })));
        Live live = new Live(c -> LiveFeedClient.pyth(sse.base(), Map.of(VenueMessages.BTC_ID, "BTC/A",
                VenueMessages.ETH_ID, "BTC/B", THIRD_ID, "BTC/C"), c), FAST);
        live.await(st -> st.messages() == 4, "every update");
        List<FeedEvent> events = live.end();
        assertEquals(List.of(62_000.0, 6_200_000.0, 6_200_000.0, 62_040.0), prices(events, "BTC/A"),
                "the spike is a well-formed price: the parser passes it on");

        // three sources combined by their median: the spike never moves BTC
        Map<String, String> three = Map.of("BTC/A", "BTC", "BTC/B", "BTC", "BTC/C", "BTC");
        Map<String, Scenario.PriceSource> median = Map.of("BTC", new Scenario.PriceSource(
                Scenario.PriceSource.Method.MEDIAN, List.of("BTC/A", "BTC/B", "BTC/C")));
        Run byMedian = run(scenario(live.stream, three, median, OracleParameters.passThrough()));
        for (double btc : byMedian.btcAfterEachPrice()) {
            assertTrue(Math.abs(btc / 62_000 - 1) < 0.001, "BTC at " + btc + ": " + byMedian.btcAfterEachPrice());
        }
        assertEquals(List.of(), byMedian.of(SimulationEvent.Kind.LIQUIDATION));

        // one source, confidence limit 2% (Drift tier A) with reject: the spike with a 5% confidence is dropped,
        // the one with a narrow confidence is not (no rule bounds a jump: it is valued)
        Map<String, String> one = Map.of("BTC/A", "BTC");
        Run byConfidence = run(scenario(live.stream, one, Map.of(),
                OracleParameters.passThrough().withConfidence(0.02, ConfidencePolicy.REJECT)));
        List<Double> seen = byConfidence.btcAfterEachPrice().stream().distinct().toList();
        assertEquals(List.of(62_000.0, 6_200_000.0, 62_040.0), seen,
                "the wide spike rejected; the narrow one valued, then the next price");
        FIGURES.put("100x spike", "3 sources by median: BTC within 0.1% of 62,000 at every step; 1 source with the"
                + " 2% confidence rule: the spike with a 5% confidence rejected, the one with a narrow confidence"
                + " valued (no jump rule)");
    }
}
