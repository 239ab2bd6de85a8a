package io.solvent.app.cli;

import io.solvent.app.console.ConsoleBench;
import io.solvent.app.console.ConsoleSoak;
import io.solvent.app.service.ConsoleSession;
import io.solvent.engine.bench.BenchPopulation;
import io.solvent.engine.bench.BenchReport;
import io.solvent.engine.bench.CrashDay;
import io.solvent.engine.bench.NaiveRevaluation;
import io.solvent.engine.bench.QuietTick;
import io.solvent.engine.bench.RetainedHeap;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.bench.ParallelRevaluation;
import io.solvent.engine.book.StreamBaseline;
import io.solvent.engine.io.BenchReportWriter;
import io.solvent.engine.model.Book;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.io.CrashDayReader;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

/**
 * {@code solvent bench [--accounts N] [--quick] [--scenario FILE]}: what this machine does, as one JSON document;
 * {@code solvent bench --console [--accounts N] [--quick] [--scenario FILE|default]}: what the console costs, as a
 * table ({@link ConsoleBench}).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the engine on this machine and prints one JSON document: a full revaluation of N generated"
                + " sub-accounts (sequential and over every core) beside a stream of the same arrays, a"
                + " row-wise walk of them writing the results (no arithmetic) and a naive object-per-account"
                + " evaluation, in ns per sub-account; a quiet tick (BTC moves 0.01%%, nobody"
                + " crosses; median and p99 in ns); the heap the hot state retains per sub-account; the recorded"
                + " 2025-10-10 day replayed over N sub-accounts (simulated seconds per wall second) and a fork from"
                + " its 21:10 snapshot re-simulating one hour (seconds); the same day through the engine loop"
                + " publishing the console's whole view at 20 Hz, and the share of replay speed that costs"
                + " (publicationCost, target under 0.05 at a million). Each figure is the median of repeated runs"
                + " after a warm-up.",
            "",
            "With --console, the console instead, headless (Monocle): the scenario replayed at full speed with the"
                + " console's view models and views attached (a 1440x900 window, the six views shown in turn, the"
                + " accounts table re-sorted) beside the same replay headless; a table of the FX pulse times (median,"
                + " p99, max), frames per second, the replay speed with the console as a share of the headless one,"
                + " the pulses while the engine sorts, the heap, and the time from launch to the first frame of a"
                + " separately launched console on the embedded default, each with its target. --quick: the embedded"
                + " default over 2,000 sub-accounts, a few seconds.",
            "",
            "The replay and fork figures are null, with the reason, when the recorded data is absent. Progress goes"
                + " to standard error. For a million sub-accounts give the JVM room: SOLVENT_OPTS=-Xmx8g ./solvent"
                + " bench --accounts 1000000. Workloads and conditions: docs/performance.md.",
            "Bad options are reported on standard error with exit status 2."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "100000",
            description = "sub-accounts of the generated population (default: ${DEFAULT-VALUE})")
    int accounts;

    @Option(names = "--quick", description = "fewer repeats, fewer ticks, one replay and one fork: seconds, not"
            + " minutes (with --console: the embedded default over 2,000 sub-accounts, short phases)")
    boolean quick;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "assets/scenarios/2025-10-10.json",
            description = "the recorded day to replay, over the generated population (default: ${DEFAULT-VALUE}; it"
                    + " reads the shared data beside the project); with --console also 'default', the console's"
                    + " embedded default (what --console falls back to when the day cannot be read)")
    Path scenarioFile;

    @Option(names = "--console", description = "measure the console instead: FX pulses, frames per second, replay"
            + " speed beside headless, sorting, heap, first frame (a table; --quick: a few seconds)")
    boolean console;

    @Option(names = "--snapshots", paramLabel = "N", description = "with --console: the most snapshots the engine"
            + " keeps to seek back to, one a simulated minute, thinned (default: the console's own, "
            + "64; each is a copy of the book, so a million sub-accounts need fewer); at least 2")
    Integer snapshots;

    @Option(names = "--soak", paramLabel = "DURATION", description = "with --console: a soak instead of the table of"
            + " pulses: the scenario replayed again and again with the console open for DURATION (ISO-8601 like PT10M,"
            + " or minutes), the heap after a collection and every queue and log sampled after each pass; says whether"
            + " the heap stayed flat after warm-up and whether anything grew")
    String soak;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (accounts < 1 || accounts > 20_000_000) {
            throw new ParameterException(spec.commandLine(), "--accounts must be 1..20000000, was " + accounts);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (snapshots != null && (!console || snapshots < 2)) {
            throw new ParameterException(spec.commandLine(), console ? "--snapshots must be at least 2, was "
                    + snapshots : "--snapshots goes with --console");
        }
        if (soak != null && !console) {
            throw new ParameterException(spec.commandLine(), "--soak goes with --console");
        }
        if (console) {
            return console(err);
        }
        int repeats = quick ? 3 : 9;

        progress(err, "generating " + accounts + " sub-accounts into the hot state");
        PopulationGenerator generator = BenchPopulation.generator(accounts);
        RetainedHeap.Measured<MarginBook> built = RetainedHeap.of(() -> BenchPopulation.hotState(generator));
        MarginBook book = built.value();
        double heapPerSub = (double) built.bytes() / accounts;

        progress(err, "full revaluation, stream baseline, parallel revaluation");
        double full = perSub(medianNs(repeats, () -> {
            book.revalueAll();
            return book.equity(0);
        }));
        double stream = perSub(medianNs(repeats, () -> StreamBaseline.sum(book)));
        double rowStream;
        {
            double[][] results = new double[7][accounts];
            rowStream = perSub(medianNs(repeats, () -> StreamBaseline.rowWise(book, results)));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double parallel;
        try (ParallelRevaluation p = new ParallelRevaluation(Math.max(2, cores))) {
            parallel = perSub(medianNs(repeats, () -> {
                p.revalueAll(book);
                return book.equity(0);
            }));
        }

        progress(err, "naive object-per-account revaluation");
        double naive;
        {
            NaiveRevaluation n = new NaiveRevaluation(generator.generate());
            naive = perSub(medianNs(repeats, n::revalueAll));
        }

        progress(err, "quiet ticks");
        QuietTick tick = new QuietTick(book.copy(), generator.universe().markets(), "BTC");
        long[] ticks = new long[quick ? 2_001 : 20_001];
        for (int i = 0; i < ticks.length; i++) { // warm-up
            tick.tick();
        }
        for (int i = 0; i < ticks.length; i++) {
            long t0 = System.nanoTime();
            tick.tick();
            ticks[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ticks);
        double tickMedian = ticks[ticks.length / 2];
        double tickP99 = ticks[(int) Math.min(ticks.length - 1, Math.ceil(0.99 * ticks.length) - 1)];
        if (tick.liquidations() != 0) {
            throw new IllegalStateException("a quiet tick liquidated " + tick.liquidations()
                    + " sub-accounts");
        }

        Double speed = null;
        Double simulated = null;
        Long liquidations = null;
        Double fork = null;
        Double viewedSpeed = null;
        Double publicationCost = null;
        Double riskPassMs = null;
        Long riskPasses = null;
        String reason = null;
        CrashDayReader.Opened opened = CrashDayReader.open(scenarioFile);
        if (!opened.present()) {
            reason = opened.absent() + ": replay and fork not measured";
        } else {
            CrashDay day = opened.day();
            List<String> markets = day.markets();
            progress(err, "replay warm-up (" + Math.max(1, Math.min(accounts, 2_000)) + " sub-accounts)");
            CrashDay.replay(day.scenario(BenchPopulation.generator(Math.max(1, Math.min(accounts, 2_000)), markets)
                    .generate()), new CrashDay.Clockwork());
            Book population = BenchPopulation.generator(accounts, markets).generate();
            Scenario scenario = day.scenario(population);
            int runs = quick ? 1 : 3;
            double[] speeds = new double[runs];
            double[] viewedSpeeds = new double[runs];
            EngineView viewed = null;
            for (int i = 0; i < runs; i++) { // the plain and the viewed replay in turn: the same noise for both
                progress(err, "replaying the day over " + accounts + " sub-accounts (" + (i + 1) + "/" + runs + ")");
                CrashDay.Clockwork sink = new CrashDay.Clockwork();
                long t0 = System.nanoTime();
                ReplayRunner.Result r = CrashDay.replay(scenario, sink);
                double wall = (System.nanoTime() - t0) / 1e9;
                simulated = (sink.lastMs() - sink.firstMs()) / 1000.0;
                liquidations = r.summary().liquidations();
                speeds[i] = simulated / wall;
                progress(err, "the day again through the engine loop, publishing every view at 20 Hz (" + (i + 1)
                        + "/" + runs + ")");
                t0 = System.nanoTime();
                try {
                    viewed = CrashDay.viewedReplay(scenario, Pacer.of(System::nanoTime));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while replaying through the engine loop", e);
                }
                wall = (System.nanoTime() - t0) / 1e9;
                if (viewed.state() != EngineView.State.ENDED) {
                    throw new IllegalStateException("the replay through the engine loop stopped: " + viewed.error());
                }
                viewedSpeeds[i] = simulated / wall;
            }
            speed = median(speeds);
            viewedSpeed = median(viewedSpeeds);
            publicationCost = 1 - viewedSpeed / speed;
            riskPassMs = viewed.risk().passNanos() / 1e6;
            riskPasses = viewed.risk().passes();
            progress(err, "fork from the 21:10 snapshot, one hour re-simulated");
            Replay.Snapshot snapshot = CrashDay.snapshotAtForkTime(scenario);
            CrashDay.fork(scenario, snapshot); // warm-up
            fork = medianNs(quick ? 1 : 3, () -> CrashDay.fork(scenario, snapshot).liquidations()) / 1e9;
        }

        BenchReport report = new BenchReport(accounts, full, parallel, stream, rowStream, naive, tickMedian, tickP99, speed,
                simulated, liquidations, fork, viewedSpeed, publicationCost, riskPassMs, riskPasses, reason,
                heapPerSub,
                System.getProperty("java.vendor") + " " + Runtime.version(), cpuModel(), cores,
                Runtime.getRuntime().maxMemory(), quick);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BenchReportWriter.write(report, buffer);
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }

    /** The console's default population with --quick, sub-accounts. */
    static final int CONSOLE_QUICK_ACCOUNTS = 2_000;
    /** The console's window in the bench, px. */
    static final int CONSOLE_WIDTH = 1440;
    static final int CONSOLE_HEIGHT = 900;

    private Integer console(PrintWriter err) {
        var parsed = spec.commandLine().getParseResult();
        int n = quick && !parsed.hasMatchedOption("--accounts") ? CONSOLE_QUICK_ACCOUNTS : accounts;
        Scenario base;
        if ((quick && !parsed.hasMatchedOption("--scenario")) || "default".equals(scenarioFile.toString())) {
            base = ConsoleSession.defaultScenario();
        } else {
            CrashDayReader.Opened opened = CrashDayReader.open(scenarioFile);
            if (opened.present()) {
                base = opened.day().shipped();
            } else {
                err.println("solvent: " + opened.absent() + "; measuring the console on its embedded default"
                        + " scenario instead");
                err.flush();
                base = ConsoleSession.defaultScenario();
            }
        }
        if (soak != null) {
            return soak(err, base, n);
        }
        ConsoleBench.Result r;
        try {
            r = ConsoleBench.run(new ConsoleBench.Options(base, n, quick, CONSOLE_WIDTH, CONSOLE_HEIGHT,
                    snapshots == null ? 0 : snapshots, err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the console", e);
        } catch (ConsoleBench.Failed e) {
            err.println("solvent: bench --console: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.table());
        out.flush();
        return ExitCodes.OK; // a measurement: a missed target is in the table, not in the status
    }

    private Integer soak(PrintWriter err, Scenario base, int n) {
        java.time.Duration d;
        try {
            d = soak.matches("\\d+(\\.\\d+)?") ? java.time.Duration.ofMillis(Math.round(Double.parseDouble(soak)
                    * 60_000)) : java.time.Duration.parse(soak);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--soak expects a duration such as PT10M or a number of"
                    + " minutes, was '" + soak + "'");
        }
        if (d.isNegative() || d.isZero() || d.toDays() > 7) {
            throw new ParameterException(spec.commandLine(), "--soak must be more than 0 and at most 7 days, was "
                    + soak);
        }
        ConsoleSoak.Result r;
        try {
            r = ConsoleSoak.run(new ConsoleSoak.Options(base, n, d, CONSOLE_WIDTH, CONSOLE_HEIGHT,
                    snapshots == null ? 0 : snapshots, err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while soaking the console", e);
        } catch (ConsoleBench.Failed e) {
            err.println("solvent: bench --console --soak: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.table());
        out.flush();
        return ExitCodes.OK; // a measurement: growth is in the table, not in the status
    }

    private double perSub(double ns) {
        return ns / accounts;
    }

    /** Warm-up before timing: at least this many calls and at least {@link #WARM_UP_NS} of them. */
    private static final int WARM_UP_CALLS = 5;
    /**
     * A single warm-up call left whole-pass kernels (one call per pass, a long loop inside) partly interpreted while
     * the compiler caught up: 100,000 sub-accounts timed 84 ns where the compiled pass takes about 30.
     */
    private static final long WARM_UP_NS = 1_000_000_000L;

    /** Runs the warm-up, then {@code repeats} times; the median wall time of one run, ns. */
    private static double medianNs(int repeats, DoubleSupplier work) {
        double sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < WARM_UP_CALLS || System.nanoTime() - start < WARM_UP_NS; i++) {
            sink += work.getAsDouble();
        }
        double[] ns = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            sink += work.getAsDouble();
            ns[i] = System.nanoTime() - t0;
        }
        if (sink == 42.4242) {
            ns[0]++; // keeps the results alive
        }
        return median(ns);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void progress(PrintWriter err, String what) {
        err.println("bench: " + what);
        err.flush();
    }

    /** @return the CPU model from /proc/cpuinfo, or null when there is none */
    static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
