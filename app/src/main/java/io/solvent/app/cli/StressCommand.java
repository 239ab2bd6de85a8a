package io.solvent.app.cli;

import io.solvent.engine.io.ReplayOutput;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.scenario.Calibration;
import io.solvent.engine.scenario.MonteCarlo;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.io.StressReportWriter;
import io.solvent.engine.scenario.StressGrid;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.stress.StressRunner;
import io.solvent.engine.sim.ScenarioFeeds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code solvent stress SCENARIO.json --set key=v1,v2,... [--set ...] --out DIR}: a grid of replays. */
@Command(name = "stress",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Replays a scenario for every combination of parameter values; one summary row each.",
            "",
            "Each --set names a scenario field by its dotted path (liquidation.buffer, liquidation.maxFraction,"
                + " liquidity.depthPerPercentUsd, liquidity.cascadeFeedback, oracle.latencyMs, deleveraging,"
                + " insuranceFund.openingBalanceUsd, ...) and its values, comma-separated. Writes stress.csv and"
                + " stress.json into DIR, rows in grid order (the last --set varies fastest) whatever the number of"
                + " threads. Every row carries its run's stateHash.",
            "",
            "With --fork-at TIME, every cell runs the scenario under its original parameters through every feed event"
                + " stamped at or before TIME and from there on under the cell's values (each cell is what"
                + " `solvent replay --fork-at TIME --set ... --fork-out` gives for one fork; the shared history runs"
                + " once). Only parameters can change at a fork, not inputs of the scenario; stress.json records"
                + " the fork time.",
            "",
            "Bad input is reported as FILE: PLACE: PROBLEM on standard error, with exit status 2."
        })
public final class StressCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=V1,V2,...",
            description = "a scenario field and the values to try (repeatable)")
    List<String> sets;

    @Option(names = "--fork-at", paramLabel = "TIME", description = "with --set: every cell forks from the original"
            + " run at this moment, an ISO-8601 UTC instant (2025-10-10T21:00:00Z) or ms since the epoch; events stamped"
            + " at or before it run once under the original parameters")
    String forkAt;

    @Option(names = "--reverse", description = "instead of a grid: find the smallest uniform instant drop of every"
            + " mapped price that empties the insurance fund (reverse.json, and the replay that shows it in DIR/run)")
    boolean reverse;

    /** The most Monte Carlo paths one run takes (each is a whole replay; the results are held for VaR). */
    static final int MAX_PATHS = 100_000;

    @Option(names = "--monte-carlo", paramLabel = "N", description = "instead of a grid: N seeded paths calibrated to"
            + " the volatility and correlation of the --calibrate files; VaR and expected shortfall of bad debt and"
            + " fund loss at 95%% and 99%% (montecarlo.json, montecarlo.csv; a tail of fewer than ten paths is flagged)")
    Integer monteCarlo;

    @Option(names = "--calibrate", paramLabel = "FILE", arity = "1..*",
            description = "with --monte-carlo: recorded files of the window to calibrate to (symbols the scenario maps)")
    List<Path> calibrate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "with --monte-carlo: the seed of path 0 (path i uses S + i; default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--shock-at", paramLabel = "MS", description = "with --reverse: when the drop happens, ms since"
            + " the epoch (default: the first price of the scenario)")
    Long shockAt;

    @Option(names = "--max-drop", paramLabel = "FRACTION", defaultValue = "0.95",
            description = "with --reverse: the largest drop tried (default ${DEFAULT-VALUE})")
    double maxDrop;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder (created)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs in parallel (default: the cores, at most 8)")
    Integer threads;

    @Option(names = "--progress", negatable = true, description = "show a progress line on standard error (default:"
            + " only when it is a terminal)")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (out != null) {
            OutputFolder.check(spec, "--out", out);
        }
        int modes = (reverse ? 1 : 0) + (sets != null ? 1 : 0) + (monteCarlo != null ? 1 : 0);
        if (modes != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give one of --set KEY=V1,V2,..., --reverse or --monte-carlo N");
        }
        if (forkAt != null && sets == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork-at goes with a grid (--set)");
        }
        if (reverse) {
            return reverse();
        }
        if (monteCarlo != null) {
            return monteCarlo();
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set expects KEY=V1,V2,..., was '"
                        + s + "'");
            }
            String key = s.substring(0, eq);
            if (grid.containsKey(key)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + key + " given twice");
            }
            grid.put(key, Arrays.asList(s.substring(eq + 1).split(",", -1)));
        }
        String tooLarge = StressGrid.tooLarge(grid);
        if (tooLarge != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--set: " + tooLarge);
        }
        List<Map<String, String>> combinations = StressGrid.combinations(grid);
        if (forkAt != null) {
            return forkedGrid(combinations, time(forkAt));
        }
        for (Map<String, String> c : combinations) {
            ScenarioReader.read(scenario, c); // reject a bad value before running anything
        }
        List<ReplayRunner.Result> results = withProgress("stress", runner -> runner.grid(
                combinations.size(), i -> ScenarioReader.read(scenario, combinations.get(i))));
        StressReportWriter.write(out, combinations, results);
        spec.commandLine().getErr().println("solvent: stress: "
                + results.size() + " runs written to " + out.resolve("stress.csv") + " and stress.json");
        return ExitCodes.OK;
    }

    /** Every cell forked from one run of the scenario under its own parameters at {@code at}. */
    private Integer forkedGrid(List<Map<String, String>> combinations, long at) throws InterruptedException {
        Scenario base = ScenarioReader.read(scenario);
        List<io.solvent.engine.scenario.Parameters> cells = new ArrayList<>(combinations.size());
        for (Map<String, String> c : combinations) { // reject a bad value, or an input a fork cannot change, first
            try {
                cells.add(base.parameters().with(c));
            } catch (ParameterException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + e.getMessage());
            }
        }
        List<ReplayRunner.Result> results = withProgress("stress --fork-at", runner -> runner.forkedGrid(base, at,
                cells));
        StressReportWriter.write(out, combinations, results, at);
        spec.commandLine().getErr().println("solvent: stress: " + results.size() + " runs forked at "
                + java.time.Instant.ofEpochMilli(at) + " written to " + out.resolve("stress.csv") + " and stress.json");
        return ExitCodes.OK;
    }

    /** TIME as an ISO-8601 UTC instant or ms since the epoch, as {@code solvent replay --fork-at} reads it. */
    private long time(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork-at expects an ISO-8601 UTC instant"
                    + " (2025-10-10T21:00:00Z) or ms since the epoch, was '" + text + "'");
        }
    }

    private Integer reverse() {
        if (!(maxDrop > 0 && maxDrop < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-drop must be between 0 and 1, was "
                    + maxDrop);
        }
        Scenario base = ScenarioReader.read(scenario);
        long at = shockAt != null ? shockAt : ScenarioFeeds.firstTickMs(base);
        ProgressLine line = ProgressLine.of(spec.commandLine().getErr(), progress);
        ReverseStress.Outcome outcome;
        try {
            outcome = new StressRunner(1, (done, total, detail) -> line.update("stress --reverse", detail, done, "runs",
                    Math.min(1.0, (double) done / total)), () -> false).reverse(base, at, maxDrop);
        } finally {
            line.clear();
        }
        StressReportWriter.writeReverse(out, at, outcome);
        PrintWriter err = spec.commandLine().getErr();
        if (Double.isNaN(outcome.emptiesAt())) {
            err.printf("solvent: stress --reverse: the fund survives even a %.1f%% drop (%d runs)%n", 100 * maxDrop,
                    outcome.trials().size());
            return ExitCodes.OK;
        }
        if (Double.isNaN(outcome.survives())) {
            // no drop at all is needed: the scenario's own path empties the fund, so there is no threshold to find
            try (ReplayOutput output = new ReplayOutput(out.resolve("run"),
                    base.book().assets().stream().map(Asset::symbol).toList())) {
                output.finish(base, ReplayRunner.run(base, output), VersionProvider.version());
            }
            err.printf("solvent: stress --reverse: the scenario empties the fund without any added drop (1 run);"
                    + " there is no smallest drop to find; the run that shows it is in %s%n", out.resolve("run"));
            return ExitCodes.OK;
        }
        Scenario shown = ReverseStress.shocked(base, at, outcome.emptiesAt());
        try (ReplayOutput output = new ReplayOutput(out.resolve("run"),
                shown.book().assets().stream().map(Asset::symbol).toList())) {
            output.finish(shown, ReplayRunner.run(shown, output), VersionProvider.version());
        }
        err.printf("solvent: stress --reverse: a uniform drop of %.2f%% at %d empties the fund (%.2f%% does not;"
                + " %d runs); the run that shows it is in %s%n", 100 * outcome.emptiesAt(), at,
                100 * outcome.survives(), outcome.trials().size(), out.resolve("run"));
        return ExitCodes.OK;
    }

    private Integer monteCarlo() throws InterruptedException {
        if (monteCarlo < 1 || calibrate == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--monte-carlo needs N >= 1 and --calibrate FILE... (a recorded window)");
        }
        if (monteCarlo > MAX_PATHS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--monte-carlo " + monteCarlo
                    + " is more paths than one run takes (at most " + MAX_PATHS + "; each path is a whole replay):"
                    + " split it by --seed, or run it on a cluster");
        }
        Scenario base = ScenarioReader.read(scenario);
        List<String> symbols = base.symbols().keySet().stream().sorted().toList();
        Calibration calibration;
        List<RecordedFeedReader> readers = new ArrayList<>();
        try {
            for (Path f : calibrate) {
                readers.add(RecordedFeedReader.open(f));
            }
            try (MergedFeedReader window = new MergedFeedReader(readers)) {
                calibration = Calibration.of(window, symbols);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--calibrate: " + e.getMessage());
        }
        long start = ScenarioFeeds.firstTickMs(base);
        List<ReplayRunner.Result> results = withProgress("stress --monte-carlo",
                runner -> runner.monteCarlo(base, calibration, start, seed, monteCarlo));
        StressReportWriter.writeMonteCarlo(out, calibration, seed, results);
        PrintWriter err = spec.commandLine().getErr();
        err.println("solvent: stress --monte-carlo: " + results.size() + " paths written to "
                + out.resolve("montecarlo.json") + " and montecarlo.csv");
        for (double level : MonteCarlo.LEVELS) {
            int tail = MonteCarlo.pathsInTail(results.size(), level);
            if (tail < MonteCarlo.RELIABLE_TAIL_PATHS) {
                err.printf(java.util.Locale.ROOT, "solvent: stress --monte-carlo: warning: with %d paths the %d%% VaR"
                        + " and expected shortfall rest on %d path%s (%s); %,d paths or more put %d in the tail%n",
                        results.size(), Math.round(level * 100), tail, tail == 1 ? "" : "s",
                        tail == 1 ? "the VaR is the sample maximum" : "the largest losses",
                        MonteCarlo.pathsFor(level), MonteCarlo.RELIABLE_TAIL_PATHS);
            }
        }
        return ExitCodes.OK;
    }

    /** An analysis on the engine's stress runner, on --threads threads, its progress on the progress line. */
    private List<ReplayRunner.Result> withProgress(String task, Analysis analysis) throws InterruptedException {
        int n = threads != null ? threads : Math.min(8, Runtime.getRuntime().availableProcessors());
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, was " + n);
        }
        ProgressLine line = ProgressLine.of(spec.commandLine().getErr(), progress);
        try {
            return analysis.run(new StressRunner(n, (done, total, detail) -> line.update(task, detail, done, "runs",
                    total == 0 ? 1.0 : (double) done / total), () -> false));
        } finally {
            line.clear();
        }
    }

    @FunctionalInterface
    private interface Analysis {
        List<ReplayRunner.Result> run(StressRunner runner) throws InterruptedException;
    }
}
