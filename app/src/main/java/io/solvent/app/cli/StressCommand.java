package io.solvent.app.cli;

import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.io.StressOptions;
import io.solvent.engine.io.StressPlan;
import io.solvent.engine.sim.stress.StressRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--monte-carlo", paramLabel = "N", description = "instead of a grid: N seeded paths calibrated to"
            + " the volatility and correlation of the --calibrate files; VaR and expected shortfall of bad debt and"
            + " fund loss at 95%% and 99%% (montecarlo.json, montecarlo.csv; a tail of fewer than ten paths is flagged)")
    Integer monteCarlo;

    @Option(names = "--calibrate", paramLabel = "FILE", arity = "1..*",
            description = "with --monte-carlo: recorded files of the window to calibrate to (symbols the scenario maps)")
    List<Path> calibrate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + StressOptions.DEFAULT_SEED,
            description = "with --monte-carlo: the seed of path 0 (path i uses S + i; default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--shock-at", paramLabel = "MS", description = "with --reverse: when the drop happens, ms since"
            + " the epoch (default: the first price of the scenario)")
    Long shockAt;

    @Option(names = "--max-drop", paramLabel = "FRACTION", defaultValue = "" + StressOptions.DEFAULT_MAX_DROP,
            description = "with --reverse: the largest drop tried (default ${DEFAULT-VALUE})")
    double maxDrop;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder (created)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs in parallel (default: the cores, at most 8)")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "MASTER", description = "run the grid or the Monte Carlo paths on"
            + " Apache Spark: hands the job to spark-submit (from $SPARK_HOME/bin, else the PATH) with --master MASTER"
            + " (spark://HOST:7077, yarn, local[4], ...); the files in DIR are the same, byte for byte")
    String cluster;

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
        if (cluster != null) {
            return new ClusterSubmit(spec.commandLine().getErr()).run(cluster, clusterArguments());
        }
        StressPlan plan;
        try {
            plan = StressPlan.of(options());
        } catch (StressOptions.Rejected e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (plan instanceof StressPlan.Reverse r) {
            ProgressLine line = ProgressLine.of(err, progress);
            ReverseStress.Outcome outcome;
            try {
                outcome = r.search(new StressRunner(1, (done, total, detail) -> line.update("stress --reverse", detail,
                        done, "runs", Math.min(1.0, (double) done / total)), () -> false));
            } finally {
                line.clear();
            }
            err.print(r.write(out, outcome, VersionProvider.version()));
            err.flush();
            return ExitCodes.OK;
        }
        StressPlan.Independent runs = (StressPlan.Independent) plan;
        List<ReplayRunner.Result> results = withProgress(runs.task(), runs::runAll);
        err.print(runs.write(out, results));
        err.flush();
        return ExitCodes.OK;
    }

    /** @return the options as given, for the engine's {@link StressPlan} */
    StressOptions options() {
        return new StressOptions(scenario, sets, forkAt, reverse, monteCarlo, calibrate, seed, shockAt, maxDrop);
    }

    /**
     * The same analysis as arguments of the Spark job ({@code solvent stress}'s own syntax, without --cluster,
     * --threads and --progress; files absolute, since the job may run from elsewhere).
     */
    List<String> clusterArguments() {
        List<String> a = new ArrayList<>();
        a.add(scenario.toAbsolutePath().toString());
        if (sets != null) {
            sets.forEach(s -> a.addAll(List.of("--set", s)));
        }
        if (forkAt != null) {
            a.addAll(List.of("--fork-at", forkAt));
        }
        if (reverse) {
            a.add("--reverse");
            a.addAll(List.of("--max-drop", Double.toString(maxDrop)));
            if (shockAt != null) {
                a.addAll(List.of("--shock-at", Long.toString(shockAt)));
            }
        }
        if (monteCarlo != null) {
            a.addAll(List.of("--monte-carlo", Integer.toString(monteCarlo), "--seed", Long.toString(seed)));
            if (calibrate != null) {
                a.add("--calibrate");
                calibrate.forEach(f -> a.add(f.toAbsolutePath().toString()));
            }
        }
        a.addAll(List.of("--out", out.toAbsolutePath().toString()));
        return a;
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
