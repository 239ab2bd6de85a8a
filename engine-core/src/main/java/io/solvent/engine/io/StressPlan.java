package io.solvent.engine.io;

import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.Calibration;
import io.solvent.engine.scenario.MonteCarlo;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.StressGrid;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ScenarioFeeds;
import io.solvent.engine.sim.stress.StressRunner;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A checked stress analysis: what {@code solvent stress} runs on its threads and the Spark job runs on a cluster,
 * read from the same {@link StressOptions} and written by the same {@link StressReportWriter} calls, so that both give
 * the same files byte for byte. A grid, a forked grid and Monte Carlo paths are independent runs
 * ({@link Independent}: run {@code i} is a pure function of the plan and {@code i}); the reverse search is iterative.
 */
public sealed interface StressPlan {

    /**
     * Checks the options and reads what they name (the scenario, each grid cell's values, the calibration window).
     *
     * @param o the options as given
     * @return the plan
     * @throws StressOptions.Rejected when an option is wrong (one line naming it)
     * @throws io.solvent.engine.input.InputException when a file or a {@code --set} value is bad (file and place)
     */
    static StressPlan of(StressOptions o) {
        int modes = (o.reverse() ? 1 : 0) + (o.sets() != null ? 1 : 0) + (o.monteCarlo() != null ? 1 : 0);
        if (modes != 1) {
            throw new StressOptions.Rejected("give one of --set KEY=V1,V2,..., --reverse or --monte-carlo N");
        }
        if (o.forkAt() != null && o.sets() == null) {
            throw new StressOptions.Rejected("--fork-at goes with a grid (--set)");
        }
        if (o.reverse()) {
            return Reverse.of(o);
        }
        if (o.monteCarlo() != null) {
            return MonteCarloPaths.of(o);
        }
        Map<String, List<String>> grid = grid(o.sets());
        String tooLarge = StressGrid.tooLarge(grid);
        if (tooLarge != null) {
            throw new StressOptions.Rejected("--set: " + tooLarge); // before a single cell is built
        }
        List<Map<String, String>> combinations = StressGrid.combinations(grid);
        if (o.forkAt() != null) {
            return ForkedGrid.of(o.scenario(), combinations, time(o.forkAt()));
        }
        for (Map<String, String> c : combinations) {
            ScenarioReader.read(o.scenario(), c); // reject a bad value before running anything
        }
        return new Grid(o.scenario().toString(), combinations);
    }

    /**
     * The {@code --set} syntax: {@code KEY=V1,V2,...}, each key once.
     *
     * @param sets each {@code --set} as given, in order
     * @return each key's values, keys in the order given
     * @throws StressOptions.Rejected when one is malformed or a key is given twice
     */
    static Map<String, List<String>> grid(List<String> sets) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new StressOptions.Rejected("--set expects KEY=V1,V2,..., was '" + s + "'");
            }
            String key = s.substring(0, eq);
            if (grid.containsKey(key)) {
                throw new StressOptions.Rejected("--set " + key + " given twice");
            }
            grid.put(key, Arrays.asList(s.substring(eq + 1).split(",", -1)));
        }
        return grid;
    }

    /**
     * @param text TIME as {@code solvent replay --fork-at} reads it: an ISO-8601 UTC instant or ms since the epoch
     * @return ms since the Unix epoch, UTC
     * @throws StressOptions.Rejected when it is neither
     */
    static long time(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new StressOptions.Rejected("--fork-at expects an ISO-8601 UTC instant (2025-10-10T21:00:00Z) or ms"
                    + " since the epoch, was '" + text + "'");
        }
    }

    /** The scenario file every run reads. @return its path as given */
    Path scenario();

    /**
     * Independent runs: run {@code i} depends only on the plan and {@code i}, so they can run anywhere in any order.
     * An implementation is serializable data (paths, strings, numbers), cheap to ship to another machine.
     */
    sealed interface Independent extends StressPlan, java.io.Serializable {
        /** @return how many runs */
        int runs();

        /**
         * Runs some of the runs, one after another, on the calling thread.
         *
         * @param scenarioFile the scenario file to read (a copy of {@link #scenario()} with its inputs beside it, at
         *                     the same relative places, on another machine)
         * @param indexes      which runs, each in {@code [0, runs())}
         * @return their results, in the order of {@code indexes}
         */
        List<ReplayRunner.Result> run(Path scenarioFile, int[] indexes);

        /**
         * Runs every run on the runner's threads.
         *
         * @param runner the stress runner
         * @return each run's result, in grid (or path) order
         * @throws InterruptedException when interrupted
         */
        List<ReplayRunner.Result> runAll(StressRunner runner) throws InterruptedException;

        /**
         * Writes the results into {@code out} ({@code stress.csv} and {@code stress.json}, or {@code montecarlo.csv}
         * and {@code montecarlo.json}).
         *
         * @param out     the output folder, created when missing
         * @param results each run's result, in grid (or path) order
         * @return what to tell the user, one line or more, each ending in a newline
         */
        String write(Path out, List<ReplayRunner.Result> results);

        /** @return what the progress line calls the analysis ({@code stress}, {@code stress --monte-carlo}) */
        String task();
    }

    /**
     * A grid of runs, each from the start under its cell's values.
     *
     * @param file         the scenario file
     * @param combinations each cell's values, in grid order (the last key varies fastest)
     */
    record Grid(String file, List<Map<String, String>> combinations) implements Independent {
        private static final long serialVersionUID = 1L;

        /** @param file the scenario file @param combinations each cell's values, in grid order */
        public Grid {
            combinations = serializable(combinations);
        }

        @Override
        public Path scenario() {
            return Path.of(file);
        }

        @Override
        public int runs() {
            return combinations.size();
        }

        @Override
        public List<ReplayRunner.Result> run(Path scenarioFile, int[] indexes) {
            StressRunner runner = new StressRunner(1, StressRunner.Progress.NONE, () -> false);
            List<ReplayRunner.Result> out = new ArrayList<>(indexes.length);
            for (int i : indexes) {
                out.add(runner.run(ScenarioReader.read(scenarioFile, combinations.get(i))));
            }
            return out;
        }

        @Override
        public List<ReplayRunner.Result> runAll(StressRunner runner) throws InterruptedException {
            return runner.grid(combinations.size(), i -> ScenarioReader.read(scenario(), combinations.get(i)));
        }

        @Override
        public String write(Path out, List<ReplayRunner.Result> results) {
            StressReportWriter.write(out, combinations, results);
            return "solvent: stress: " + results.size() + " runs written to " + out.resolve("stress.csv")
                    + " and stress.json\n";
        }

        @Override
        public String task() {
            return "stress";
        }
    }

    /**
     * A grid forked at a moment ({@link StressRunner#forkedGrid}): the shared history runs once per call of
     * {@link #run} (once per task on a cluster), each cell goes on from there under its values.
     *
     * @param file         the scenario file
     * @param combinations each cell's values, in grid order
     * @param atMs         the fork time, ms since the Unix epoch, UTC
     */
    record ForkedGrid(String file, List<Map<String, String>> combinations, long atMs) implements Independent {
        private static final long serialVersionUID = 1L;

        /** @param file the scenario file @param combinations the cells @param atMs the fork time, ms since the epoch */
        public ForkedGrid {
            combinations = serializable(combinations);
        }

        static ForkedGrid of(Path scenario, List<Map<String, String>> combinations, long atMs) {
            ForkedGrid g = new ForkedGrid(scenario.toString(), combinations, atMs);
            g.cells(ScenarioReader.read(scenario), combinations); // reject a bad value, or an input a fork cannot change
            return g;
        }

        @Override
        public Path scenario() {
            return Path.of(file);
        }

        private List<Parameters> cells(Scenario base, List<Map<String, String>> which) {
            List<Parameters> cells = new ArrayList<>(which.size());
            for (Map<String, String> c : which) {
                try {
                    cells.add(base.parameters().with(c));
                } catch (ParameterException e) {
                    throw new StressOptions.Rejected("--set " + e.getMessage());
                }
            }
            return cells;
        }

        @Override
        public int runs() {
            return combinations.size();
        }

        @Override
        public List<ReplayRunner.Result> run(Path scenarioFile, int[] indexes) {
            Scenario base = ScenarioReader.read(scenarioFile);
            List<Map<String, String>> which = Arrays.stream(indexes).mapToObj(combinations::get).toList();
            try {
                return new StressRunner(1, StressRunner.Progress.NONE, () -> false).forkedGrid(base, atMs,
                        cells(base, which));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }

        @Override
        public List<ReplayRunner.Result> runAll(StressRunner runner) throws InterruptedException {
            Scenario base = ScenarioReader.read(scenario());
            return runner.forkedGrid(base, atMs, cells(base, combinations));
        }

        @Override
        public String write(Path out, List<ReplayRunner.Result> results) {
            StressReportWriter.write(out, combinations, results, atMs);
            return "solvent: stress: " + results.size() + " runs forked at " + Instant.ofEpochMilli(atMs)
                    + " written to " + out.resolve("stress.csv") + " and stress.json\n";
        }

        @Override
        public String task() {
            return "stress --fork-at";
        }
    }

    /**
     * Monte Carlo paths calibrated to a recorded window.
     *
     * @param file        the scenario file
     * @param calibration the measured volatility and correlation
     * @param startMs     the paths' first instant, ms since the Unix epoch, UTC (the scenario's first price)
     * @param seed        the seed of path 0 (path i uses {@code seed + i})
     * @param paths       how many
     */
    record MonteCarloPaths(String file, Calibration calibration, long startMs, long seed, int paths)
            implements Independent {
        private static final long serialVersionUID = 1L;

        @Override
        public Path scenario() {
            return Path.of(file);
        }

        static MonteCarloPaths of(StressOptions o) {
            int n = o.monteCarlo();
            if (n < 1 || o.calibrate() == null) {
                throw new StressOptions.Rejected("--monte-carlo needs N >= 1 and --calibrate FILE... (a recorded"
                        + " window)");
            }
            if (n > StressOptions.MAX_PATHS) {
                throw new StressOptions.Rejected("--monte-carlo " + n + " is more paths than one run takes (at most "
                        + StressOptions.MAX_PATHS + "; each path is a whole replay): split it into runs of other --seed"
                        + " values");
            }
            Scenario base = ScenarioReader.read(o.scenario());
            List<String> symbols = base.symbols().keySet().stream().sorted().toList();
            Calibration calibration;
            List<RecordedFeedReader> readers = new ArrayList<>();
            try {
                for (Path f : o.calibrate()) {
                    readers.add(RecordedFeedReader.open(f));
                }
                try (MergedFeedReader window = new MergedFeedReader(readers)) {
                    calibration = Calibration.of(window, symbols);
                }
            } catch (IllegalArgumentException e) {
                throw new StressOptions.Rejected("--calibrate: " + e.getMessage());
            }
            return new MonteCarloPaths(o.scenario().toString(), calibration, ScenarioFeeds.firstTickMs(base), o.seed(), n);
        }

        @Override
        public int runs() {
            return paths;
        }

        @Override
        public List<ReplayRunner.Result> run(Path scenarioFile, int[] indexes) {
            Scenario base = ScenarioReader.read(scenarioFile);
            StressRunner runner = new StressRunner(1, StressRunner.Progress.NONE, () -> false);
            List<ReplayRunner.Result> out = new ArrayList<>(indexes.length);
            for (int i : indexes) {
                out.add(runner.run(MonteCarlo.path(base, calibration, startMs, seed, i)));
            }
            return out;
        }

        @Override
        public List<ReplayRunner.Result> runAll(StressRunner runner) throws InterruptedException {
            return runner.monteCarlo(ScenarioReader.read(scenario()), calibration, startMs, seed, paths);
        }

        @Override
        public String write(Path out, List<ReplayRunner.Result> results) {
            StressReportWriter.writeMonteCarlo(out, calibration, seed, results);
            StringBuilder said = new StringBuilder("solvent: stress --monte-carlo: " + results.size()
                    + " paths written to " + out.resolve("montecarlo.json") + " and montecarlo.csv\n");
            for (double level : MonteCarlo.LEVELS) {
                int tail = MonteCarlo.pathsInTail(results.size(), level);
                if (tail < MonteCarlo.RELIABLE_TAIL_PATHS) {
                    said.append(String.format(Locale.ROOT, "solvent: stress --monte-carlo: warning: with %d paths the"
                            + " %d%% VaR and expected shortfall rest on %d path%s (%s); %,d paths or more put %d in"
                            + " the tail%n", results.size(), Math.round(level * 100), tail, tail == 1 ? "" : "s",
                            tail == 1 ? "the VaR is the sample maximum" : "the largest losses",
                            MonteCarlo.pathsFor(level), MonteCarlo.RELIABLE_TAIL_PATHS));
                }
            }
            return said.toString();
        }

        @Override
        public String task() {
            return "stress --monte-carlo";
        }
    }

    /**
     * The reverse stress search: the smallest uniform instant drop that empties the fund. Iterative (each run's drop
     * depends on the previous runs), so it runs where it is called.
     *
     * @param scenario the scenario file
     * @param base     the scenario
     * @param atMs     when the drop happens, ms since the Unix epoch, UTC
     * @param maxDrop  the largest drop tried, {@code (0, 1)}
     */
    record Reverse(Path scenario, Scenario base, long atMs, double maxDrop) implements StressPlan {
        static Reverse of(StressOptions o) {
            if (!(o.maxDrop() > 0 && o.maxDrop() < 1)) {
                throw new StressOptions.Rejected("--max-drop must be between 0 and 1, was " + o.maxDrop());
            }
            Scenario base = ScenarioReader.read(o.scenario());
            return new Reverse(o.scenario(), base, o.shockAt() != null ? o.shockAt() : ScenarioFeeds.firstTickMs(base),
                    o.maxDrop());
        }

        /**
         * @param runner the stress runner (one run at a time)
         * @return the search's outcome
         */
        public ReverseStress.Outcome search(StressRunner runner) {
            return runner.reverse(base, atMs, maxDrop);
        }

        /**
         * Writes {@code reverse.json} and, when a drop (or the scenario itself) empties the fund, the replay that shows
         * it into {@code out/run}.
         *
         * @param out           the output folder
         * @param outcome       the search's outcome
         * @param engineVersion the product version, for the run's manifest
         * @return what to tell the user, one line ending in a newline
         */
        public String write(Path out, ReverseStress.Outcome outcome, String engineVersion) {
            StressReportWriter.writeReverse(out, atMs, outcome);
            if (Double.isNaN(outcome.emptiesAt())) {
                return String.format(Locale.ROOT, "solvent: stress --reverse: the fund survives even a %.1f%% drop (%d"
                        + " runs)%n", 100 * maxDrop, outcome.trials().size());
            }
            // no drop at all may be needed: the scenario's own path empties the fund, and there is no threshold
            boolean itself = Double.isNaN(outcome.survives());
            Scenario shown = itself ? base : ReverseStress.shocked(base, atMs, outcome.emptiesAt());
            try (ReplayOutput output = new ReplayOutput(out.resolve("run"),
                    shown.book().assets().stream().map(Asset::symbol).toList())) {
                output.finish(shown, ReplayRunner.run(shown, output), engineVersion);
            }
            if (itself) {
                return String.format(Locale.ROOT, "solvent: stress --reverse: the scenario empties the fund without any"
                        + " added drop (1 run); there is no smallest drop to find; the run that shows it is in %s%n",
                        out.resolve("run"));
            }
            return String.format(Locale.ROOT, "solvent: stress --reverse: a uniform drop of %.2f%% at %d empties the"
                    + " fund (%.2f%% does not; %d runs); the run that shows it is in %s%n", 100 * outcome.emptiesAt(),
                    atMs, 100 * outcome.survives(), outcome.trials().size(), out.resolve("run"));
        }
    }

    private static List<Map<String, String>> serializable(List<Map<String, String>> combinations) {
        List<Map<String, String>> copy = new ArrayList<>(combinations.size());
        for (Map<String, String> c : combinations) {
            copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(c)));
        }
        return java.util.Collections.unmodifiableList(copy);
    }
}
