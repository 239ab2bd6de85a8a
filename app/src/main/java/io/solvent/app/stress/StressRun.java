package io.solvent.app.stress;

import io.solvent.app.viewmodel.Format;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.scenario.Calibration;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ScenarioFeeds;
import io.solvent.engine.sim.stress.StressRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs a {@link StressJob} on the engine's {@link StressRunner} — the runner {@code solvent stress} drives, so the
 * figures are the command's, bit for bit — on the calling thread (the console calls it from a background task), telling
 * a {@link Listener} of progress with the rate and ETA, and stopping when asked: a cancelled analysis returns what it
 * has ({@link StressResult#cancelled()}), or null when nothing usable finished.
 */
public final class StressRun {

    /** Told of progress, from the running thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param done    runs finished
         * @param total   runs in all (the reverse search: the most it can take)
         * @param message such as {@code 3 of 12 runs · 0.8 runs/s · ETA 11.3 s}
         */
        void progress(long done, long total, String message);

        /**
         * What a grid or Monte Carlo run has so far, while it runs (at most twice a second): a grid's finished cells,
         * the unbroken prefix of finished paths. Not {@link StressResult#cancelled()}, and short of its planned runs.
         *
         * @param soFar the result so far
         */
        default void interim(StressResult soFar) {
        }
    }

    private StressRun() {
    }

    /**
     * @param job       the analysis
     * @param threads   runs at once, {@code >= 1}
     * @param listener  told of progress
     * @param cancelled asked between feed events: true stops the analysis
     * @return its result, complete or partial (cancelled); null when cancelled before anything usable finished
     * @throws IllegalArgumentException when the calibration files cannot be read or fitted, or a cell cannot fork
     * @throws InterruptedException     when the thread is interrupted
     */
    public static StressResult run(StressJob job, int threads, Listener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        return run(job, threads, listener, cancelled, System::nanoTime);
    }

    static StressResult run(StressJob job, int threads, Listener listener, BooleanSupplier cancelled,
                            LongSupplier nanos) throws InterruptedException {
        Eta eta = new Eta(listener, nanos);
        return switch (job) {
            case StressJob.Grid g -> grid(g, threads, eta, cancelled);
            case StressJob.Reverse r -> reverse(r, eta, cancelled);
            case StressJob.MonteCarlo m -> monteCarlo(m, threads, eta, cancelled);
        };
    }

    private static StressResult grid(StressJob.Grid g, int threads, Eta eta, BooleanSupplier cancelled)
            throws InterruptedException {
        int n = g.runs();
        ReplayRunner.Result[] done = new ReplayRunner.Result[n];
        StressRunner runner = new StressRunner(threads, eta, cancelled, (i, r) -> {
            done[i] = r;
            if (eta.interimDue()) {
                eta.listener.interim(gridOf(g, done, false));
            }
        });
        boolean stopped = false;
        try {
            if (g.forkAtMs() == null) {
                runner.grid(n, i -> g.scenario().withParameters(g.cellParameters().get(i)));
            } else {
                runner.forkedGrid(g.scenario(), g.forkAtMs(), g.cellParameters());
            }
        } catch (CancellationException e) {
            stopped = true;
        }
        StressResult.GridResult r = gridOf(g, done, stopped);
        return stopped && r.rows().isEmpty() ? null : r;
    }

    private static StressResult.GridResult gridOf(StressJob.Grid g, ReplayRunner.Result[] done, boolean stopped) {
        List<StressResult.RunRow> rows = new ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            if (done[i] != null) {
                rows.add(StressResult.RunRow.of(i, g.cells().get(i), done[i]));
            }
        }
        return new StressResult.GridResult(g.keys(), rows, done.length, g.forkAtMs(), stopped);
    }

    private static StressResult reverse(StressJob.Reverse job, Eta eta, BooleanSupplier cancelled) {
        StressRunner runner = new StressRunner(1, StressRunner.Progress.NONE, cancelled);
        List<ReverseStress.Trial> trials = new ArrayList<>();
        Map<Double, ReplayRunner.Result> runs = new HashMap<>();
        long most = job.runs();
        try {
            eta.update(0, most, "drop 0");
            ReverseStress.Outcome o = ReverseStress.search(drop -> {
                eta.update(trials.size(), Math.max(most, trials.size() + 1), String.format(Locale.ROOT,
                        "drop %.2f%%", 100 * drop));
                ReplayRunner.Result r = runner.run(ReverseStress.shocked(job.scenario(), job.shockAtMs(), drop));
                runs.put(drop, r);
                double minimum = r.summary().fundMinimumUsd();
                trials.add(new ReverseStress.Trial(drop, minimum, minimum <= 0));
                return minimum;
            }, job.maxDrop());
            eta.update(trials.size(), trials.size(), "");
            return new StressResult.ReverseResult(job.shockAtMs(), job.maxDrop(), o.emptiesAt(), o.survives(),
                    o.trials(), runOf(o.emptiesAt(), runs), false);
        } catch (CancellationException e) {
            if (trials.isEmpty()) {
                return null;
            }
            double empties = trials.stream().filter(ReverseStress.Trial::emptied)
                    .mapToDouble(ReverseStress.Trial::drop).min().orElse(Double.NaN);
            double survives = trials.stream().filter(t -> !t.emptied())
                    .mapToDouble(ReverseStress.Trial::drop).max().orElse(Double.NaN);
            return new StressResult.ReverseResult(job.shockAtMs(), job.maxDrop(), empties, survives, trials,
                    runOf(empties, runs), true);
        }
    }

    private static StressResult.RunRow runOf(double drop, Map<Double, ReplayRunner.Result> runs) {
        ReplayRunner.Result r = Double.isNaN(drop) ? null : runs.get(drop);
        if (r == null) {
            return null;
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("drop", Double.toString(drop));
        return StressResult.RunRow.of(0, set, r);
    }

    private static StressResult monteCarlo(StressJob.MonteCarlo job, int threads, Eta eta, BooleanSupplier cancelled)
            throws InterruptedException {
        Scenario base = job.scenario();
        List<String> symbols = base.symbols().keySet().stream().sorted().toList();
        Calibration calibration = calibrate(job.calibration(), symbols);
        long start = ScenarioFeeds.firstTickMs(base);
        int n = job.paths();
        ReplayRunner.Result[] done = new ReplayRunner.Result[n];
        StressRunner runner = new StressRunner(threads, eta, cancelled, (i, r) -> {
            done[i] = r;
            if (eta.interimDue() && done[0] != null) {
                eta.listener.interim(monteCarloOf(job, calibration, done, false));
            }
        });
        boolean stopped = false;
        try {
            runner.monteCarlo(base, calibration, start, job.seed(), n);
        } catch (CancellationException e) {
            stopped = true;
        }
        return done[0] == null ? null : monteCarloOf(job, calibration, done, stopped);
    }

    /** The paths 0..k-1 that finished without a gap, and their tails; at least path 0 must have. */
    private static StressResult.MonteCarloResult monteCarloOf(StressJob.MonteCarlo job, Calibration calibration,
                                                              ReplayRunner.Result[] done, boolean stopped) {
        int k = 0;
        while (k < done.length && done[k] != null) {
            k++;
        }
        List<StressResult.RunRow> paths = new ArrayList<>(k);
        double[] badDebt = new double[k];
        double[] fundLoss = new double[k];
        for (int i = 0; i < k; i++) {
            StressResult.RunRow row = StressResult.RunRow.of(i, Map.of("seed", Long.toString(job.seed() + i)),
                    done[i]);
            paths.add(row);
            badDebt[i] = row.badDebtUsd();
            fundLoss[i] = row.fundLossUsd();
        }
        return new StressResult.MonteCarloResult(done.length, job.seed(), calibration.symbols(),
                calibration.volatility(), paths, StressResult.Tail.of(badDebt), StressResult.Tail.of(fundLoss),
                stopped);
    }

    /** The calibration {@code solvent stress --monte-carlo --calibrate} fits: the files merged, the mapped symbols. */
    static Calibration calibrate(List<Path> files, List<String> symbols) {
        List<RecordedFeedReader> readers = new ArrayList<>();
        try {
            for (Path f : files) {
                readers.add(RecordedFeedReader.open(f));
            }
            try (MergedFeedReader window = new MergedFeedReader(readers)) {
                return Calibration.of(window, symbols);
            }
        } catch (RuntimeException e) {
            readers.forEach(r -> {
                try {
                    r.close();
                } catch (RuntimeException ignored) {
                    // already reporting the first problem
                }
            });
            throw new IllegalArgumentException("calibration files: " + e.getMessage(), e);
        }
    }

    /** Turns the runner's progress into runs done, the rate and the time left. */
    private static final class Eta implements StressRunner.Progress {
        private static final long INTERIM_EVERY_NS = 500_000_000L;
        private final Listener listener;
        private final LongSupplier nanos;
        private final long start;
        private long lastInterim;

        Eta(Listener listener, LongSupplier nanos) {
            this.listener = listener;
            this.nanos = nanos;
            this.start = nanos.getAsLong();
            this.lastInterim = start;
        }

        /** @return whether an interim result is due (at most every half second) */
        boolean interimDue() {
            long now = nanos.getAsLong();
            if (now - lastInterim < INTERIM_EVERY_NS) {
                return false;
            }
            lastInterim = now;
            return true;
        }

        @Override
        public void update(long done, long total, String detail) {
            double seconds = (nanos.getAsLong() - start) / 1e9;
            StringBuilder m = new StringBuilder();
            m.append(Format.count(done)).append(" of ").append(Format.count(total)).append(" runs");
            if (done > 0 && seconds > 0) {
                double rate = done / seconds;
                m.append(String.format(Locale.ROOT, " · %.2f runs/s", rate));
                if (total > done) {
                    m.append(" · ETA ").append(Format.duration(Math.round((total - done) / rate * 1000)));
                }
            } else if (done < total) {
                m.append(" · ETA —");
            }
            if (!detail.isEmpty()) {
                m.append(" · ").append(detail);
            }
            listener.progress(done, total, m.toString());
        }
    }
}
