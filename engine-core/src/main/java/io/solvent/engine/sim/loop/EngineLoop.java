package io.solvent.engine.sim.loop;

import io.solvent.engine.input.InputException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.SnapshotKeeper;
import io.solvent.engine.sim.ScenarioFeeds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The engine's single writer: one platform thread ({@value #THREAD_NAME}, a daemon) owns every replay of a scenario —
 * the original and its forks — and is the only thread that touches them. Commands ({@link EngineCommand}) reach it
 * through a bounded queue and are carried out between two feed events; readers take the newest immutable
 * {@link EngineView} with {@link #latest()}, which never blocks and never touches engine state.
 *
 * <p>Paused, the thread blocks on the queue. Playing, it drains the queue, then steps the active run; at a finite
 * speed it first waits (on the queue, so a command cuts the wait short) until the wall time at which the next feed
 * event is due: {@code anchorWall + (eventTime − anchorTime) / speed}, the anchor being reset by every command that
 * moves the run or changes the speed. A loop that falls behind catches up as fast as it can. Wall time comes only
 * from the {@link Pacer} the owner gives; nothing the engine computes depends on it.
 *
 * <p>A run on a live feed ({@link Replay#live()}: a venue's stream, {@code io.live.LiveSession}) is paced by its
 * events' arrival, whatever the speed: playing, it steps every event that has arrived, and when none is waiting it
 * neither ends nor blocks — it waits on the command queue at most {@value #LIVE_POLL_NANOS} ns (or the publication
 * period, when shorter) and looks again, publishing views at the usual bounded rate, so that commands are served at
 * once and the console stays current. Seeking and forking a live run use the kept snapshots, as for a recorded run;
 * a seek forward stops at the last event that has arrived. A live run ends when its stream ends (the session closed).
 *
 * <p>A view is published at most once per {@link Options#publishEveryNanos()} of pacer time while playing, and
 * always right after a command is processed, when a run ends or stops on an error, and when the loop stops. Every
 * command is answered by the future {@link #submit} returns: completed with the view published right after it, or
 * completed exceptionally with a {@link CommandRejectedException} whose message is also that view's
 * {@link EngineView#notice()}. Futures complete on the engine thread: dependent stages that do real work should be
 * attached with the {@code ...Async} methods.
 *
 * <p>An exception while stepping (a bad feed line's {@link InputException}, or any engine failure) stops playing and
 * puts the active run in {@link State#ERROR} with the exception's message; the thread stays up and takes commands: a
 * seek back to before the failure (which restores a kept snapshot), a fork, a switch to another run, or stop.
 */
public final class EngineLoop implements AutoCloseable {
    /** Label of the run started from the scenario itself. */
    public static final String ORIGINAL = "original";
    /** Name of the engine thread. */
    public static final String THREAD_NAME = "solvent-engine";

    /** The longest single wait for a due event, ns (an hour): the wait is simply taken again after it. */
    private static final long LONGEST_WAIT_NANOS = 3_600_000_000_000L;
    /** The longest wait on the command queue while a playing live run has no event waiting, ns (10 ms). */
    public static final long LIVE_POLL_NANOS = 10_000_000L;

    /**
     * How a loop runs.
     *
     * @param pacer             the wall clock and the waits ({@code Pacer.of(System::nanoTime)} in the application)
     * @param publishEveryNanos the shortest pacer time between two publications while playing, ns, {@code > 0}
     * @param recentEvents      how many of the latest events a view holds, {@code >= 0}
     * @param queueCapacity     how many commands may wait in the queue, {@code >= 1}; a command submitted to a full
     *                          queue is rejected at once
     * @param snapshots         the snapshot cadence every run keeps, for seeking back
     * @param sinks             given a run's label, the sink that also receives that run's events and metrics rows
     *                          (on the engine thread; a fork's from the fork's moment on)
     */
    public record Options(Pacer pacer, long publishEveryNanos, int riskiest, double riskShare, int queueCapacity,
                          SnapshotKeeper.Cadence snapshots, Function<String, ReplaySink> sinks) {
        /** Default shortest time between publications while playing: 50 ms (20 Hz). */
        public static final long DEFAULT_PUBLISH_EVERY_NANOS = 50_000_000L;
        /** How many recent events {@link EngineView#recentEvents()} returns (every event is in the view's log). */
        public static final int DEFAULT_RECENT_EVENTS = EngineView.RECENT_EVENTS;
        /** Default number of the riskiest sub-accounts a view lists. */
        public static final int DEFAULT_RISKIEST = 50;
        /** Default share of the engine thread's time the whole-book risk pass may take while playing: 5%. */
        public static final double DEFAULT_RISK_SHARE = 0.05;
        /** Default command queue capacity. */
        public static final int DEFAULT_QUEUE_CAPACITY = 256;
        /** Default snapshot cadence: every simulated minute, at most 64 kept per run. */
        public static final SnapshotKeeper.Cadence DEFAULT_SNAPSHOTS =
                new SnapshotKeeper.Cadence(60_000, 64);

        public Options {
            Objects.requireNonNull(pacer, "pacer");
            if (publishEveryNanos <= 0) {
                throw new IllegalArgumentException("expected a publication period > 0 ns, was " + publishEveryNanos);
            }
            if (riskiest < 0) {
                throw new IllegalArgumentException("expected a number of riskiest sub-accounts >= 0, was " + riskiest);
            }
            if (!(riskShare > 0 && riskShare <= 1)) {
                throw new IllegalArgumentException("expected a share of the engine's time in (0, 1], was " + riskShare);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("expected a queue capacity >= 1, was " + queueCapacity);
            }
            Objects.requireNonNull(snapshots, "snapshots");
            Objects.requireNonNull(sinks, "sinks");
        }

        /**
         * @param pacer the wall clock and the waits
         * @return the defaults: 20 Hz, the 50 riskiest, a 5% risk pass, 256 queued commands,
         *         {@link #DEFAULT_SNAPSHOTS}, no sinks
         */
        public static Options of(Pacer pacer) {
            return new Options(pacer, DEFAULT_PUBLISH_EVERY_NANOS, DEFAULT_RISKIEST, DEFAULT_RISK_SHARE,
                    DEFAULT_QUEUE_CAPACITY, DEFAULT_SNAPSHOTS, label -> ReplaySink.NONE);
        }

        /** @param nanos shortest time between publications while playing, ns @return a copy with it */
        public Options withPublishEveryNanos(long nanos) {
            return new Options(pacer, nanos, riskiest, riskShare, queueCapacity, snapshots, sinks);
        }

        /** @param n the riskiest sub-accounts per view @return a copy with it */
        public Options withRiskiest(int n) {
            return new Options(pacer, publishEveryNanos, n, riskShare, queueCapacity, snapshots, sinks);
        }

        /** @param share the risk pass's share of the engine thread's time while playing @return a copy with it */
        public Options withRiskShare(double share) {
            return new Options(pacer, publishEveryNanos, riskiest, share, queueCapacity, snapshots, sinks);
        }

        /** @param n queue capacity @return a copy with it */
        public Options withQueueCapacity(int n) {
            return new Options(pacer, publishEveryNanos, riskiest, riskShare, n, snapshots, sinks);
        }

        /** @param c snapshot cadence @return a copy with it */
        public Options withSnapshots(SnapshotKeeper.Cadence c) {
            return new Options(pacer, publishEveryNanos, riskiest, riskShare, queueCapacity, c, sinks);
        }

        /** @param s label to sink @return a copy with it */
        public Options withSinks(Function<String, ReplaySink> s) {
            return new Options(pacer, publishEveryNanos, riskiest, riskShare, queueCapacity, snapshots, s);
        }
    }

    private record Pending(EngineCommand command, CompletableFuture<EngineView> answer) {
    }

    private final Options options;
    private final Pacer pacer;
    private final Scenario scenario;
    private final BlockingQueue<Pending> queue;
    private final AtomicReference<EngineView> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean terminated;

    // engine-thread state
    private final Map<String, LoopRun> runs = new LinkedHashMap<>();
    private LoopRun active;
    private final ViewAssembler views;
    private String startError;
    private boolean playing;
    private boolean stopped;
    private final Pacing pacing;
    private long lastPublishNanos;
    private long sequence;
    /** A forward {@link EngineCommand.SeekEvent} under way: the kind sought, or null. */
    private io.solvent.engine.sim.SimulationEvent.Kind seeking;
    private int seekingFrom;        // the active run's event count when the search began
    private double speedBeforeSeeking;
    /** The preview computed for the command being answered, or null. */
    private io.solvent.engine.sim.view.ParameterPreview preview;

    private EngineLoop(Scenario scenario, Options options) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.options = Objects.requireNonNull(options, "options");
        this.pacer = options.pacer();
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.views = new ViewAssembler(pacer, options.riskShare(), scenario.parameters());
        this.pacing = new Pacing(pacer);
        latest.set(views.starting());
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::loop);
    }

    /**
     * Starts the engine thread, which opens the scenario's replay (paused before its first event) and publishes its
     * first view. A scenario that cannot be opened (a missing feed file) leaves the loop in {@link State#ERROR} with
     * no run; it still answers {@link EngineCommand.Stop}.
     *
     * @param scenario the scenario; its run is labelled {@link #ORIGINAL}
     * @param options  pacing, publication and snapshot settings
     * @return the running loop, to {@link #close()} when done
     */
    public static EngineLoop start(Scenario scenario, Options options) {
        EngineLoop loop = new EngineLoop(scenario, options);
        loop.thread.start();
        return loop;
    }

    /**
     * Queues a command. Never blocks.
     *
     * @param command the command
     * @return completed, on the engine thread, with the view published right after the command was carried out, or
     * exceptionally with a {@link CommandRejectedException} (bad arguments, full queue, stopped loop)
     */
    public CompletableFuture<EngineView> submit(EngineCommand command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<EngineView> answer = new CompletableFuture<>();
        Pending p = new Pending(command, answer);
        if (terminated || closing) {
            answer.completeExceptionally(new CommandRejectedException("the engine loop has stopped"));
        } else if (!queue.offer(p)) {
            answer.completeExceptionally(new CommandRejectedException("the engine's command queue is full ("
                    + options.queueCapacity() + " commands waiting); try again"));
        } else if (terminated) {
            // the thread may have drained the queue for the last time before this command went in
            queue.remove(p);
            answer.completeExceptionally(new CommandRejectedException("the engine loop has stopped"));
        }
        return answer;
    }

    /** @return how many commands wait in the queue now (at most the options' capacity); never blocks */
    public int queuedCommands() {
        return queue.size();
    }

    /** @return the newest published view; never blocks, never touches engine state */
    public EngineView latest() {
        return latest.get();
    }

    /**
     * Stops the loop (as {@link EngineCommand.Stop} would, after the commands already queued) and waits for the
     * engine thread to end. Called on the engine thread itself (from a future's dependent stage), it only asks.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == thread) {
            closing = true;
            return;
        }
        if (thread.isAlive() && !terminated && !queue.offer(new Pending(new EngineCommand.Stop(),
                new CompletableFuture<>()))) {
            closing = true; // the queue is full: end after the current step
            thread.interrupt();
        }
        closing = true;
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the engine thread

    private void loop() {
        CompletableFuture<EngineView> stopAnswer = null;
        String fatal = null;
        try {
            open();
            publish("", true);
            while (!stopped) {
                if (closing && queue.isEmpty()) {
                    break;
                }
                Pending p;
                if (!movable()) {
                    p = queue.take();
                } else if (active.replay.live()) {
                    p = queue.poll();
                    if (p == null && !readyOrFailed(active)) {
                        // nothing has arrived: serve commands and keep the views current while waiting for it
                        p = pacer.await(queue, Math.min(LIVE_POLL_NANOS, options.publishEveryNanos()));
                        if (p == null) {
                            idle();
                            continue;
                        }
                    }
                } else {
                    p = queue.poll();
                    if (p == null && !pacing.fastest()) {
                        double wait = waitNanos();
                        if (wait > 0) {
                            p = pacer.await(queue, (long) Math.min(LONGEST_WAIT_NANOS, Math.ceil(wait)));
                            if (p == null) {
                                continue; // look again: the event may be due now
                            }
                        }
                    }
                }
                if (p == null) {
                    advance();
                } else if (p.command() instanceof EngineCommand.Stop) {
                    stopped = true;
                    stopAnswer = p.answer();
                } else {
                    handle(p);
                }
            }
        } catch (InterruptedException e) {
            // close() found the queue full: end now
        } catch (RuntimeException | Error e) {
            fatal = message(e); // a defect of the loop itself: end with a view that says so
        } finally {
            terminated = true;
            playing = false;
            for (LoopRun r : runs.values()) {
                try {
                    r.replay.close();
                } catch (RuntimeException e) {
                    // closing a feed reader: nothing more to do
                }
            }
            EngineView last = publishSafely(fatal);
            for (Pending p = queue.poll(); p != null; p = queue.poll()) {
                if (p.command() instanceof EngineCommand.Stop) {
                    p.answer().complete(last);
                } else {
                    p.answer().completeExceptionally(new CommandRejectedException("the engine loop has stopped"));
                }
            }
            if (stopAnswer != null) {
                stopAnswer.complete(last);
            }
            // the engines (and their snapshots) are not needed any more: a reader that still holds the loop keeps
            // only its last view
            runs.clear();
            active = null;
        }
    }

    private EngineView publishSafely(String fatal) {
        try {
            if (fatal != null && active != null) {
                active.error = fatal;
            } else if (fatal != null) {
                startError = fatal;
            }
            return publish("", true);
        } catch (RuntimeException e) {
            EngineView stoppedView = views.stopped(latest.get(), fatal == null ? message(e) : fatal);
            latest.set(stoppedView);
            return stoppedView;
        }
    }

    private void open() {
        LoopRun r = newRun(ORIGINAL, Long.MIN_VALUE);
        try {
            r.replay = Replay.start(scenario, r).keepSnapshots(options.snapshots());
        } catch (RuntimeException e) {
            startError = "cannot start the scenario: " + message(e);
            return;
        }
        runs.put(ORIGINAL, r);
        active = r;
        try {
            // a live run's start is known once its first event has arrived (noteStart)
            r.startMs = r.replay.ready() ? r.replay.nextTimeMs() : Long.MIN_VALUE;
            r.endHintMs = ScenarioFeeds.endHintMs(scenario);
            settleEnd(r);
        } catch (RuntimeException e) {
            fail(r, e);
        }
    }

    private LoopRun newRun(String label, long forkedAtMs) {
        return new LoopRun(label, forkedAtMs, options.sinks().apply(label), options.riskiest());
    }

    /** @return whether the active run is playing and can move */
    private boolean movable() {
        return playing && active != null && !active.ended() && active.error == null;
    }

    /** @return ns to wait before the active run's next event is due at the current speed (≤ 0: due now) */
    private double waitNanos() {
        return pacing.waitNanos(active.replay.nextTimeMs());
    }

    private void anchor() {
        pacing.anchor(active == null ? Long.MIN_VALUE : active.replay.timeMs());
    }

    /**
     * @return whether the run's next step would not wait (always, unless live); a failure to read ahead puts the run
     * in error and counts as ready (the loop then stops playing it)
     */
    private boolean readyOrFailed(LoopRun r) {
        try {
            return r.replay.ready();
        } catch (RuntimeException e) {
            fail(r, e);
            publish("", true);
            return true;
        }
    }

    /** A playing live run with nothing waiting: a publication when one is due. */
    private void idle() {
        if (pacer.nanoTime() - lastPublishNanos >= options.publishEveryNanos()) {
            publish("", false);
        }
    }

    /** A live run's start, once its first event has arrived ({@link Long#MIN_VALUE} until then). */
    private static void noteStart(LoopRun r) {
        if (r.startMs == Long.MIN_VALUE && r.replay.position() == 0 && r.replay.ready()) {
            r.startMs = r.replay.nextTimeMs();
        }
    }

    /** One feed event of the active run while playing, and a publication when one is due. */
    private void advance() {
        LoopRun r = active;
        if (!movable()) {
            return; // failed reading ahead (readyOrFailed)
        }
        try {
            noteStart(r);
            r.replay.step();
            settleEnd(r);
        } catch (RuntimeException e) {
            fail(r, e);
        }
        follow(r);
        if (seeking != null && found(r)) {
            publish("", true);
        } else if (r.ended() || r.error != null) {
            endSeeking();
            publish("", true);
        } else if (pacer.nanoTime() - lastPublishNanos >= options.publishEveryNanos()) {
            publish("", false);
        }
    }

    /**
     * Runs move together: every other run that has not ended steps through the events stamped at or before the
     * active run's time (all of them when the active run has ended), so that a fork and its original stand at the
     * same moment while they play. A run ahead of the active one (after a seek back) waits for it.
     */
    private void follow(LoopRun leader) {
        if (runs.size() < 2) {
            return;
        }
        long t = leader.ended() ? Long.MAX_VALUE : leader.replay.timeMs();
        for (LoopRun o : runs.values()) {
            if (o == leader || o.ended() || o.error != null || o.replay.live()) {
                continue;
            }
            try {
                o.replay.stepThrough(t);
                settleEnd(o);
            } catch (RuntimeException e) {
                fail(o, e);
            }
        }
    }

    /**
     * A forward search's test after a step: when the active run recorded an event of the kind sought, the rest of its
     * millisecond is processed and the run pauses there.
     *
     * @return whether it was found (the run is paused)
     */
    private boolean found(LoopRun r) {
        List<EngineView.RecentEvent> w = r.events.window().all();
        for (int i = seekingFrom; i < w.size(); i++) {
            io.solvent.engine.sim.SimulationEvent e = w.get(i).event();
            if (e.kind() == seeking) {
                try {
                    r.replay.seek(e.timeMs());
                    settleEnd(r);
                } catch (RuntimeException ex) {
                    fail(r, ex);
                }
                follow(r);
                playing = false;
                endSeeking();
                return true;
            }
        }
        seekingFrom = w.size();
        return false;
    }

    private void endSeeking() {
        if (seeking != null) {
            seeking = null;
            pacing.play(speedBeforeSeeking, active == null ? Long.MIN_VALUE : active.replay.timeMs());
        }
    }

    private void seekEvent(io.solvent.engine.sim.SimulationEvent.Kind kind, boolean forward) {
        LoopRun r = requireActive();
        if (kind == null) {
            throw new CommandRejectedException("a search needs the kind of event to look for");
        }
        String what = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (!forward) {
            long now = r.replay.timeMs();
            List<EngineView.RecentEvent> w = r.events.window().all();
            for (int i = w.size() - 1; i >= 0; i--) {
                io.solvent.engine.sim.SimulationEvent e = w.get(i).event();
                if (e.kind() == kind && e.timeMs() < now) {
                    seek(e.timeMs());
                    return;
                }
            }
            throw new CommandRejectedException("no " + what + " in run '" + r.label + "' before " + time(now));
        }
        requireMovable(r);
        speedBeforeSeeking = pacing.speed() > 0 ? pacing.speed() : Double.POSITIVE_INFINITY;
        seeking = kind;
        seekingFrom = r.events.size();
        playing = true;
        pacing.play(Double.POSITIVE_INFINITY, r.replay.timeMs());
    }

    private void discard(String label) {
        LoopRun r = label == null ? null : runs.get(label);
        if (r == null) {
            throw new CommandRejectedException("no run labelled '" + label + "'; runs: " + List.copyOf(runs.keySet()));
        }
        if (r.parent.isEmpty()) {
            throw new CommandRejectedException("the original run cannot be discarded");
        }
        for (LoopRun o : runs.values()) {
            if (o.parent.equals(label)) {
                throw new CommandRejectedException("run '" + label + "' has a fork of its own ('" + o.label
                        + "'); discard that first");
            }
        }
        runs.remove(label);
        try {
            r.replay.close();
        } catch (RuntimeException e) {
            // closing its feed readers: nothing more to do
        }
        if (active == r) {
            active = runs.get(r.parent);
            playing = false;
        }
    }

    private void preview(Parameters p) {
        LoopRun r = requireActive();
        if (p == null) {
            throw new CommandRejectedException("a preview needs parameters");
        }
        try {
            preview = io.solvent.engine.sim.ParameterPreviewCalculator.preview(r.replay, p);
        } catch (RuntimeException e) {
            throw new CommandRejectedException("cannot preview the parameters on run '" + r.label + "': "
                    + message(e));
        }
    }

    /**
     * Finishes the run when its feeds have ended (delivering what the oracles hold in flight). A live run with nothing
     * waiting has not ended.
     */
    private void settleEnd(LoopRun r) {
        if (!r.ended() && r.replay.ready() && r.replay.nextTimeMs() == Long.MAX_VALUE) {
            r.result = r.replay.finish();
            if (r == active) {
                playing = false;
            }
        }
    }

    private void fail(LoopRun r, RuntimeException e) {
        r.error = message(e);
        if (r == active) {
            playing = false;
        }
    }

    private void handle(Pending p) {
        String notice = "";
        EngineCommand c0 = p.command();
        if (seeking != null && !(c0 instanceof EngineCommand.QueryAccounts || c0 instanceof EngineCommand.ShowAccount
                || c0 instanceof EngineCommand.Preview)) {
            boolean wasPlaying = playing;
            endSeeking(); // any transport command ends a search
            playing = wasPlaying && !(c0 instanceof EngineCommand.SeekEvent);
        }
        try {
            switch (p.command()) {
                case EngineCommand.Play c -> play(c.speed());
                case EngineCommand.Pause c -> playing = false;
                case EngineCommand.StepOnce c -> stepOnce();
                case EngineCommand.Seek c -> seek(c.timeMs());
                case EngineCommand.Fork c -> fork(c.parameters(), c.label());
                case EngineCommand.ChangeParameters c -> change(c.parameters());
                case EngineCommand.QueryAccounts c -> query(c.query());
                case EngineCommand.ShowAccount c -> show(c.account(), c.subAccount());
                case EngineCommand.SwitchTo c -> switchTo(c.label());
                case EngineCommand.SeekEvent c -> seekEvent(c.kind(), c.forward());
                case EngineCommand.Discard c -> discard(c.label());
                case EngineCommand.Preview c -> preview(c.parameters());
                case EngineCommand.Stop c -> throw new IllegalStateException("Stop is handled by the loop");
            }
        } catch (CommandRejectedException e) {
            notice = e.getMessage();
        }
        EngineView v = publish(notice, true);
        preview = null;
        if (notice.isEmpty()) {
            p.answer().complete(v);
        } else {
            p.answer().completeExceptionally(new CommandRejectedException(notice));
        }
    }

    private LoopRun requireActive() {
        if (active == null) {
            throw new CommandRejectedException("no run: " + startError);
        }
        return active;
    }

    private void requireMovable(LoopRun r) {
        if (r.error != null) {
            throw new CommandRejectedException("run '" + r.label + "' stopped on an error (" + r.error
                    + "); seek back to before " + time(r.replay.timeMs()) + ", fork, switch to another run or stop");
        }
        if (r.ended()) {
            throw new CommandRejectedException("run '" + r.label + "' has ended at " + time(r.replay.timeMs())
                    + "; seek back to play it again");
        }
    }

    private void play(double s) {
        if (!(s > 0)) {
            throw new CommandRejectedException("expected a speed > 0 simulated ms per wall ms (or infinity), was "
                    + s);
        }
        LoopRun r = requireActive();
        requireMovable(r);
        playing = true;
        pacing.play(s, r.replay.timeMs());
    }

    private void stepOnce() {
        LoopRun r = requireActive();
        requireMovable(r);
        playing = false;
        try {
            if (!r.replay.ready()) {
                throw new CommandRejectedException("no event of the live feed of run '" + r.label + "' is waiting"
                        + " (it has stepped every one that arrived, the last at " + time(r.replay.timeMs())
                        + "); try again when one arrives, or play");
            }
            noteStart(r);
            r.replay.step();
            settleEnd(r);
            follow(r);
        } catch (CommandRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(r, e);
            throw new CommandRejectedException(r.error);
        }
    }

    private void seek(long t) {
        LoopRun r = requireActive();
        if (r.startMs != Long.MIN_VALUE && t < r.startMs) {
            throw new CommandRejectedException("cannot seek to " + time(t) + ": run '" + r.label + "' starts at "
                    + time(r.startMs));
        }
        long now = r.replay.timeMs();
        boolean back = t < now;
        if (!back && r.error != null) {
            throw new CommandRejectedException("cannot seek to " + time(t) + ": run '" + r.label
                    + "' stopped on an error (" + r.error + "); seek back to before " + time(now));
        }
        if (!back && r.ended()) {
            return; // at the end already: nothing is stamped later
        }
        if (back && r.replay.snapshots().stream().noneMatch(s -> s.lastEventTime() <= t)) {
            throw new CommandRejectedException("cannot seek back to " + time(t) + ": run '" + r.label
                    + "' kept no snapshot that early");
        }
        try {
            noteStart(r);
            r.replay.seek(t);
            if (back) {
                r.error = null;
                r.result = null;
                r.truncateTo(t);
            }
            settleEnd(r);
            if (!back) {
                follow(r);
            }
        } catch (RuntimeException e) {
            fail(r, e);
            throw new CommandRejectedException(r.error);
        }
        if (playing) {
            anchor();
        }
    }

    private void fork(Parameters p, String label) {
        LoopRun r = requireActive();
        if (p == null) {
            throw new CommandRejectedException("a fork needs parameters");
        }
        if (label == null || label.isBlank()) {
            throw new CommandRejectedException("a fork needs a label that is not blank");
        }
        if (runs.containsKey(label)) {
            throw new CommandRejectedException("a run labelled '" + label + "' exists already; runs: "
                    + List.copyOf(runs.keySet()));
        }
        if (r.ended()) {
            throw new CommandRejectedException("run '" + r.label + "' has ended; seek back to fork it earlier");
        }
        Replay.Snapshot snap;
        LoopRun f;
        try {
            snap = r.replay.snapshot();
            f = newRun(label, snap.lastEventTime());
            f.parent = r.label;
            f.forkedAtPosition = snap.position();
            f.inherit(r); // the shared history, before the fork's own
            f.replay = Replay.fork(snap, p, f);
        } catch (RuntimeException e) {
            throw new CommandRejectedException("cannot fork run '" + r.label + "': " + message(e));
        }
        try {
            f.replay.keepSnapshots(options.snapshots());
            f.startMs = snap.lastEventTime() == Long.MIN_VALUE ? r.startMs : snap.lastEventTime();
            f.query = r.query;
            f.detailSub = r.detailSub;
            f.endHintMs = r.endHintMs;
        } catch (RuntimeException e) {
            f.replay.close();
            throw new CommandRejectedException("cannot fork run '" + r.label + "': " + message(e));
        }
        runs.put(label, f);
        active = f;
        try {
            settleEnd(f);
        } catch (RuntimeException e) {
            fail(f, e);
        }
        if (movable()) {
            anchor();
        } else {
            playing = false;
        }
    }

    private void change(Parameters p) {
        LoopRun r = requireActive();
        if (p == null) {
            throw new CommandRejectedException("a change needs parameters");
        }
        requireMovable(r);
        try {
            r.replay.change(p);
            r.riskPosition = -1; // the book may have been re-evaluated under other definitions
        } catch (RuntimeException e) {
            throw new CommandRejectedException("cannot change the parameters of run '" + r.label + "': "
                    + message(e));
        }
    }

    private void query(io.solvent.engine.sim.view.AccountQuery q) {
        LoopRun r = requireActive();
        r.query = q;
        r.page = null;
        r.riskRequested = q != null; // answered at once, whatever the budget: the operator is waiting
    }

    private void show(String account, String subAccount) {
        LoopRun r = requireActive();
        if (account == null) {
            r.detailSub = -1;
            return;
        }
        int sub = io.solvent.engine.sim.RunViews.subAccount(r.replay, account, subAccount == null ? "" : subAccount);
        if (sub < 0) {
            throw new CommandRejectedException("no sub-account '" + subAccount + "' of account '" + account
                    + "' in run '" + r.label + "'");
        }
        for (LoopRun other : runs.values()) {
            other.detailSub = sub; // every run of the loop has the same book: the same sub-account in each
        }
    }

    private void switchTo(String label) {
        LoopRun r = label == null ? null : runs.get(label);
        if (r == null) {
            throw new CommandRejectedException("no run labelled '" + label + "'; runs: " + List.copyOf(runs.keySet()));
        }
        active = r;
        if (movable()) {
            anchor();
        } else {
            playing = false;
        }
    }

    private EngineView publish(String notice, boolean exact) {
        State state;
        if (active == null) {
            state = terminated ? State.STOPPED : startError != null ? State.ERROR : State.STARTING;
        } else {
            state = terminated ? State.STOPPED : active.error != null ? State.ERROR : active.ended() ? State.ENDED
                    : playing ? State.PLAYING : State.PAUSED;
        }
        EngineView v = views.view(++sequence, state, startError, notice,
                seeking != null ? speedBeforeSeeking : pacing.speed(), active, runs, exact || !playing, preview,
                seeking);
        latest.set(v);
        lastPublishNanos = pacer.nanoTime();
        return v;
    }

    /** @return why a run stopped, in one line: the problem itself for bad input and halts, else with its type */
    static String message(Throwable e) {
        if (e instanceof InputException || e instanceof CommandRejectedException
                || e instanceof io.solvent.engine.sim.InvariantViolationException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String time(long ms) {
        if (ms == Long.MIN_VALUE) {
            return "the start";
        }
        return ms == Long.MAX_VALUE ? "the end" : Instant.ofEpochMilli(ms) + " (" + ms + " ms)";
    }
}
