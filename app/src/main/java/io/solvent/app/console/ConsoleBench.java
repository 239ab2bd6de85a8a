package io.solvent.app.console;

import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.app.view.ConsoleWindow;
import io.solvent.app.viewmodel.AccountsViewModel;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.engine.bench.BenchPopulation;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.SnapshotKeeper;
import io.solvent.engine.sim.view.AccountPage;
import io.solvent.engine.sim.view.AccountQuery;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code solvent bench --console}: the console's cost, measured headless on Monocle (software rendering). The same
 * scenario is replayed at full speed by an {@link EngineLoop} with nobody reading it (the headless baseline) and with
 * the real console attached — a {@link ConsoleWindow} in a shown stage, its AnimationTimer running, the shown view
 * cycled through all six and the accounts table re-sorted on each visit — after a warm-up of both on a small
 * population; the headless replay runs before and after the console's, so that neither is favoured by the JIT or by
 * the machine's noise. Reports every pulse's FX-thread time (the console timer's, and the whole pulse with CSS, layout
 * and chart drawing), frames per second, both replay speeds, how long the engine took to answer each sort and the
 * longest pulse meanwhile, the heap after a collection with the console attached, the most work one pulse handed
 * over, and the time from launch to the first frame of a separately launched console on the embedded default.
 * Measurements only: nothing here asserts a speed.
 */
public final class ConsoleBench {
    /** The targets. */
    public static final double PULSE_P99_MS = 16.7;
    public static final double PULSE_MAX_MS = 50;
    public static final double SPEED_RATIO = 0.8;
    public static final double FIRST_FRAME_S = 2.5;

    private static final long PASS_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(60);
    private static final long FX_TIMEOUT_S = 300;
    private static final List<AccountQuery.Column> SORTS = List.of(AccountQuery.Column.EQUITY,
            AccountQuery.Column.NOTIONAL, AccountQuery.Column.LEVERAGE, AccountQuery.Column.DISTANCE,
            AccountQuery.Column.MAINTENANCE_HEALTH, AccountQuery.Column.ACCOUNT, AccountQuery.Column.HEALTH_FACTOR);

    private ConsoleBench() {
    }

    /**
     * What to run.
     *
     * @param scenario  the scenario, over its own book (its population is replaced by {@code accounts} generated
     *                  sub-accounts)
     * @param accounts  sub-accounts of the generated population
     * @param quick     a few seconds: short phases, one first-frame launch
     * @param width     the window's width, px
     * @param height    the window's height, px
     * @param snapshots the most snapshots the engine keeps to seek back to (every simulated minute, thinned), or 0
     *                  for the console's own cadence ({@link EngineLoop.Options#DEFAULT_SNAPSHOTS})
     * @param progress  where progress lines go
     */
    public record Options(Scenario scenario, int accounts, boolean quick, int width, int height, int snapshots,
                          PrintWriter progress) {
        /** @return the engine loop's options: the console's, but for the snapshots when asked */
        EngineLoop.Options loop() {
            EngineLoop.Options console = EngineLoop.Options.of(Pacer.of(System::nanoTime));
            return snapshots == 0 ? console : console.withSnapshots(new SnapshotKeeper.Cadence(
                    EngineLoop.Options.DEFAULT_SNAPSHOTS.everyMs(), snapshots));
        }

        /** @return the snapshots kept, as said in the table */
        String snapshotsSaid() {
            SnapshotKeeper.Cadence c = loop().snapshots();
            return String.format(Locale.ROOT, "the engine keeps up to %d snapshots (one a simulated %s, thinned)%s",
                    c.maxSnapshots(), c.everyMs() == 60_000 ? "minute" : c.everyMs() + " ms",
                    snapshots == 0 ? " as in the console" : ", --snapshots; the console keeps "
                            + EngineLoop.Options.DEFAULT_SNAPSHOTS.maxSnapshots());
        }

        long viewPeriodNanos() {
            return quick ? 500_000_000L : 2_000_000_000L;
        }

        long headlessNanos() {
            return quick ? 1_000_000_000L : 6_000_000_000L;
        }

        int firstFrameLaunches() {
            return quick ? 1 : 3;
        }

        int consolePasses() {
            return quick ? 1 : 2;
        }
    }

    /** Replays of one phase: simulated and wall seconds of each pass. */
    record Passes(List<double[]> passes, long startMs, long endMs) {
        double simulatedS() {
            return passes.stream().mapToDouble(p -> p[0]).sum();
        }

        double wallS() {
            return passes.stream().mapToDouble(p -> p[1]).sum();
        }

        double speed() {
            return simulatedS() / wallS();
        }
    }

    /**
     * What the console phase measured.
     *
     * @param passes         its replays
     * @param timerNanos     each pulse's time in the console's timer (view models and the view shown), ns
     * @param wholeNanos     each whole pulse's time on the FX thread (the timers, CSS, layout, chart drawing), ns
     * @param activeNanos    wall time the pulses were counted over, ns
     * @param sortNanos      how long the engine took to answer each sort (to the page arriving on the FX thread), ns
     * @param sortsPending   sorts unanswered when their window went
     * @param maxDuringSort  the longest whole pulse while a sort was pending, ns (0 when none)
     * @param viewsShown     the views shown, in order, with repeats
     * @param wholeByView    the whole pulses by the view shown, in {@link ConsoleWindow#viewNames()} order, ns
     * @param heapUsed       heap used after a collection, the console attached, bytes
     * @param vmWork         the view models' work, most per pulse: rows, points, nodes
     * @param viewWork       the views' work, most per pulse: rows, points, nodes
     */
    record ConsolePhase(Passes passes, long[] timerNanos, long[] wholeNanos, long activeNanos, long[] sortNanos,
                        int sortsPending, long maxDuringSort, List<String> viewsShown,
                        java.util.Map<String, long[]> wholeByView, long heapUsed, long[] vmWork, long[] viewWork) {
    }

    /**
     * The first frame of a separately launched console.
     *
     * @param launchMs   from each process launch to its first AnimationTimer pulse, ms
     * @param jvmMs      from each JVM's start (its own clock) to that pulse, ms
     * @param failure    why it was not measured, or null
     */
    record FirstFrame(double[] launchMs, double[] jvmMs, String failure) {
    }

    /**
     * Everything measured.
     *
     * @param scenarioName the scenario replayed, its population named
     * @param accounts     sub-accounts
     * @param width        px
     * @param height       px
     * @param before       the headless baseline before the console's
     * @param console      the console's phase
     * @param after        the headless baseline after it
     * @param firstFrame   the first frame
     * @param maxHeap      the JVM's maximum heap, bytes
     * @param quick        whether shortened
     * @param snapshots    what the engine keeps to seek back to, as said
     */
    public record Result(String scenarioName, int accounts, int width, int height, Passes before,
                         ConsolePhase console, Passes after, FirstFrame firstFrame, long maxHeap, boolean quick,
                         String snapshots) {

        /** @return simulated s per wall s of the headless replays (before and after the console's, together) */
        public double headlessSpeed() {
            return (before.simulatedS() + after.simulatedS()) / (before.wallS() + after.wallS());
        }

        /** @return simulated s per wall s with the console attached */
        public double consoleSpeed() {
            return console.passes().speed();
        }

        /** @return the table printed: each figure with its unit and its target, met (✓) or not (✗) */
        public String table() {
            List<String[]> rows = new ArrayList<>();
            long[] timer = sorted(console.timerNanos());
            long[] whole = sorted(console.wholeNanos());
            rows.add(row("FX pulse, console timer, median", ms(median(timer)), null, null));
            rows.add(row("FX pulse, console timer, p99", ms(p99(timer)), "≤ 16.7 ms",
                    p99(timer) / 1e6 <= PULSE_P99_MS));
            rows.add(row("FX pulse, console timer, max", ms(max(timer)), "≤ 50 ms",
                    max(timer) / 1e6 <= PULSE_MAX_MS));
            rows.add(row("FX pulse, whole (+ CSS, layout, charts), median", ms(median(whole)), null, null));
            rows.add(row("FX pulse, whole, p99", ms(p99(whole)), "≤ 16.7 ms", p99(whole) / 1e6 <= PULSE_P99_MS));
            rows.add(row("FX pulse, whole, max", ms(max(whole)), "≤ 50 ms", max(whole) / 1e6 <= PULSE_MAX_MS));
            double seconds = console.activeNanos() / 1e9;
            rows.add(row("frames per second", String.format(Locale.ROOT, "%.1f fps (%,d pulses in %.1f s)",
                    timer.length / seconds, timer.length, seconds), null, null));
            rows.add(row("replay speed, headless (before / after)", String.format(Locale.ROOT,
                    "%s× (%s× / %s×)", speed(headlessSpeed()), speed(before.speed()), speed(after.speed())),
                    null, null));
            rows.add(row("replay speed, console attached", speed(consoleSpeed()) + "×", null, null));
            double ratio = consoleSpeed() / headlessSpeed();
            rows.add(row("replay speed, console ÷ headless", String.format(Locale.ROOT, "%.2f×", ratio), "≥ 0.8×",
                    ratio >= SPEED_RATIO));
            long[] sorts = sorted(console.sortNanos());
            rows.add(row("accounts sorts, engine's answer (median / max)", sorts.length == 0 ? "none answered"
                    : String.format(Locale.ROOT, "%s / %s (%d sorts%s)", ms(median(sorts)), ms(max(sorts)),
                    sorts.length, console.sortsPending() > 0 ? ", " + console.sortsPending() + " unanswered" : ""),
                    null, null));
            boolean sorted = sorts.length + console.sortsPending() > 0;
            rows.add(row("longest whole pulse while a sort was pending", sorted ? ms(console.maxDuringSort())
                    : "no sort", "≤ 50 ms", sorted ? console.maxDuringSort() / 1e6 <= PULSE_MAX_MS : null));
            if (firstFrame.failure() == null) {
                double launch = median(firstFrame.launchMs());
                rows.add(row("first frame, from launch (default scenario)", String.format(Locale.ROOT,
                        "%.2f s (JVM start → frame %.2f s; median of %d)", launch / 1e3,
                        median(firstFrame.jvmMs()) / 1e3, firstFrame.launchMs().length), "≤ 2.5 s",
                        launch / 1e3 <= FIRST_FRAME_S));
            } else {
                rows.add(row("first frame, from launch (default scenario)", "not measured: " + firstFrame.failure(),
                        "≤ 2.5 s", null));
            }
            rows.add(row("heap used after GC, console attached", String.format(Locale.ROOT, "%,d MB (max %,d MB)",
                    console.heapUsed() >> 20, maxHeap >> 20), null, null));
            rows.add(row("most work in one pulse, view models", work(console.vmWork()), null, null));
            rows.add(row("most work in one pulse, views", work(console.viewWork()), null, null));

            StringBuilder out = new StringBuilder();
            Passes c = console.passes();
            out.append("solvent bench --console").append(quick ? " --quick" : "").append(": ").append(scenarioName)
                    .append('\n');
            out.append(String.format(Locale.ROOT, "replayed %s – %s (%,.0f simulated s a pass) at full speed;"
                            + " passes: %d headless before, %d with the console, %d headless after%n",
                    time(c.startMs()), time(c.endMs()), c.passes().isEmpty() ? 0 : c.passes().getFirst()[0],
                    before.passes().size(), c.passes().size(), after.passes().size()));
            java.util.Map<String, Integer> visits = new java.util.LinkedHashMap<>();
            console.viewsShown().forEach(v -> visits.merge(v, 1, Integer::sum));
            StringBuilder shown = new StringBuilder();
            visits.forEach((v, n) -> shown.append(shown.isEmpty() ? "" : ", ").append(v).append(" ×").append(n));
            out.append(String.format(Locale.ROOT, "console: a %dx%d window on Monocle's headless glass, software"
                    + " rendering; the view shown changed every %.1f s (%s), the accounts table re-sorted half-way"
                    + " through each visit; %s%n", width, height, quick ? 0.5 : 2.0, shown, snapshots));
            int w0 = "figure".length();
            int w1 = "value".length();
            int w2 = "target".length();
            for (String[] r : rows) {
                w0 = Math.max(w0, r[0].length());
                w1 = Math.max(w1, r[1].length());
                w2 = Math.max(w2, r[2].length());
            }
            String f = "%-" + w0 + "s  %-" + w1 + "s  %-" + w2 + "s  %s";
            out.append(String.format(Locale.ROOT, f, "figure", "value", "target", "").stripTrailing()).append('\n');
            for (String[] r : rows) {
                out.append(String.format(Locale.ROOT, f, r[0], r[1], r[2], r[3]).stripTrailing()).append('\n');
            }
            StringBuilder byView = new StringBuilder();
            console.wholeByView().forEach((view, ns) -> {
                long[] v = sorted(ns);
                if (v.length > 0) {
                    byView.append(byView.isEmpty() ? "" : ", ").append(view).append(' ')
                            .append(ms(p99(v)).replace(" ms", "")).append(" / ").append(ms(max(v)));
                }
            });
            out.append("whole FX pulse by the view shown, p99 / max: ").append(byView).append('\n');
            return out.toString();
        }
    }

    /**
     * Runs the bench. Starts the JavaFX toolkit on Monocle's headless glass (unless this JVM already runs it).
     *
     * @param o what to run
     * @return the figures
     * @throws InterruptedException when interrupted
     */
    public static Result run(Options o) throws InterruptedException {
        PrintWriter err = o.progress();
        progress(err, "time to the first frame: launching the console on the embedded default, "
                + o.firstFrameLaunches() + (o.firstFrameLaunches() == 1 ? " time" : " times"));
        FirstFrame first = firstFrame(o);

        SnapshotRenderer.useHeadlessGlass(o.width(), o.height());
        startToolkit();
        int small = Math.min(o.accounts(), 2_000);
        progress(err, "warm-up: the scenario over " + small + " sub-accounts, headless and with the console");
        Scenario warm = withPopulation(o.scenario(), small);
        headless(warm, o, o.quick() ? 300_000_000L : 3_000_000_000L, false);
        console(warm, o, o.quick() ? 100_000_000L : 250_000_000L, 1, false);
        warm = null;

        progress(err, "generating " + o.accounts() + " sub-accounts");
        Scenario sc = withPopulation(o.scenario(), o.accounts());
        if (!o.quick()) {
            progress(err, "warm-up: one headless pass over " + o.accounts() + " sub-accounts (the heap grown, the"
                    + " compiler at this size)");
            headless(sc, o, 0, true);
        }
        progress(err, "headless replay (before the console's)");
        Passes before = headless(sc, o, o.headlessNanos(), !o.quick());
        progress(err, String.format(Locale.ROOT, "  %s× over %d pass(es)", speed(before.speed()),
                before.passes().size()));
        progress(err, "replay with the console attached");
        ConsolePhase console = console(sc, o, o.viewPeriodNanos(), o.consolePasses(), !o.quick());
        progress(err, String.format(Locale.ROOT, "  %s× over %d pass(es)", speed(console.passes().speed()),
                console.passes().passes().size()));
        progress(err, "headless replay (after the console's)");
        Passes after = headless(sc, o, o.headlessNanos(), !o.quick());
        progress(err, String.format(Locale.ROOT, "  %s× over %d pass(es)", speed(after.speed()),
                after.passes().size()));
        return new Result(sc.name(), o.accounts(), o.width(), o.height(), before, console, after, first,
                Runtime.getRuntime().maxMemory(), o.quick(), o.snapshotsSaid());
    }

    /**
     * @param base     a scenario
     * @param accounts sub-accounts
     * @return the scenario over the benchmarks' generated population of that many sub-accounts on its markets (as
     *         {@code solvent bench} replays the recorded day)
     */
    public static Scenario withPopulation(Scenario base, int accounts) {
        List<String> markets = base.book().markets().stream().map(Market::symbol).toList();
        Book population = BenchPopulation.generator(accounts, markets).generate();
        return base.withBook(population, null).withName(base.name() + " — over " + String.format(Locale.ROOT,
                "%,d", accounts) + " generated sub-accounts (seed " + BenchPopulation.SEED + ")");
    }

    // ---------------------------------------------------------------- the headless baseline

    /**
     * Headless passes until {@code minWallNanos} of them (at least one): each in a session of its own (a first pass
     * keeps its snapshots as the console's does; a pass after a seek back finds them kept already and is faster), or
     * one session played again from its start (the warm-up, and --quick).
     */
    private static Passes headless(Scenario sc, Options o, long minWallNanos, boolean fresh)
            throws InterruptedException {
        List<double[]> passes = new ArrayList<>();
        long wall = 0;
        EngineView end = null;
        do {
            try (ConsoleSession s = ConsoleSession.start(sc, o.loop())) {
                opened(s.loop());
                System.gc();
                do {
                    double[] p = pass(s.loop());
                    passes.add(p);
                    wall += (long) (p[1] * 1e9);
                    end = s.loop().latest();
                } while (!fresh && wall < minWallNanos);
            }
        } while (wall < minWallNanos);
        return new Passes(passes, end.startMs(), end.timeMs());
    }

    static EngineView opened(EngineLoop loop) throws InterruptedException {
        long deadline = System.nanoTime() + PASS_TIMEOUT_NANOS;
        EngineView v = loop.latest();
        while (v.state() == EngineView.State.STARTING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not open the scenario in time");
            }
            Thread.sleep(5);
            v = loop.latest();
        }
        if (v.state() == EngineView.State.ERROR || v.state() == EngineView.State.STOPPED) {
            throw new Failed("the engine could not open the scenario: " + v.error());
        }
        return v;
    }

    private static Failed stopped(EngineView v) {
        String hint = v.error().contains("OutOfMemoryError") ? "; each snapshot the engine keeps to seek back to"
                + " is a copy of the book (the console keeps up to "
                + EngineLoop.Options.DEFAULT_SNAPSHOTS.maxSnapshots() + "): give the JVM more heap (SOLVENT_OPTS=-Xmx...) or keep fewer (--snapshots 2)" : "";
        return new Failed(String.format(Locale.ROOT, "the engine stopped at %s, %,.0f simulated s into the pass: %s%s",
                time(v.timeMs()), (v.timeMs() - v.startMs()) / 1000.0, v.error(), hint));
    }

    /** The bench could not go on (the engine stopped: out of heap, a bad feed line); the message says where and why. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /** One pass at full speed from the start: {simulated s, wall s}. */
    static double[] pass(EngineLoop loop) throws InterruptedException {
        EngineView v = loop.latest();
        if (v.state() == EngineView.State.ENDED || v.position() > 0) {
            v = loop.submit(new EngineCommand.Seek(v.startMs())).join(); // the start's snapshot: play it again
        }
        long t0 = System.nanoTime();
        CompletableFuture<EngineView> play = loop.submit(EngineCommand.Play.FASTEST);
        while (true) {
            if (play.isCompletedExceptionally()) {
                play.join(); // says why
            }
            v = loop.latest();
            if (v.state() == EngineView.State.ENDED) {
                break;
            }
            if (v.state() == EngineView.State.ERROR || v.state() == EngineView.State.STOPPED) {
                throw stopped(v);
            }
            if (System.nanoTime() - t0 > PASS_TIMEOUT_NANOS) {
                throw new IllegalStateException("the replay did not end in " + PASS_TIMEOUT_NANOS / 60e9 + " min");
            }
            Thread.sleep(2);
        }
        long wall = System.nanoTime() - t0;
        return new double[] {(v.timeMs() - v.startMs()) / 1000.0, wall / 1e9};
    }

    // ---------------------------------------------------------------- the console attached

    /**
     * What the FX thread records while the console plays, over one window after another; touched on the FX thread
     * only, but for the flag and the count of views covered.
     */
    private static final class Recorder {
        volatile boolean active;
        volatile int coveredCount;
        final long period;
        final Longs timer = new Longs();
        final Longs whole = new Longs();
        final Longs sorts = new Longs();
        final List<String> shown = new ArrayList<>();
        final long[] vmMax = new long[3];
        final long[] viewMax = new long[3];
        volatile List<String> names = List.of("overview", "market", "distributions", "accounts", "insurance",
                "events");
        boolean[] covered;
        Longs[] wholeByView;
        long activeNanos;
        int unanswered;
        long maxDuringSort;
        // the window attached
        ConsoleWindow window;
        AccountsViewModel accounts;
        EngineBridge bridge;
        PulseWork vmWork;
        long activeFrom = Long.MIN_VALUE;
        long activeTo;
        // where the cycle is
        int view = -1;
        long shownFor;
        long lastPulse;
        boolean sortDue;
        int sortTurn;
        AccountQuery.Column sortColumn;
        boolean sortAscending;
        long sortFrom = Long.MIN_VALUE;

        Recorder(long period) {
            this.period = period;
        }

        /** A new window: the cycle goes on in it from the view the last one showed. */
        void attach(ConsoleWindow w, ConsoleViewModel vm, EngineBridge b, PulseWork work) {
            if (covered == null) {
                names = w.viewNames();
                covered = new boolean[names.size()];
                wholeByView = new Longs[names.size()];
                for (int i = 0; i < wholeByView.length; i++) {
                    wholeByView[i] = new Longs();
                }
            }
            window = w;
            accounts = vm.accounts();
            bridge = b;
            vmWork = work;
            activeFrom = Long.MIN_VALUE;
            activeTo = 0;
            if (view >= 0) {
                w.select(names.get(view));
            }
        }

        /** The window goes: its time and work are added up, a sort still on its way counted unanswered. */
        void detach() {
            if (activeFrom != Long.MIN_VALUE) {
                activeNanos += (activeTo == 0 ? System.nanoTime() : activeTo) - activeFrom;
            }
            if (sortFrom != Long.MIN_VALUE) {
                unanswered++;
                sortFrom = Long.MIN_VALUE;
            }
            PulseWork views = bridge.work();
            long[] vmNow = {vmWork.maxRows(), vmWork.maxPoints(), vmWork.maxNodes()};
            long[] viewNow = {views.maxRows(), views.maxPoints(), views.maxNodes()};
            for (int i = 0; i < 3; i++) {
                vmMax[i] = Math.max(vmMax[i], vmNow[i]);
                viewMax[i] = Math.max(viewMax[i], viewNow[i]);
            }
        }

        java.util.Map<String, long[]> byView() {
            java.util.Map<String, long[]> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), wholeByView[i].toArray());
            }
            return m;
        }

        /** First of the pulse's timers: its whole time runs to the FX thread's next runnable. */
        void pulseStarted() {
            if (!active) {
                return;
            }
            long start = System.nanoTime();
            boolean sorting = sortFrom != Long.MIN_VALUE;
            int at = names.indexOf(window.shownName());
            Platform.runLater(() -> {
                long took = System.nanoTime() - start;
                whole.add(took);
                if (at >= 0) {
                    wholeByView[at].add(took);
                }
                if (sorting) {
                    maxDuringSort = Math.max(maxDuringSort, took);
                }
            });
        }

        /** After the console's timer: its time, then the sort answered and the view to show. */
        void pulsed(long took) {
            vmWork.endPulse(); // the view models count into their own; the views' is ended by the window
            if (!active) {
                if (activeFrom != Long.MIN_VALUE && activeTo == 0) {
                    activeTo = System.nanoTime();
                }
                return;
            }
            long now = System.nanoTime();
            if (activeFrom == Long.MIN_VALUE) {
                activeFrom = now;
                lastPulse = now; // a new window: the view's time shown goes on from where the last one left it
                if (view < 0) {
                    view = names.indexOf(window.shownName());
                    shown.add(names.get(view));
                    sortDue = "accounts".equals(names.get(view));
                }
            }
            shownFor += now - lastPulse;
            lastPulse = now;
            timer.add(took);
            if (sortFrom != Long.MIN_VALUE) {
                EngineView v = bridge.current();
                AccountPage p = v == null ? null : v.accounts();
                if (p != null && p.query().sort() == sortColumn && p.query().ascending() == sortAscending) {
                    sorts.add(now - sortFrom);
                    sortFrom = Long.MIN_VALUE;
                }
            }
            if (sortDue && shownFor >= period / 2) {
                sortDue = false;
                sort(now);
            }
            if (shownFor >= period) {
                if (!covered[view]) {
                    covered[view] = true;
                    coveredCount++;
                }
                view = (view + 1) % names.size();
                window.select(names.get(view));
                shown.add(names.get(view));
                shownFor = 0;
                sortDue = "accounts".equals(names.get(view));
            }
        }

        /**
         * Sorts the accounts table on another column, as a click on its header does (the engine sorts); half-way
         * through a visit, so that the pulses timed while it is pending are not the view's first.
         */
        private void sort(long now) {
            if (sortFrom != Long.MIN_VALUE) {
                return; // the last one is still on its way
            }
            AccountQuery.Column c;
            boolean ascending = sortTurn % 2 == 1;
            do {
                c = SORTS.get(sortTurn++ % SORTS.size());
            } while (c == accounts.sortProperty().get());
            sortColumn = c;
            sortAscending = ascending;
            sortFrom = now;
            accounts.sortBy(c, ascending);
        }
    }

    /**
     * Passes with the console attached until every view has been shown a whole period and at least
     * {@code minPasses} passes ran: each pass in a session and a window of its own (the views go on from where the
     * last window was, its time shown adding up), or one session played again from its start (the warm-up, and
     * --quick).
     */
    private static ConsolePhase console(Scenario sc, Options o, long period, int minPasses, boolean fresh)
            throws InterruptedException {
        Recorder rec = new Recorder(period);
        List<double[]> passes = new ArrayList<>();
        EngineView end;
        long heap;
        while (true) {
            try (ConsoleSession s = ConsoleSession.start(sc, o.loop())) {
                opened(s.loop());
                PulseWork vmWork = new PulseWork();
                EngineBridge[] bridge = new EngineBridge[1];
                ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c), s.feedToAsset(),
                        System::nanoTime, vmWork);
                bridge[0] = new EngineBridge(s.loop(), vm::update);
                Stage[] stage = new Stage[1];
                AnimationTimer[] mark = new AnimationTimer[1];
                ConsoleWindow window = onFx(() -> {
                    ConsoleWindow w = new ConsoleWindow(bridge[0], vm, io.solvent.app.workbench.Workbench
                            .forScenario(sc, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                                    "solvent-bench-config"), bridge[0]::submit), "dark", o.width(), o.height(),
                            t -> { }, () -> { });
                    rec.attach(w, vm, bridge[0], vmWork);
                    w.onPulse(rec::pulsed);
                    stage[0] = new Stage();
                    stage[0].setTitle("Solvent — " + s.name());
                    stage[0].setScene(w.scene());
                    stage[0].setWidth(o.width());
                    stage[0].setHeight(o.height());
                    stage[0].show();
                    mark[0] = new AnimationTimer() { // started first: it runs first in every pulse
                        @Override
                        public void handle(long now) {
                            rec.pulseStarted();
                        }
                    };
                    mark[0].start();
                    w.start();
                    return w;
                });
                Thread.sleep(o.quick() ? 300 : 1_000); // the first frames: laid out and drawn before the count
                System.gc();
                rec.active = true;
                do {
                    passes.add(pass(s.loop()));
                } while (!fresh && !(rec.coveredCount >= rec.names.size() && passes.size() >= minPasses));
                end = s.loop().latest();
                rec.active = false;
                onFx(() -> null); // the pulse that saw it inactive has closed the count
                Thread.sleep(100);
                boolean done = rec.coveredCount >= rec.names.size() && passes.size() >= minPasses;
                heap = done ? heapAfterGc() : 0; // the console still attached
                onFx(() -> {
                    mark[0].stop();
                    window.stop();
                    stage[0].hide();
                    rec.detach();
                    return null;
                });
                if (done) {
                    break;
                }
            }
        }
        Passes all = new Passes(passes, end.startMs(), end.timeMs());
        long heapUsed = heap;
        return onFx(() -> new ConsolePhase(all, rec.timer.toArray(), rec.whole.toArray(), rec.activeNanos,
                rec.sorts.toArray(), rec.unanswered, rec.maxDuringSort, List.copyOf(rec.shown), rec.byView(),
                heapUsed, rec.vmMax.clone(), rec.viewMax.clone()));
    }

    static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException already) {
            started.countDown();
        }
        if (!started.await(FX_TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start in " + FX_TIMEOUT_S + " s");
        }
        Platform.setImplicitExit(false);
    }

    static <T> T onFx(Callable<T> work) throws InterruptedException {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(FX_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("on the FX thread: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer in " + FX_TIMEOUT_S + " s");
        }
    }

    // ---------------------------------------------------------------- the first frame, in another JVM

    private static FirstFrame firstFrame(Options o) throws InterruptedException {
        int n = o.firstFrameLaunches();
        double[] launch = new double[n];
        double[] jvm = new double[n];
        Path dir;
        try {
            dir = Files.createTempDirectory("solvent-bench-console");
        } catch (IOException e) {
            return new FirstFrame(null, null, "no temporary folder (" + e.getMessage() + ")");
        }
        try {
            for (int i = 0; i < n; i++) {
                String failure = launchOnce(dir, o, launch, jvm, i);
                if (failure != null) {
                    return new FirstFrame(null, null, failure);
                }
            }
            return new FirstFrame(launch, jvm, null);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String launchOnce(Path dir, Options o, double[] launch, double[] jvm, int i)
            throws InterruptedException {
        Path config = dir.resolve("config-" + i); // a first run: the embedded default, 1440x900, the overview
        Path errors = dir.resolve("stderr-" + i + ".txt");
        String logDir = System.getProperty("solvent.log.dir");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dsolvent.log.dir=" + (logDir == null || logDir.isBlank() ? dir.toString() : logDir),
                "-cp", System.getProperty("java.class.path"), FirstFrameProbe.class.getName(),
                Integer.toString(o.width()), Integer.toString(o.height())));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
        pb.environment().put("SOLVENT_CONFIG_DIR", config.toString());
        Process p;
        long launched = System.currentTimeMillis();
        try {
            p = pb.start();
        } catch (IOException e) {
            return "the console could not be launched (" + e.getMessage() + ")";
        }
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (l.startsWith(FirstFrameProbe.PREFIX)) {
                        return l.substring(FirstFrameProbe.PREFIX.length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String got;
        try {
            got = line.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            got = null;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (got == null) {
            return "the launched console showed no frame (" + lastLine(errors) + ")";
        }
        String[] t = got.split(" ");
        long jvmStart = Long.parseLong(t[0]);
        long frame = Long.parseLong(t[1]);
        launch[i] = frame - launched;
        jvm[i] = frame - jvmStart;
        return null;
    }

    private static String lastLine(Path f) {
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .filter(l -> !l.startsWith("WARNING")).toList();
            return lines.isEmpty() ? "nothing on its standard error" : lines.getLast().trim();
        } catch (IOException e) {
            return "its standard error unreadable";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    // ---------------------------------------------------------------- figures

    /** A growing array of longs. */
    private static final class Longs {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static long[] sorted(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static double median(long[] s) {
        if (s.length == 0) {
            return Double.NaN;
        }
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double p99(long[] s) {
        return s.length == 0 ? Double.NaN : s[(int) Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)];
    }

    private static double max(long[] s) {
        return s.length == 0 ? Double.NaN : s[s.length - 1];
    }

    private static String ms(double nanos) {
        return Double.isNaN(nanos) ? "—" : String.format(Locale.ROOT, nanos < 10e6 ? "%.2f ms" : "%,.1f ms",
                nanos / 1e6);
    }

    private static String speed(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    private static String work(long[] w) {
        return String.format(Locale.ROOT, "%,d rows / %,d points / %,d nodes", w[0], w[1], w[2]);
    }

    static String time(long ms) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(ms));
    }

    private static String[] row(String figure, String value, String target, Boolean met) {
        return new String[] {figure, value, target == null ? "—" : target, met == null ? "" : met ? "✓" : "✗"};
    }

    static void progress(PrintWriter err, String what) {
        err.println("bench: " + what);
        err.flush();
    }
}
