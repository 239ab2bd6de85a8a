package io.solvent.engine.sim.loop;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.feed.live.LiveEventQueue;
import io.solvent.engine.feed.live.LiveStream;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.model.Book;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.ScenarioInputs;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.SnapshotKeeper;
import io.solvent.engine.sim.loop.EngineCommand.ChangeParameters;
import io.solvent.engine.sim.loop.EngineCommand.Fork;
import io.solvent.engine.sim.loop.EngineCommand.Pause;
import io.solvent.engine.sim.loop.EngineCommand.Play;
import io.solvent.engine.sim.loop.EngineCommand.QueryAccounts;
import io.solvent.engine.sim.loop.EngineCommand.Seek;
import io.solvent.engine.sim.loop.EngineCommand.StepOnce;
import io.solvent.engine.sim.loop.EngineCommand.SwitchTo;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.view.AccountQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine loop on a live stream the test feeds by hand (no network): it plays while nothing arrives, answers
 * commands at once, steps events as they arrive, seeks back and forks on its snapshots, and ends with the stream — at
 * the state hash of a recorded replay of the same events. Timing is never asserted; waits are bounded generously.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveEngineLoopTest {
    static final long T0 = 1_717_516_541_000L;
    private static final long ANSWER_S = 20; // a generous bound on a command's answer: the machine is shared

    static Book book() throws Exception {
        try (InputStream in = LiveEngineLoopTest.class.getResourceAsStream("/live/live-book.json")) {
            return BookReader.read("live-book.json", in);
        }
    }

    /** The book's scenario with one feed, BTCUSDT → BTC and ETHUSDT → ETH. */
    static Scenario scenario(Scenario.Feed feed) throws Exception {
        Scenario base = LiveSession.bookScenario("live test", book(), null).withInsuranceFundUsd(1000);
        ScenarioInputs in = base.inputs();
        return new Scenario("live test", new ScenarioInputs(in.book(), List.of(), in.settlementAsset(), List.of(feed),
                Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH"), Map.of(), Scenario.Window.ALL,
                Scenario.Depth.uniform(200_000), List.of(), in.insuranceFundUsd(), 0, null), base.parameters());
    }

    /** Everything a run told its sink, as comparable text. */
    static final class Recording implements ReplaySink {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

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
                        + v.position() + " " + v.error() + " " + v.notice());
            }
            Thread.sleep(2);
        }
    }

    private static EngineView answer(EngineLoop loop, EngineCommand c) throws Exception {
        return loop.submit(c).get(ANSWER_S, TimeUnit.SECONDS);
    }

    private static String rejection(EngineLoop loop, EngineCommand c) throws Exception {
        CompletableFuture<EngineView> f = loop.submit(c);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(ANSWER_S, TimeUnit.SECONDS));
        return assertInstanceOf(CommandRejectedException.class, e.getCause()).getMessage();
    }

    private static double price(EngineView v, String asset) {
        return v.prices().stream().filter(p -> p.symbol().equals(asset)).findFirst().orElseThrow().priceUsd();
    }

    private static PriceEvent btc(long t, double p) {
        return PriceEvent.of(t, "BTCUSDT", p, "binance-futures");
    }

    private static PriceEvent eth(long t, double p) {
        return PriceEvent.of(t, "ETHUSDT", p, "binance-futures");
    }

    @Test
    void aLiveRunPlaysWhileNothingArrivesStepsWhatArrivesAndEndsWithItsStream() throws Exception {
        LiveEventQueue queue = new LiveEventQueue(1000);
        LiveStream stream = new LiveStream("binance-futures live BTCUSDT,ETHUSDT", queue);
        Scenario s = scenario(new Scenario.StreamFeed(stream.name(), stream, null));
        Recording original = new Recording();
        EngineLoop.Options options = EngineLoop.Options.of(Pacer.of(System::nanoTime))
                .withSnapshots(new SnapshotKeeper.Cadence(1000, 64))
                .withSinks(label -> label.equals(EngineLoop.ORIGINAL) ? original : ReplaySink.NONE);
        try (EngineLoop loop = EngineLoop.start(s, options)) {
            EngineView first = until(loop, v -> v.sequence() > 0, "the first view");
            assertEquals(State.PAUSED, first.state());
            assertEquals(0, first.position());
            assertEquals(Long.MIN_VALUE, first.startMs(), "a live run's start is known at its first event");

            // playing with nothing to play: neither ended nor blocked
            EngineView playing = answer(loop, new Play(1.0));
            assertEquals(State.PLAYING, playing.state());
            EngineView idle = until(loop, v -> v.sequence() >= playing.sequence() + 3, "views while idle");
            assertEquals(State.PLAYING, idle.state(), "no event is not the end");
            assertEquals(0, idle.position());
            assertEquals(State.PLAYING, answer(loop, new QueryAccounts(AccountQuery.riskiest(10))).state());
            assertEquals(State.PAUSED, answer(loop, new Pause()).state());
            assertTrue(rejection(loop, new StepOnce()).contains("no event of the live feed"));
            assertTrue(rejection(loop, new ChangeParameters(s.withDeleveraging("deficit").parameters()))
                    .contains("no event of the live feed has arrived yet"));
            assertEquals(State.PLAYING, answer(loop, new Play(60)).state(), "any speed: as events arrive");

            // prices arrive and move the view
            queue.offer(SourceStatusEvent.of(T0 - 5, "binance-futures", Status.CONNECTED, "connected"));
            queue.offer(btc(T0, 61_500));
            queue.offer(eth(T0 + 1, 3_010));
            EngineView moved = until(loop, v -> v.position() == 3, "three events stepped");
            assertEquals(61_500, price(moved, "BTC"), 1e-9);
            assertEquals(3_010, price(moved, "ETH"), 1e-9);
            assertEquals(T0 - 5, moved.startMs());
            assertEquals(State.PLAYING, moved.state());
            EngineView connected = until(loop, v -> !v.sources().isEmpty(), "the source's state");
            assertEquals(Status.CONNECTED, connected.sources().getFirst().status());

            // a venue liquidation, a crash over several seconds (snapshots every second), a disconnection
            queue.offer(new VenueLiquidationEvent(T0 + 400, "BTCUSDT", "SELL", 61_400, 0.5, "binance-futures"));
            for (int k = 1; k <= 6; k++) {
                queue.offer(btc(T0 + 1000L * k, 61_500 - 1_500.0 * k));
                queue.offer(eth(T0 + 1000L * k + 1, 3_010 - 60.0 * k));
            }
            queue.offer(SourceStatusEvent.of(T0 + 6_500, "binance-futures", Status.DISCONNECTED, "dropped"));
            EngineView crashed = until(loop, v -> v.position() == 17, "the crash stepped");
            assertEquals(52_500, price(crashed, "BTC"), 1e-9);
            assertEquals(1, crashed.venueLiquidations().size());
            assertEquals(61_400, crashed.venueLiquidations().all().getFirst().price());
            assertEquals(Status.DISCONNECTED, until(loop, v -> v.sources().getFirst().status() == Status.DISCONNECTED,
                    "the disconnection").sources().getFirst().status());
            assertTrue(crashed.summary().liquidations() > 0, "the crash liquidates the levered long");

            // seek back on the snapshots, then play forward again: the same figures at the same position
            EngineView paused = answer(loop, new Pause());
            EngineView back = answer(loop, new Seek(T0 + 2_500));
            assertEquals(State.PAUSED, back.state());
            assertTrue(back.position() < paused.position(), back.position() + " < " + paused.position());
            assertEquals(T0 + 2_001, back.timeMs());
            answer(loop, new Play(1.0));
            EngineView again = until(loop, v -> v.position() == paused.position(), "back at the live edge");
            assertEquals(paused.summary(), again.summary());
            assertEquals(State.PLAYING, again.state());

            // a fork goes on with the stream too
            EngineView forked = answer(loop, new Fork("deficit", s.withDeleveraging("deficit").parameters()));
            assertEquals("deficit", forked.activeLabel());
            queue.offer(btc(T0 + 7_000, 52_000));
            until(loop, v -> v.activeLabel().equals("deficit") && v.position() == paused.position() + 1,
                    "the fork steps what arrives");
            answer(loop, new SwitchTo(EngineLoop.ORIGINAL));
            answer(loop, new Play(1.0));

            // the stream ends: the run steps what is left, then ends, at a recorded replay's state hash
            queue.offer(eth(T0 + 7_001, 2_600));
            stream.end();
            EngineView end = until(loop, v -> v.activeLabel().equals(EngineLoop.ORIGINAL)
                    && (v.state() == State.ENDED || v.state() == State.ERROR), "the end of the live run");
            assertEquals(State.ENDED, end.state(), end.error());
            assertEquals(stream.size(), end.position());

            List<FeedEvent> events = stream.events(0, stream.size());
            Scenario recorded = s.withFeeds(List.of(new Scenario.StreamFeed("recorded copy", () -> list(events),
                    null)));
            Recording replayed = new Recording();
            ReplayRunner.Result expected = ReplayRunner.run(recorded, replayed);
            assertEquals(expected.stateHash(), end.stateHash());
            assertEquals(expected.summary(), end.summary());
            // the seek back re-delivered the rows after its time when the run played forward again
            assertEquals(replayed.lines, original.lines.stream().distinct().toList(),
                    "the same rows, events and observations, in order");
            assertEquals(replayed.lines.size(), replayed.lines.stream().distinct().count());
            assertFalse(replayed.lines.isEmpty());
        }
    }

    @Test
    void aLiveRunThatHasNotStartedStillForksAndEndsEmpty() throws Exception {
        LiveEventQueue queue = new LiveEventQueue(10);
        LiveStream stream = new LiveStream("quiet live", queue);
        Scenario s = scenario(new Scenario.StreamFeed(stream.name(), stream, null));
        try (EngineLoop loop = EngineLoop.start(s, EngineLoop.Options.of(Pacer.of(System::nanoTime)))) {
            until(loop, v -> v.sequence() > 0, "the first view");
            EngineView f = answer(loop, new Fork("early", s.withDeleveraging("socialize").parameters()));
            assertEquals("early", f.activeLabel());
            answer(loop, new Play(Double.POSITIVE_INFINITY));
            assertEquals(State.PLAYING, answer(loop, new Seek(T0)).state(), "a seek with nothing arrived moves nothing");
            stream.end();
            EngineView end = until(loop, v -> v.state() == State.ENDED, "an empty run's end");
            assertEquals(0, end.position());
            assertNotEquals("", end.stateHash());
        }
    }

    static FeedReader list(List<FeedEvent> events) {
        ArrayDeque<FeedEvent> q = new ArrayDeque<>(events);
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
}
