package io.solvent.app.console;

import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.app.view.ConsoleWindow;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.SnapshotKeeper;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.view.AccountQuery;
import javafx.stage.Stage;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code solvent bench --console --soak DURATION}: the console held open headless (Monocle) while one scenario is
 * replayed again and again at full speed for a wall-clock duration, the shown view changed every two seconds and the
 * accounts table re-sorted on each visit, as {@link ConsoleBench} does. After every pass it collects the garbage and
 * samples what must stay bounded: the heap in use, the engine's command queue, the run's append logs (metrics rows,
 * events, market samples), the view models' rows and chart points, and the FX thread's backlog (how long a runnable
 * posted now waits to run). Warm-up is the passes that end in the first {@value #WARM_UP_SHARE_PERCENT}% of the
 * duration, at least {@value #WARM_UP_PASSES}; the verdict compares the rest.
 * Measurements only: the caller decides what to do with a growing figure.
 */
public final class ConsoleSoak {
    /** Passes at least before the heap is expected to be flat: the JIT, the heap's sizing and the snapshots settle. */
    public static final int WARM_UP_PASSES = 2;
    /** The share of the duration counted as warm-up, percent (the passes that end in it). */
    public static final int WARM_UP_SHARE_PERCENT = 20;
    /** Heap growth over the soak after warm-up still called flat: this share of the first sample after warm-up. */
    public static final double FLAT_HEAP_SHARE = 0.05;
    /** How far the view models' rows and points may rise over the first half's most before they count as growth. */
    public static final int SHOWN_SLACK_PERCENT = 10;
    private static final double SHOWN_SLACK = SHOWN_SLACK_PERCENT / 100.0;
    private static final long VIEW_PERIOD_NANOS = 2_000_000_000L;

    private ConsoleSoak() {
    }

    /**
     * What to run.
     *
     * @param scenario  the scenario, its population replaced by {@code accounts} generated sub-accounts
     * @param accounts  sub-accounts
     * @param duration  wall time to keep replaying (the pass under way when it runs out is finished)
     * @param width     window width, px
     * @param height    window height, px
     * @param snapshots the most snapshots the engine keeps to seek back to, or 0 for the console's own
     * @param progress  where a line per pass goes
     */
    public record Options(Scenario scenario, int accounts, Duration duration, int width, int height, int snapshots,
                          PrintWriter progress) {
    }

    /**
     * One sample, taken at the end of a pass after a collection.
     *
     * @param pass          the pass, from 1
     * @param wallS         wall time since the soak began, s
     * @param passSpeed     the pass's simulated s per wall s
     * @param heapBytes     heap in use after a full collection, bytes
     * @param queued        commands waiting in the engine's queue
     * @param metricsRows   the active run's metrics rows published (its append log)
     * @param events        the active run's events published
     * @param samples       the active run's market samples published
     * @param eventRows     rows the events view model holds
     * @param chartPoints   points the market, overview and insurance charts hold together
     * @param fxBacklogNanos how long a runnable posted to the FX thread waited to run, ns
     */
    public record Sample(int pass, double wallS, double passSpeed, long heapBytes, int queued, int metricsRows,
                         int events, int samples, int eventRows, long chartPoints, long fxBacklogNanos) {
    }

    /**
     * Everything measured.
     *
     * @param scenarioName the scenario, its population named
     * @param accounts     sub-accounts
     * @param maxHeap      the JVM's maximum heap, bytes
     * @param samples      one per pass
     * @param warmUp       how many of the first samples are warm-up
     */
    public record Result(String scenarioName, int accounts, long maxHeap, List<Sample> samples, int warmUp) {

        /**
         * @param samples  one per pass
         * @param duration the soak's duration
         * @return how many of the first samples are warm-up: those in the first {@value #WARM_UP_SHARE_PERCENT}% of
         *         the duration, at least {@value #WARM_UP_PASSES}
         */
        static int warmUp(List<Sample> samples, Duration duration) {
            double until = duration.toMillis() / 1000.0 * WARM_UP_SHARE_PERCENT / 100;
            int n = WARM_UP_PASSES;
            while (n < samples.size() && samples.get(n).wallS() <= until) {
                n++;
            }
            return n;
        }

        /** @return the samples after warm-up (all of them when there were too few passes to leave any out) */
        public List<Sample> settled() {
            return samples.size() > warmUp + 1 ? samples.subList(warmUp, samples.size()) : samples;
        }

        /** @return heap growth after warm-up: the last settled sample less the first, bytes (may be negative) */
        public long heapGrowth() {
            List<Sample> s = settled();
            return s.getLast().heapBytes() - s.getFirst().heapBytes();
        }

        /** @return least-squares slope of the settled heap samples, bytes per wall minute */
        public double heapSlopePerMinute() {
            List<Sample> s = settled();
            if (s.size() < 2) {
                return 0;
            }
            double mx = 0;
            double my = 0;
            for (Sample x : s) {
                mx += x.wallS() / 60;
                my += x.heapBytes();
            }
            mx /= s.size();
            my /= s.size();
            double num = 0;
            double den = 0;
            for (Sample x : s) {
                double dx = x.wallS() / 60 - mx;
                num += dx * (x.heapBytes() - my);
                den += dx * dx;
            }
            return den == 0 ? 0 : num / den;
        }

        /** @return whether the heap stayed flat: growth after warm-up within {@link #FLAT_HEAP_SHARE} */
        public boolean heapFlat() {
            return heapGrowth() <= FLAT_HEAP_SHARE * settled().getFirst().heapBytes();
        }

        /**
         * @return the bounded figures that grew: one that ended a settled pass in the second half higher than any
         *         pass of the first half ended (the same run ends with the same queue and logs each pass, so any rise
         *         is growth; the view models' rows and points depend on the view shown when sampled, so they may rise
         *         {@value #SHOWN_SLACK_PERCENT}% first); empty when none
         */
        public List<String> growing() {
            List<String> out = new ArrayList<>();
            List<Sample> s = settled();
            check(out, "engine command queue", s.stream().mapToLong(Sample::queued).toArray(), 0);
            check(out, "metrics rows", s.stream().mapToLong(Sample::metricsRows).toArray(), 0);
            check(out, "events", s.stream().mapToLong(Sample::events).toArray(), 0);
            check(out, "market samples", s.stream().mapToLong(Sample::samples).toArray(), 0);
            check(out, "event rows", s.stream().mapToLong(Sample::eventRows).toArray(), SHOWN_SLACK);
            check(out, "chart points", s.stream().mapToLong(Sample::chartPoints).toArray(), SHOWN_SLACK);
            return out;
        }

        private void check(List<String> out, String what, long[] v, double slack) {
            long firstMax = 0;
            for (int i = 0; i < v.length; i++) {
                if (i >= (v.length + 1) / 2 && v[i] > firstMax * (1 + slack)) {
                    out.add(String.format(Locale.ROOT, "%s: %,d in pass %d, above the first half's most, %,d", what,
                            v[i], i + 1 + (settled().size() < samples.size() ? warmUp : 0), firstMax));
                    return;
                }
                if (i < (v.length + 1) / 2) {
                    firstMax = Math.max(firstMax, v[i]);
                }
            }
        }

        /** @return the per-pass table and the verdict, for people */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append("solvent bench --console --soak: ").append(scenarioName).append('\n');
            b.append(String.format(Locale.ROOT, "%,d passes in %.1f min over %,d sub-accounts; heap max %,d MB;"
                            + " warm-up: the first %d passes%n", samples.size(),
                    samples.isEmpty() ? 0 : samples.getLast().wallS() / 60, accounts, maxHeap >> 20, warmUp));
            b.append(String.format(Locale.ROOT, "%4s %8s %9s %9s %6s %9s %9s %9s %9s %9s %9s%n", "pass", "wall s",
                    "speed ×", "heap MB", "queue", "metrics", "events", "samples", "ev. rows", "points",
                    "FX wait"));
            for (Sample s : samples) {
                b.append(String.format(Locale.ROOT, "%4d %8.1f %9.0f %9d %6d %9d %9d %9d %9d %9d %6.1f ms%n",
                        s.pass(), s.wallS(), s.passSpeed(), s.heapBytes() >> 20, s.queued(), s.metricsRows(),
                        s.events(), s.samples(), s.eventRows(), s.chartPoints(), s.fxBacklogNanos() / 1e6));
            }
            if (samples.size() <= warmUp + 1) {
                b.append(String.format(Locale.ROOT, "heap after warm-up: too few passes after warm-up for a verdict"
                        + " (%d of %d); soak longer%n", Math.max(0, samples.size() - warmUp), samples.size()));
                b.append("queues and logs: no verdict\n");
            } else {
                b.append(String.format(Locale.ROOT, "heap after warm-up: %+,d MB over the soak (%+.1f MB a minute,"
                                + " least squares): %s%n", heapGrowth() >> 20, heapSlopePerMinute() / (1 << 20),
                        heapFlat() ? "flat (within " + Math.round(100 * FLAT_HEAP_SHARE) + "%)" : "GROWING"));
                List<String> g = growing();
                b.append(g.isEmpty() ? "queues and logs: none grew after warm-up\n"
                        : "queues and logs that GREW: " + String.join("; ", g) + "\n");
            }
            return b.toString();
        }
    }

    /**
     * Runs the soak. Starts the JavaFX toolkit on Monocle's headless glass unless this JVM already runs it.
     *
     * @param o what to run
     * @return the samples
     * @throws InterruptedException when interrupted
     */
    public static Result run(Options o) throws InterruptedException {
        PrintWriter err = o.progress();
        SnapshotRenderer.useHeadlessGlass(o.width(), o.height());
        ConsoleBench.startToolkit();
        ConsoleBench.progress(err, "generating " + o.accounts() + " sub-accounts");
        Scenario sc = ConsoleBench.withPopulation(o.scenario(), o.accounts());
        EngineLoop.Options loopOptions = EngineLoop.Options.of(Pacer.of(System::nanoTime));
        if (o.snapshots() > 0) {
            loopOptions = loopOptions.withSnapshots(new SnapshotKeeper.Cadence(
                    EngineLoop.Options.DEFAULT_SNAPSHOTS.everyMs(), o.snapshots()));
        }
        List<Sample> samples = new ArrayList<>();
        try (ConsoleSession s = ConsoleSession.start(sc, loopOptions)) {
            ConsoleBench.opened(s.loop());
            PulseWork vmWork = new PulseWork();
            EngineBridge[] bridge = new EngineBridge[1];
            ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c), s.feedToAsset(), System::nanoTime,
                    vmWork);
            bridge[0] = new EngineBridge(s.loop(), vm::update);
            Stage[] stage = new Stage[1];
            Cycle cycle = new Cycle();
            ConsoleWindow window = ConsoleBench.onFx(() -> {
                ConsoleWindow w = new ConsoleWindow(bridge[0], vm, io.solvent.app.workbench.Workbench.forScenario(sc,
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "solvent-bench-config"),
                        bridge[0]::submit), "dark", o.width(), o.height(), t -> { }, () -> { });
                cycle.window = w;
                cycle.vm = vm;
                w.onPulse(took -> {
                    vmWork.endPulse();
                    cycle.pulse();
                });
                stage[0] = new Stage();
                stage[0].setScene(w.scene());
                stage[0].setWidth(o.width());
                stage[0].setHeight(o.height());
                stage[0].show();
                w.start();
                return w;
            });
            long t0 = System.nanoTime();
            long end = t0 + o.duration().toNanos();
            for (int pass = 1; pass == 1 || System.nanoTime() < end; pass++) {
                double[] p = ConsoleBench.pass(s.loop());
                EngineView v = s.loop().latest();
                long heap = ConsoleBench.heapAfterGc();
                long posted = System.nanoTime();
                long waited = ConsoleBench.onFx(() -> System.nanoTime() - posted);
                int pn = pass;
                Sample sample = ConsoleBench.onFx(() -> new Sample(pn, (System.nanoTime() - t0) / 1e9, p[0] / p[1],
                        heap, s.loop().queuedCommands(), v.series().size(), v.events().size(), v.samples().size(),
                        vm.events().shown().size(), vm.market().price().size() + vm.market().oracle().size()
                        + vm.market().feed().size() + vm.market().liquidations().size()
                        + vm.market().bankruptcies().size() + vm.overview().liquidationsPerMinute().size()
                        + vm.insurance().balance().size(), waited));
                samples.add(sample);
                ConsoleBench.progress(err, String.format(Locale.ROOT, "pass %d at %.0f s: %.0f×, heap %,d MB, FX"
                                + " wait %.1f ms", pn, sample.wallS(), sample.passSpeed(), heap >> 20,
                        waited / 1e6));
            }
            ConsoleBench.onFx(() -> {
                window.stop();
                stage[0].hide();
                return null;
            });
            bridge[0].close();
        }
        return new Result(sc.name(), o.accounts(), Runtime.getRuntime().maxMemory(), List.copyOf(samples),
                Result.warmUp(samples, o.duration()));
    }

    /** The views in turn, two seconds each, the accounts table re-sorted on each visit; FX thread only. */
    private static final class Cycle {
        ConsoleWindow window;
        ConsoleViewModel vm;
        long shownSince = Long.MIN_VALUE;
        int view;
        int sorts;

        void pulse() {
            long now = System.nanoTime();
            if (shownSince == Long.MIN_VALUE) {
                shownSince = now;
                return;
            }
            if (now - shownSince < VIEW_PERIOD_NANOS) {
                return;
            }
            List<String> names = window.viewNames();
            view = (view + 1) % names.size();
            window.select(names.get(view));
            shownSince = now;
            if ("accounts".equals(names.get(view))) {
                List<AccountQuery.Column> columns = List.of(AccountQuery.Column.EQUITY,
                        AccountQuery.Column.NOTIONAL, AccountQuery.Column.MAINTENANCE_HEALTH);
                vm.accounts().sortBy(columns.get(sorts % columns.size()), sorts % 2 == 1);
                sorts++;
            }
        }
    }
}
