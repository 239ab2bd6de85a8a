package io.solvent.engine.sim.stress;

import io.solvent.engine.scenario.Calibration;
import io.solvent.engine.scenario.MonteCarlo;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Runs the stress analyses — a grid of scenarios, the reverse stress search, Monte Carlo paths — on a pool of threads,
 * telling a {@link Progress} as runs finish and stopping when asked ({@link BooleanSupplier} checked between feed
 * events of every run): the command line and the console run them the same way, the console as a background task
 * with a progress bar and a cancel button. Every run is a plain {@link ReplayRunner#run} of its scenario, so a stress
 * run's figures are the replay's, bit for bit.
 */
public final class StressRunner {
    /** How often a run looks at the cancellation, in feed events. */
    private static final int CHECK_EVERY = 1 << 10;
    /** How often the caller is told of progress while runs are under way, ms. */
    private static final long PROGRESS_EVERY_MS = 200;

    /** Told of progress, from the thread that called the runner. */
    @FunctionalInterface
    public interface Progress {
        /** Tells nothing. */
        Progress NONE = (done, total, detail) -> { };

        /**
         * @param done   runs finished
         * @param total  runs in all (for the reverse search, the most it can take)
         * @param detail what is being run, such as {@code drop 0.1250}; may be empty
         */
        void update(long done, long total, String detail);
    }

    /**
     * Told of each run as it finishes, from the thread that called the runner, before the progress that counts it:
     * what a caller that is cancelled half-way keeps (the console shows the runs finished so far).
     */
    @FunctionalInterface
    public interface Finished {
        /** Told nothing. */
        Finished NONE = (index, result) -> { };

        /**
         * @param index  the run's index in grid (or path) order
         * @param result its result
         */
        void finished(int index, ReplayRunner.Result result);
    }

    private final int threads;
    private final Progress progress;
    private final BooleanSupplier cancelled;
    private final Finished finished;

    /**
     * @param threads   runs at once, {@code >= 1}
     * @param progress  told of progress
     * @param cancelled asked between feed events: true stops every run and the analysis throws
     *                  {@link CancellationException}
     */
    public StressRunner(int threads, Progress progress, BooleanSupplier cancelled) {
        this(threads, progress, cancelled, Finished.NONE);
    }

    /**
     * @param threads   runs at once, {@code >= 1}
     * @param progress  told of progress
     * @param cancelled asked between feed events: true stops every run and the analysis throws
     *                  {@link CancellationException}
     * @param finished  told of every run of a grid or of Monte Carlo paths as it finishes
     */
    public StressRunner(int threads, Progress progress, BooleanSupplier cancelled, Finished finished) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least 1 thread, was " + threads);
        }
        this.threads = threads;
        this.progress = progress;
        this.cancelled = cancelled;
        this.finished = finished;
    }

    /**
     * @param scenarios the grid's scenarios, in grid order
     * @return each one's result, in grid order
     * @throws CancellationException when cancelled
     * @throws InterruptedException  when interrupted while waiting for runs
     */
    public List<ReplayRunner.Result> grid(List<Scenario> scenarios) throws InterruptedException {
        return grid(scenarios.size(), scenarios::get);
    }

    /**
     * A grid whose scenarios are made as their runs start (so that a large grid over a large book holds no more
     * books than there are threads).
     *
     * @param count      the grid's size
     * @param scenarioOf the scenario of each index, in grid order
     * @return each one's result, in grid order
     * @throws CancellationException when cancelled
     * @throws InterruptedException  when interrupted while waiting for runs
     */
    public List<ReplayRunner.Result> grid(int count, IntFunction<Scenario> scenarioOf) throws InterruptedException {
        return runAll(count, i -> Replay.start(scenarioOf.apply(i), ReplaySink.NONE));
    }

    /**
     * A grid forked at a moment: the scenario runs once under its own parameters through every feed event stamped at
     * or before {@code atMs}, and from a snapshot there each cell goes on to the end under its own parameters
     * ({@link Replay#fork}) — what {@code solvent replay --fork-at} does for one fork, so a cell's figures and state
     * hash are that fork's, bit for bit. The shared history runs once, however many cells.
     *
     * @param base  the scenario, under its original parameters
     * @param atMs  the fork time, ms since the Unix epoch, UTC
     * @param cells each cell's parameters, in grid order
     * @return each cell's result, in grid order
     * @throws CancellationException    when cancelled
     * @throws InterruptedException     when interrupted while waiting for runs
     * @throws IllegalArgumentException when a cell's parameters cannot fork the scenario (other markets or assets)
     */
    public List<ReplayRunner.Result> forkedGrid(Scenario base, long atMs, List<Parameters> cells)
            throws InterruptedException {
        Replay.Snapshot snapshot;
        String detail = "to the fork at " + java.time.Instant.ofEpochMilli(atMs);
        progress.update(0, cells.size(), detail);
        try (Replay shared = Replay.start(base, ReplaySink.NONE)) {
            for (long i = 1; shared.nextTimeMs() <= atMs && shared.step(); i++) {
                if ((i & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped at " + java.time.Instant.ofEpochMilli(shared.timeMs())
                            + ", before the fork");
                }
            }
            snapshot = shared.snapshot();
        }
        return runAll(cells.size(), i -> Replay.fork(snapshot, cells.get(i), ReplaySink.NONE));
    }

    /**
     * @param base        the scenario
     * @param calibration the fitted volatilities and correlations
     * @param startMs     the paths' first time, ms since the Unix epoch, UTC
     * @param seed        the seed of the paths (path i uses {@code seed + i})
     * @param paths       how many, {@code >= 1}
     * @return each path's result, in path order
     * @throws CancellationException when cancelled
     * @throws InterruptedException  when interrupted while waiting for runs
     */
    public List<ReplayRunner.Result> monteCarlo(Scenario base, Calibration calibration, long startMs, long seed,
                                                int paths) throws InterruptedException {
        return runAll(paths, i -> Replay.start(MonteCarlo.path(base, calibration, startMs, seed, i), ReplaySink.NONE));
    }

    /**
     * The smallest uniform drop at a moment that empties the insurance fund ({@link ReverseStress#search}: both ends,
     * then bisection), one run at a time.
     *
     * @param base    the scenario
     * @param atMs    the moment of the drop, ms since the Unix epoch, UTC
     * @param maxDrop the largest drop tried, {@code 0 < d < 1}
     * @return the search's outcome
     * @throws CancellationException when cancelled
     */
    public ReverseStress.Outcome reverse(Scenario base, long atMs, double maxDrop) {
        long most = 2 + (long) Math.ceil(Math.log(maxDrop / ReverseStress.TOLERANCE) / Math.log(2));
        long[] done = {0};
        return ReverseStress.search(drop -> {
            progress.update(done[0], most, String.format(java.util.Locale.ROOT, "drop %.4f", drop));
            double minimum = run(ReverseStress.shocked(base, atMs, drop)).summary().fundMinimumUsd();
            done[0]++;
            progress.update(done[0], Math.max(most, done[0]), String.format(java.util.Locale.ROOT, "drop %.4f",
                    drop));
            return minimum;
        }, maxDrop);
    }

    /**
     * @param scenario a scenario
     * @return its replay to the end, stopped when cancelled
     * @throws CancellationException when cancelled
     */
    public ReplayRunner.Result run(Scenario scenario) {
        return runToEnd(Replay.start(scenario, ReplaySink.NONE));
    }

    /** Steps a replay to its end, stopped when cancelled, and closes it. */
    private ReplayRunner.Result runToEnd(Replay started) {
        try (Replay replay = started) {
            for (long i = 1; replay.step(); i++) {
                if ((i & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped at " + java.time.Instant.ofEpochMilli(replay.timeMs()));
                }
            }
            return replay.finish();
        }
    }

    private List<ReplayRunner.Result> runAll(int count, IntFunction<Replay> replayOf)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, count)), r -> {
            Thread t = new Thread(r, "solvent-stress");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Map.Entry<Integer, ReplayRunner.Result>> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < count; i++) {
                int index = i;
                done.submit(() -> Map.entry(index, runToEnd(replayOf.apply(index))));
            }
            ReplayRunner.Result[] byIndex = new ReplayRunner.Result[count];
            progress.update(0, count, "");
            for (int ran = 0; ran < count; ) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped after " + ran + " of " + count + " runs");
                }
                Future<Map.Entry<Integer, ReplayRunner.Result>> f = done.poll(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
                if (f != null) {
                    Map.Entry<Integer, ReplayRunner.Result> r = f.get();
                    byIndex[r.getKey()] = r.getValue();
                    finished.finished(r.getKey(), r.getValue());
                    ran++;
                }
                progress.update(ran, count, "");
            }
            return Arrays.asList(byIndex); // in grid (or path) order, whatever finished first
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
