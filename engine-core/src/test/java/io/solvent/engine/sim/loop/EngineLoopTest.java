package io.solvent.engine.sim.loop;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineCommand.ChangeParameters;
import io.solvent.engine.sim.loop.EngineCommand.QueryAccounts;
import io.solvent.engine.sim.loop.EngineCommand.ShowAccount;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.loop.EngineCommand.Fork;
import io.solvent.engine.sim.loop.EngineCommand.Pause;
import io.solvent.engine.sim.loop.EngineCommand.Play;
import io.solvent.engine.sim.loop.EngineCommand.Seek;
import io.solvent.engine.sim.loop.EngineCommand.StepOnce;
import io.solvent.engine.sim.loop.EngineCommand.Stop;
import io.solvent.engine.sim.loop.EngineCommand.SwitchTo;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.SnapshotKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine loop on the shipped flash-crash scenario, under a fake wall clock: no assertion depends on real time. */
@Timeout(120)
class EngineLoopTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");
    private static final long START = 1_735_689_600_000L; // flash-crash's first event
    private static final long CRASH = 1_735_690_800_000L; // its shocks begin
    private static final long GAP = 1_735_690_800_000L;   // gap-down's shocks
    private static final long PERIOD = options().publishEveryNanos();

    private static EngineLoop.Options options() {
        return EngineLoop.Options.of(new FakePacer(0));
    }

    /** A wall clock that advances by a fixed step at every read and by the whole wait at every wait. */
    static final class FakePacer implements Pacer {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final long perRead;
        final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

        FakePacer(long perReadNanos) {
            this.perRead = perReadNanos;
        }

        @Override
        public long nanoTime() {
            return now.addAndGet(perRead);
        }

        @Override
        public <T> T await(BlockingQueue<T> queue, long nanos) {
            assertTrue(nanos > 0, "waits are positive");
            waits.add(nanos);
            now.addAndGet(nanos);
            return queue.poll();
        }
    }

    private static Scenario flash() {
        return ScenarioReader.read(SCENARIOS.resolve("flash-crash.json"));
    }

    private static EngineView until(EngineLoop loop, Predicate<EngineView> done) throws InterruptedException {
        for (EngineView v = loop.latest(); ; v = loop.latest()) {
            if (done.test(v)) {
                return v;
            }
            Thread.sleep(1);
        }
    }

    private static EngineView ended(EngineLoop loop) throws InterruptedException {
        return until(loop, v -> v.state() == State.ENDED || v.state() == State.ERROR);
    }

    private static String rejection(CompletableFuture<EngineView> answer) {
        CompletionException e = assertThrows(CompletionException.class, answer::join);
        return assertInstanceOf(CommandRejectedException.class, e.getCause()).getMessage();
    }

    @Test
    void playingToTheEndAsFastAsPossibleEndsLikeReplayRunner() throws Exception {
        Scenario s = flash();
        ReplayRunner.Result expected = ReplayRunner.run(s, ReplaySink.NONE);
        try (EngineLoop loop = EngineLoop.start(s, options())) {
            EngineView first = until(loop, v -> v.sequence() > 0);
            assertEquals(State.PAUSED, first.state());
            assertEquals(0, first.position());
            assertEquals(START, first.startMs());
            List<String> symbols = first.prices().stream().map(EngineView.AssetPrice::symbol).toList();
            assertTrue(symbols.containsAll(List.of("ETH", "BTC")), "prices by asset: " + symbols);
            assertEquals(20_000, first.fundUsd(), 1e-9);

            EngineView playing = loop.submit(Play.FASTEST).join();
            assertEquals(Double.POSITIVE_INFINITY, playing.speed());
            EngineView end = ended(loop);
            assertEquals(State.ENDED, end.state(), end.error());
            assertEquals(expected.stateHash(), end.stateHash());
            assertEquals(expected.summary(), end.summary());
            assertEquals(expected.ticks(), end.ticks());
            assertTrue(end.figuresAtMs() >= end.timeMs(), "the end's figures include the oracles' last deliveries");
            assertEquals(expected.summary().fundEndUsd(), end.fundUsd(), 1e-9);
            assertTrue(end.recentEvents().size() <= EngineLoop.Options.DEFAULT_RECENT_EVENTS);
            assertFalse(end.recentEvents().isEmpty(), "the crash liquidates");
            assertFalse(end.recentEvents().getLast().account().isEmpty(), "names resolved");

            assertTrue(rejection(loop.submit(Play.FASTEST)).contains("has ended"), "an ended run does not play");
            assertTrue(rejection(loop.submit(new StepOnce())).contains("has ended"));
            assertTrue(rejection(loop.submit(new Fork("late", s.withDeleveraging("deficit").parameters()))).contains("has ended"));
        }
    }

    @Test
    void pausingStopsProgress() throws Exception {
        try (EngineLoop loop = EngineLoop.start(flash(), options())) {
            for (int i = 1; i <= 3; i++) {
                EngineView v = loop.submit(new StepOnce()).join();
                assertEquals(i, v.position());
                assertEquals(State.PAUSED, v.state());
                assertEquals(v.timeMs(), v.figuresAtMs(), "a command's answer has exact figures");
            }
            loop.submit(Play.FASTEST);
            EngineView paused = loop.submit(new Pause()).join();
            assertEquals(State.PAUSED, paused.state());
            assertTrue(paused.position() >= 3);
            // the queue drained: nothing moves any more
            EngineView later = loop.submit(new SwitchTo(EngineLoop.ORIGINAL)).join();
            assertEquals(paused.position(), later.position());
            assertEquals(paused.position(), loop.latest().position());
            assertTrue(later.sequence() > paused.sequence());
        }
    }

    @Test
    void seekingBackAndPlayingToTheEndGivesTheSameHash() throws Exception {
        Scenario s = flash();
        String expected = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        long t = CRASH + 120_000;
        long positionAtT;
        try (Replay straight = Replay.start(s, ReplaySink.NONE)) {
            straight.stepThrough(t);
            positionAtT = straight.position();
        }
        try (EngineLoop loop = EngineLoop.start(s, options().withSnapshots(new SnapshotKeeper.Cadence(60_000,
                8)))) {
            loop.submit(Play.FASTEST).join();
            assertEquals(expected, ended(loop).stateHash());

            EngineView back = loop.submit(new Seek(t)).join();
            assertEquals(State.PAUSED, back.state(), "a seek back reopens an ended run, paused");
            assertEquals(positionAtT, back.position());
            assertTrue(back.timeMs() <= t);
            assertEquals("", back.stateHash());
            assertTrue(back.recentEvents().stream().allMatch(e -> e.event().timeMs() <= t), "no event from after T");

            loop.submit(Play.FASTEST).join();
            EngineView end = ended(loop);
            assertEquals(expected, end.stateHash());

            EngineView forward = loop.submit(new Seek(Long.MAX_VALUE)).join();
            assertEquals(State.ENDED, forward.state(), "seeking past the end of an ended run changes nothing");
            assertEquals(end.position(), forward.position());
        }
    }

    @Test
    void aForkEndsLikeAForkMadeDirectlyAndTheOriginalLikeAnUnforkedRun() throws Exception {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json")); // its fund runs dry
        Scenario deficit = s.withDeleveraging("deficit");
        String unforked = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        long t = GAP - 1_000;
        String direct;
        long positionAtT;
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.stepThrough(t);
            positionAtT = r.position();
            try (Replay f = Replay.fork(r.snapshot(), deficit.parameters(), ReplaySink.NONE)) {
                while (f.step()) {
                    // to the end
                }
                direct = f.finish().stateHash();
            }
        }
        assertNotEquals(unforked, direct, "the deficit policy changes the outcome of this crash");

        try (EngineLoop loop = EngineLoop.start(s, options())) {
            loop.submit(new Seek(t)).join();
            EngineView forked = loop.submit(new Fork("deficit", deficit.parameters())).join();
            assertEquals("deficit", forked.activeLabel());
            assertEquals(List.of(EngineLoop.ORIGINAL, "deficit"), forked.labels());
            assertEquals(positionAtT, forked.position());
            assertEquals(forked.timeMs(), forked.startMs(), "a fork starts at its moment");
            assertTrue(rejection(loop.submit(new Seek(t - 60_000))).contains("starts at"),
                    "a fork cannot seek to before its moment");

            loop.submit(Play.FASTEST).join();
            EngineView forkEnd = ended(loop);
            assertEquals("deficit", forkEnd.activeLabel());
            assertEquals(direct, forkEnd.stateHash());

            assertTrue(forkEnd.runs().get(0).ended(), "the original moved with the fork, to the end");
            assertEquals(unforked, forkEnd.runs().get(0).stateHash());
            EngineView originalEnd = loop.submit(new SwitchTo(EngineLoop.ORIGINAL)).join();
            assertEquals(State.ENDED, originalEnd.state());
            assertEquals(EngineLoop.ORIGINAL, originalEnd.activeLabel());
            assertEquals(unforked, originalEnd.stateHash());

            EngineView back = loop.submit(new SwitchTo("deficit")).join();
            assertEquals(direct, back.stateHash(), "each run keeps its own state");
        }
    }

    @Test
    void aChangeOfParametersEndsLikeAForkAndIsAnEventOfTheRun() throws Exception {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        Parameters deficit = s.parameters().with("deleveraging", "deficit");
        long t = GAP - 1_000;
        String forked;
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.stepThrough(t);
            try (Replay f = Replay.fork(r.snapshot(), deficit, ReplaySink.NONE)) {
                while (f.step()) {
                    // to the end
                }
                forked = f.finish().stateHash();
            }
        }
        try (EngineLoop loop = EngineLoop.start(s, options())) {
            loop.submit(new Seek(t)).join();
            EngineView changed = loop.submit(new ChangeParameters(deficit)).join();
            assertEquals(List.of(EngineLoop.ORIGINAL), changed.labels(), "a change is not a fork");
            assertEquals(SimulationEvent.Kind.PARAMETER_CHANGE, changed.recentEvents().getLast().event().kind());
            assertEquals("deleveraging: adl-ranked → deficit", changed.recentEvents().getLast().event().detail());
            Parameters other = Parameters.defaults(BookReader.read(Path.of("..", "assets", "books", "example.json")));
            assertTrue(rejection(loop.submit(new ChangeParameters(other))).contains("the book has"));
            loop.submit(Play.FASTEST).join();
            assertEquals(forked, ended(loop).stateHash());
            assertTrue(rejection(loop.submit(new ChangeParameters(s.parameters()))).contains("has ended"));
        }
    }

    @Test
    void aReaderThatSkipsViewsStillGetsEveryPointAndEvent() throws Exception {
        Scenario s = flash();
        List<ReplaySink.MetricsRow> rows = new ArrayList<>();
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.run(s, new ReplaySink() {
            @Override
            public void event(SimulationEvent e, String account, String subaccount, String market) {
                events.add(e);
            }

            @Override
            public void metrics(MetricsRow row) {
                rows.add(row);
            }
        });
        try (EngineLoop loop = EngineLoop.start(s, options())) {
            loop.submit(Play.FASTEST).join();
            List<Long> seen = new ArrayList<>();
            List<SimulationEvent> got = new ArrayList<>();
            long epoch = -1;
            int readRows = 0;
            int readEvents = 0;
            for (EngineView v = loop.latest(); ; v = loop.latest()) {
                if (v.series().epoch() != epoch) {
                    epoch = v.series().epoch();
                    readRows = 0;
                }
                v.series().since(readRows).forEach(r -> seen.add(r.timeMs()));
                readRows = v.series().size();
                v.events().since(readEvents).forEach(e -> got.add(e.event()));
                readEvents = v.events().size();
                if (v.state() == State.ENDED) {
                    break;
                }
                Thread.sleep(3); // a slow reader: most views are never read
            }
            assertEquals(rows.stream().map(ReplaySink.MetricsRow::timeMs).toList(), seen, "every row, in order");
            assertEquals(events, got, "every event, in order");
        }
    }

    @Test
    void pagesAndAnAccountAreAskedForAndRefreshed() throws Exception {
        Scenario s = flash();
        try (EngineLoop loop = EngineLoop.start(s, options())) {
            loop.submit(new Seek(CRASH + 300_000)).join();
            EngineView v = loop.submit(new QueryAccounts(new AccountQuery(AccountQuery.Column.HEALTH_FACTOR, true, "",
                    "", AccountQuery.Show.ALL, 0, 25))).join();
            assertNotNull(v.accounts());
            assertEquals(25, v.accounts().rows().size());
            assertEquals(v.timeMs(), v.accounts().asOfMs(), "answered at once, exact now");
            assertEquals(v.timeMs(), v.risk().asOfMs());
            assertFalse(v.risk().riskiest().isEmpty());
            var first = v.accounts().rows().getFirst();
            EngineView shown = loop.submit(new ShowAccount(first.account(), first.subAccount())).join();
            assertEquals(first, shown.account().row());
            assertTrue(rejection(loop.submit(new ShowAccount("nobody", "0"))).contains("no sub-account '0' of"
                    + " account 'nobody'"));
            EngineView later = loop.submit(new Seek(CRASH + 600_000)).join();
            assertEquals(later.timeMs(), later.account().asOfMs(), "the account follows the run");
            assertEquals(later.timeMs(), later.accounts().asOfMs(), "so does the page");
            assertEquals(List.of(), later.runs().getFirst().parameters());
            assertEquals(s.parameters().values(), later.parameters());
            EngineView cleared = loop.submit(new QueryAccounts(null)).join();
            assertNull(cleared.accounts());
            EngineView forked = loop.submit(new Fork("deficit", s.parameters().with("deleveraging", "deficit")))
                    .join();
            assertEquals(2, forked.runs().size());
            assertEquals(List.of("deleveraging: adl-ranked → deficit"), forked.runs().get(1).parameters());
            assertEquals(later.timeMs(), forked.runs().get(1).forkedAtMs());
            assertEquals(forked.runs().get(0).figures().fundUsd(), forked.runs().get(1).figures().fundUsd(),
                    "at the fork both runs stand at the same figures");
            assertEquals("deficit", forked.parameters().get("deleveraging"));
        }
    }

    @Test
    void aPlayedRunWaitsForEachEventAtTheSpeed() throws Exception {
        Scenario s = flash();
        String expected = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        FakePacer pacer = new FakePacer(0);
        try (EngineLoop loop = EngineLoop.start(s, EngineLoop.Options.of(pacer))) {
            loop.submit(new Play(2.0)).join(); // two simulated seconds per wall second
            EngineView end = ended(loop);
            assertEquals(expected, end.stateHash());
            long simulated = end.timeMs() - START;
            long waited = pacer.waits.stream().mapToLong(Long::longValue).sum();
            // one wait per one-second step of the feeds (both feeds step together), 500 ms each
            assertEquals(simulated / 1000, pacer.waits.size());
            assertTrue(pacer.waits.stream().allMatch(w -> w == 500_000_000L), "each step 500 ms apart");
            assertEquals(simulated * 1_000_000L / 2, waited);
        }
    }

    @Test
    void publicationsAreBoundedByTheClockAndTheCommands() throws Exception {
        FakePacer pacer = new FakePacer(1_000_000L); // 1 ms per read: at least 1 ms per step
        long begin = pacer.now.get();
        try (EngineLoop loop = EngineLoop.start(flash(), EngineLoop.Options.of(pacer))) {
            loop.submit(Play.FASTEST).join();
            EngineView end = ended(loop);
            long elapsed = pacer.now.get() - begin;
            int commands = 1;
            // one when the run opens, one per command, one at the end, the rest at most one per period
            long bound = elapsed / PERIOD + commands + 2;
            assertTrue(end.sequence() <= bound, end.sequence() + " publications > " + bound);
            assertTrue(end.sequence() >= elapsed / PERIOD / 2, "while playing, views are published: "
                    + end.sequence() + " in " + elapsed / 1_000_000 + " ms of the fake clock");
            assertTrue(end.position() > 10 * end.sequence(), "far fewer publications than steps");
            System.out.println("publications: " + end.sequence() + " for " + end.position() + " feed events in "
                    + elapsed / 1_000_000 + " ms of the fake clock (bound " + bound + ")");
        }
    }

    @Test
    void onlyTheEngineThreadTouchesTheReplaysAndCloseJoinsIt() throws Exception {
        Scenario s = flash();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ReplaySink recorder = new ReplaySink() {
            @Override
            public void event(SimulationEvent event, String account, String subaccount, String market) {
                threads.add(Thread.currentThread());
            }

            @Override
            public void metrics(MetricsRow row) {
                threads.add(Thread.currentThread());
            }
        };
        EngineLoop loop = EngineLoop.start(s, options().withSinks(label -> recorder));
        try (loop) {
            loop.submit(new StepOnce()).join();
            loop.submit(new Seek(CRASH + 300_000)).join();
            loop.submit(new Fork("socialize", s.withDeleveraging("socialize").parameters())).join();
            loop.submit(Play.FASTEST).join();
            ended(loop);
            loop.submit(new SwitchTo(EngineLoop.ORIGINAL)).join();
            loop.submit(new Seek(CRASH)).join();
            loop.submit(Play.FASTEST).join();
            ended(loop);
        }
        assertEquals(1, threads.size(), "one thread: " + threads);
        Thread engine = threads.iterator().next();
        assertEquals(EngineLoop.THREAD_NAME, engine.getName());
        assertTrue(engine.isDaemon());
        assertNotEquals(Thread.currentThread(), engine);
        assertFalse(engine.isAlive(), "close() joined the thread");
        assertEquals(State.STOPPED, loop.latest().state());
        assertTrue(rejection(loop.submit(new StepOnce())).contains("stopped"));
    }

    @Test
    void aFullQueueRejectsAtOnceAndCloseStillJoins() throws Exception {
        java.util.concurrent.CountDownLatch inStep = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ReplaySink blocking = new ReplaySink() {
            @Override
            public void event(SimulationEvent event, String account, String subaccount, String market) {
            }

            @Override
            public void metrics(MetricsRow row) {
                inStep.countDown();
                try {
                    release.await(); // holds the engine thread inside its first step
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        EngineLoop loop = EngineLoop.start(flash(), options().withQueueCapacity(1).withSinks(l -> blocking));
        CompletableFuture<EngineView> step = loop.submit(new StepOnce());
        inStep.await();
        CompletableFuture<EngineView> queued = loop.submit(new SwitchTo(EngineLoop.ORIGINAL));
        assertTrue(rejection(loop.submit(new Pause())).contains("queue is full"), "never blocks the caller");
        release.countDown();
        assertEquals(1, step.join().position());
        assertEquals(1, queued.join().position());
        loop.close();
        assertEquals(State.STOPPED, loop.latest().state());
    }

    @Test
    void badCommandsAreRejectedAndTheLoopCarriesOn() throws Exception {
        Scenario s = flash();
        try (EngineLoop loop = EngineLoop.start(s, options())) {
            assertTrue(rejection(loop.submit(new Seek(START - 1))).contains("starts at"));
            assertTrue(rejection(loop.submit(new SwitchTo("nope"))).contains("no run labelled 'nope'"));
            assertTrue(rejection(loop.submit(new Play(0))).contains("speed > 0"));
            assertTrue(rejection(loop.submit(new Play(Double.NaN))).contains("speed > 0"));
            assertTrue(rejection(loop.submit(new Fork(EngineLoop.ORIGINAL, s.parameters()))).contains("exists already"));
            assertTrue(rejection(loop.submit(new Fork(" ", s.parameters()))).contains("label"));
            // inputs cannot be forked by type; parameters of another book are refused by its markets and assets
            Parameters other = Parameters.defaults(BookReader.read(Path.of("..", "assets", "books", "example.json")));
            assertTrue(rejection(loop.submit(new Fork("other", other))).contains("the book has"));
            EngineView after = loop.latest();
            assertFalse(after.notice().isEmpty(), "the rejection is in the view too: " + after.notice());
            EngineView stepped = loop.submit(new StepOnce()).join();
            assertEquals(1, stepped.position());
            assertEquals("", stepped.notice());
            assertEquals(List.of(EngineLoop.ORIGINAL), stepped.labels());
            // a re-read scenario with another parameter is the same input
            EngineView fork = loop.submit(new Fork("reread", flash().withDeleveraging("deficit").parameters())).join();
            assertEquals("reread", fork.activeLabel());
        }
    }

    private static long positionAtFailure(Scenario s) {
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            assertThrows(io.solvent.engine.input.InputException.class, () -> {
                while (r.step()) {
                    // to the bad line
                }
            });
            return r.position();
        }
    }

    @Test
    void anEngineExceptionBecomesAnErrorStateAndTheLoopStillAnswers(@TempDir Path dir) throws Exception {
        Path ticks = dir.resolve("ticks.csv");
        StringBuilder csv = new StringBuilder("timestamp_ms,symbol,price\n");
        for (int i = 0; i < 100; i++) {
            csv.append(START + i * 1000L).append(",ETHUSD,").append(i == 48 ? "39O0" : "3990").append('\n');
        }
        Files.writeString(ticks, csv.toString());
        Scenario s = flash().withFeeds(List.of(new Scenario.RecordedFeed(ticks, "ticks")));
        try (EngineLoop loop = EngineLoop.start(s, options().withSnapshots(new SnapshotKeeper.Cadence(10_000,
                8)))) {
            loop.submit(Play.FASTEST).join();
            EngineView failed = until(loop, v -> v.state() == State.ERROR);
            assertTrue(failed.error().contains("line 50"), failed.error());
            assertTrue(failed.error().contains("ticks.csv"), failed.error());
            assertEquals(positionAtFailure(s), failed.position(), "where a plain replay fails");
            assertTrue(failed.position() >= 40, "most good lines before it were processed");
            assertTrue(rejection(loop.submit(Play.FASTEST)).contains("stopped on an error"));
            assertTrue(rejection(loop.submit(new Seek(START + 90_000))).contains("seek back"));

            EngineView back = loop.submit(new Seek(START + 20_000)).join();
            assertEquals(State.PAUSED, back.state());
            assertEquals("", back.error());
            assertEquals(21, back.position());

            EngineView stop = loop.submit(new Stop()).join();
            assertEquals(State.STOPPED, stop.state());
        }
    }

    @Test
    void aHaltedRunSaysWhatBrokeAndWhenWithoutAnExceptionsName() {
        var halted = new io.solvent.engine.sim.InvariantViolationException(new io.solvent.engine.sim.InvariantViolation(
                0, 7, "insurance-fund", "fund 'venue' holds -1.0 USD; a fund never holds less than nothing"));
        assertEquals("the run halted at 1970-01-01T00:00:00Z (step 7): insurance-fund invariant broken: fund 'venue'"
                + " holds -1.0 USD; a fund never holds less than nothing", EngineLoop.message(halted));
        assertEquals("IllegalStateException: x", EngineLoop.message(new IllegalStateException("x")));
    }
}
