package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.journal.JournalReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.io.live.LiveSpec;
import io.solvent.engine.margin.Instruments;
import io.solvent.engine.margin.MarginCalculator;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.view.AccountQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine loop on live prices from servers on the loopback address that speak the venues' protocols, through a
 * {@link LiveSession}: views while nothing arrives, prices moving the view, the venue's liquidations and the source's
 * connection states in the view, and the session's journal replayed to the same figures and state hash. Waits are
 * bounded generously; no timing is asserted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveSessionLoopTest {
    private static final long T0 = 1_717_516_541_000L;
    private static final long ANSWER_S = 20;
    /** Slow to give up: a test holds a connection's handshake and its silence on purpose. */
    private static final ConnectionPolicy PATIENT = new ConnectionPolicy(new Backoff(50, 400, 2.0, 0.5), 30_000,
            20_000, 40_000, 3_600_000, 25);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

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

    private static Book book() throws Exception {
        try (InputStream in = LiveSessionLoopTest.class.getResourceAsStream("/live/live-book.json")) {
            return BookReader.read("live-book.json", in);
        }
    }

    /** The wall clock moved back to T0, so that the client's status events fall among the venue's times. */
    private static InstantSource nearT0() {
        return InstantSource.offset(InstantSource.system(), Duration.ofMillis(T0 - System.currentTimeMillis()));
    }

    /** Everything a run told its sink, as comparable text. */
    static final class Recording implements ReplaySink {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<Status> statuses = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void event(SimulationEvent e, String account, String subaccount, String market) {
            lines.add("event " + e + " " + account + "/" + subaccount + " " + market);
        }

        @Override
        public void metrics(MetricsRow r) {
            lines.add("metrics " + r.timeMs() + " " + Arrays.toString(r.prices()) + " " + r.fundUsd() + " "
                    + r.atRisk() + " " + r.liquidatable() + " " + r.openInterestUsd() + " "
                    + r.liquidatedNotionalUsd() + " " + r.badDebtUsd());
        }

        @Override
        public void observed(FeedEvent e) {
            lines.add("observed " + e);
            if (e instanceof SourceStatusEvent s) {
                statuses.add(s.status());
            }
        }
    }

    private static EngineView until(EngineLoop loop, Predicate<EngineView> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (EngineView v = loop.latest(); ; v = loop.latest()) {
            if (done.test(v)) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last view: " + v.state() + " at "
                        + v.position() + ", sources " + v.sources() + " " + v.error() + " " + v.notice());
            }
            Thread.sleep(2);
        }
    }

    private static EngineView answer(EngineLoop loop, EngineCommand c) throws Exception {
        return loop.submit(c).get(ANSWER_S, TimeUnit.SECONDS);
    }

    private static double price(EngineView v, String asset) {
        return v.prices().stream().filter(p -> p.symbol().equals(asset)).findFirst().orElseThrow().priceUsd();
    }

    private static Status status(EngineView v) {
        return v.sources().isEmpty() ? null : v.sources().getFirst().status();
    }

    private static EngineLoop.Options options(Recording sink) {
        return EngineLoop.Options.of(Pacer.of(System::nanoTime))
                .withSinks(label -> label.equals(EngineLoop.ORIGINAL) ? sink : ReplaySink.NONE);
    }

    @Test
    void binanceLiveRunShowsPricesLiquidationsAndTheGapAndItsJournalReplaysToTheSameStateHash() throws Exception {
        List<String> first = VenueMessages.binanceSession(T0, 6);     // 12 mark prices, a liquidation at T0 + 3.4 s
        List<String> second = VenueMessages.binanceSession(T0 + 6_000, 3);
        CountDownLatch drop = new CountDownLatch(1);
        CountDownLatch reconnect = new CountDownLatch(1);
        LoopbackWebSocketServer server = track(new LoopbackWebSocketServer(List.of(
                c -> {
                    c.accept();
                    for (String m : first) {
                        c.text(m);
                    }
                    drop.await(60, TimeUnit.SECONDS);
                    c.closeSocket(); // no Close frame: a broken connection
                },
                c -> {
                    reconnect.await(60, TimeUnit.SECONDS); // the handshake waits: the source stays disconnected
                    c.accept();
                    for (String m : second) {
                        c.text(m);
                    }
                    c.awaitClientGone(60_000);
                })));
        Path journal = dir.resolve("live.jsonl");
        Scenario base = LiveSession.bookScenario("live test", book(), null).withInsuranceFundUsd(1000);
        LiveSpec spec = LiveSpec.of("binance-futures", List.of("BTCUSDT", "ETHUSDT"), base, journal)
                .withEndpoint(server.base().toString()).withConnection(PATIENT).withClock(nearT0());
        LiveSession session = track(LiveSession.open(spec));
        assertEquals(java.util.Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH"), session.symbols());
        Recording live = new Recording();
        EngineLoop loop = track(EngineLoop.start(session.scenario(), options(live)));
        assertEquals(State.PLAYING, answer(loop, EngineCommand.Play.FASTEST).state());

        // the first connection: 12 mark prices (each with its index price), a liquidation, the connection itself
        EngineView up = until(loop, v -> v.position() == 26, "the first connection's 26 events");
        assertEquals(62_017.4 + 3.1 * 4, price(up, "BTC"), 1e-6, "the last mark price sent (wiggle 4)");
        assertEquals(3_011.27 + 0.43 * 4, price(up, "ETH"), 1e-6);
        assertEquals(List.of(new VenueLiquidationEvent(T0 + 3_400, "ETHUSDT", "SELL", 3009.5, 1.25,
                "binance-futures")), up.venueLiquidations().all());
        assertEquals(Status.CONNECTED, status(up));
        assertEquals(State.PLAYING, up.state());

        // nothing arrives: still playing, views keep coming, commands are answered
        EngineView idle = until(loop, v -> v.sequence() >= up.sequence() + 3, "views while nothing arrives");
        assertEquals(State.PLAYING, idle.state());
        assertEquals(26, idle.position());
        assertTrue(answer(loop, new EngineCommand.QueryAccounts(AccountQuery.riskiest(10))).accounts() != null);

        // the server drops the connection and holds the next handshake: the view shows the source disconnected
        drop.countDown();
        EngineView down = until(loop, v -> status(v) == Status.DISCONNECTED, "the disconnection in the view");
        assertEquals(State.PLAYING, down.state());
        assertEquals(State.PAUSED, answer(loop, new EngineCommand.Pause()).state());
        assertEquals(State.PLAYING, answer(loop, new EngineCommand.Play(1.0)).state());
        reconnect.countDown();
        EngineView again = until(loop, v -> v.position() == 26 + 1 + 1 + 12, "the second connection's prices");
        assertEquals(Status.CONNECTED, status(again));
        int wiggle = (2 * 37) % 11 - 5;
        assertEquals(62_017.4 + 3.1 * wiggle, price(again, "BTC"), 1e-6);

        // closing the session ends the stream: the run steps the last status and ends
        session.close();
        EngineView end = until(loop, v -> v.state() == State.ENDED || v.state() == State.ERROR, "the end");
        assertEquals(State.ENDED, end.state(), end.error());
        assertEquals(41, end.position());
        assertEquals(Status.DISCONNECTED, status(end));
        assertEquals(List.of(Status.CONNECTED, Status.DISCONNECTED, Status.CONNECTED, Status.DISCONNECTED),
                live.statuses);
        assertEquals(0, session.stream().dropped());
        assertTrue(Files.size(journal) > 0);
        assertEquals(session.journalLines(), Files.readAllLines(journal).size());

        // the journal, replayed through a scenario: the same events, rows and final state hash
        Scenario replay = session.replayScenario();
        assertEquals(session.scenario().book(), replay.book());
        Recording replayed = new Recording();
        ReplayRunner.Result r = ReplayRunner.run(replay, replayed);
        assertEquals(end.stateHash(), r.stateHash());
        assertEquals(end.summary(), r.summary());
        assertEquals(live.lines, replayed.lines);
        try (JournalReader reader = JournalReader.open(journal, w -> {
        })) {
            int n = 0;
            while (reader.next() != null) {
                n++;
            }
            assertEquals(41, n, "the journal holds every event the run stepped");
        }

        // and in an engine loop, where it seeks and forks like any recorded run
        try (EngineLoop again2 = EngineLoop.start(replay, EngineLoop.Options.of(Pacer.of(System::nanoTime)))) {
            assertEquals(State.PLAYING, again2.submit(EngineCommand.Play.FASTEST).get(ANSWER_S, TimeUnit.SECONDS)
                    .state());
            EngineView replayEnd = until(again2, v -> v.state() == State.ENDED, "the replay's end");
            assertEquals(end.stateHash(), replayEnd.stateHash());
            assertEquals(end.venueLiquidations().all(), replayEnd.venueLiquidations().all());
        }
    }

    @Test
    void pythLiveRunOverARebasedBookReplaysFromItsJournal() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        LoopbackSseServer server = track(new LoopbackSseServer(List.of(st -> {
            st.open();
            st.event(VenueMessages.hermes(T0 / 1000, 3_000_000_000_000L, 150_000_000_000L));
            st.event(VenueMessages.hermes(T0 / 1000 + 1, 2_990_000_000_000L, 149_000_000_000L));
            st.event(VenueMessages.hermes(T0 / 1000 + 2, 2_700_000_000_000L, 140_000_000_000L));
            done.await(60, TimeUnit.SECONDS);
        })));
        Path journal = dir.resolve("pyth.jsonl");
        Book book = book();
        Scenario base = LiveSession.bookScenario("live test", book, null);
        LiveSpec spec = LiveSpec.of("pyth", List.of(VenueMessages.BTC_ID + "=BTC/USD",
                        "0x" + VenueMessages.ETH_ID + "=Crypto.ETH/USD"), base, journal)
                .withEndpoint(server.base().toString()).withConnection(PATIENT).withClock(nearT0()).withRebase(true)
                .withFirstPricesTimeoutMs(60_000);
        LiveSession session = track(LiveSession.open(spec));
        assertEquals(java.util.Map.of("BTC/USD", "BTC", "Crypto.ETH/USD", "ETH"), session.symbols());

        // the book restated at the first live prices, every USD figure unchanged
        Book rebased = session.scenario().book();
        assertEquals(30_000, rebased.prices().of("BTC"), 1e-9);
        assertEquals(1_500, rebased.prices().of("ETH"), 1e-9);
        assertEquals(1, rebased.prices().of("USDC"));
        MarginCalculator before = new MarginCalculator(Instruments.of(book));
        MarginCalculator after = new MarginCalculator(Instruments.of(rebased));
        for (int a = 0; a < book.accounts().size(); a++) {
            Account was = book.accounts().get(a);
            Account is = rebased.accounts().get(a);
            for (int s = 0; s < was.subaccounts().size(); s++) {
                var m0 = before.evaluate(was.subaccounts().get(s), book.prices());
                var m1 = after.evaluate(is.subaccounts().get(s), rebased.prices());
                assertEquals(m0.equity(), m1.equity(), 1e-9 * Math.abs(m0.equity()), was.id());
                assertEquals(m0.maintenance().health(), m1.maintenance().health(),
                        1e-9 * Math.max(1, Math.abs(m0.maintenance().health())), was.id());
                assertEquals(m0.initial().requirement(), m1.initial().requirement(),
                        1e-9 * Math.max(1, m0.initial().requirement()), was.id());
            }
        }

        Recording live = new Recording();
        EngineLoop loop = track(EngineLoop.start(session.scenario(), options(live)));
        answer(loop, new EngineCommand.Play(1.0));
        EngineView moved = until(loop, v -> v.position() == 7, "a connection and six prices");
        assertEquals(27_000, price(moved, "BTC"), 1e-9);
        assertEquals(1_400, price(moved, "ETH"), 1e-9);
        assertEquals(Status.CONNECTED, status(moved));
        assertFalse(moved.recentEvents().isEmpty(), "a 10% fall liquidates the restated levered long");

        done.countDown();
        session.close();
        EngineView end = until(loop, v -> v.state() == State.ENDED || v.state() == State.ERROR, "the end");
        assertEquals(State.ENDED, end.state(), end.error());

        Scenario replay = LiveSession.replayScenario(spec);
        assertEquals(rebased, replay.book(), "restated the same way, at the journal's first prices");
        Recording replayed = new Recording();
        assertEquals(end.stateHash(), ReplayRunner.run(replay, replayed).stateHash());
        assertEquals(live.lines, replayed.lines);
    }
}
