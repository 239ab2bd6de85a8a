package io.solvent.app.cli;

import io.solvent.engine.io.ReplayOutput;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.Replay;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code solvent replay SCENARIO.json --out DIR [--fork-at TIME --set key=v ... --fork-out DIR2]}: runs a scenario
 * headless and writes its four outputs; with a fork, also the what-if from TIME under changed parameters.
 */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a scenario headless to the end and writes its results into a folder.",
            "",
            "summary.json (ticks, liquidations, bad debt, insurance fund start/end/minimum, deleveraging, deficit,"
                + " liquidator fees, the largest ledger imbalance, stateHash), events.csv (every liquidation,"
                + " bankruptcy, fund payment and deleveraging), metrics.csv (one row per simulated second with"
                + " events: prices, fund, accounts at risk, open interest, liquidated notional) and manifest.json"
                + " (version, SHA-256 of every input, the effective parameters, the seed). The same scenario gives"
                + " the same stateHash on any machine. The scenario format is in docs/simulation.md.",
            "",
            "With --fork-at TIME --set KEY=V ... --fork-out DIR2, the run also forks at TIME: every feed event up to"
                + " TIME runs once, then the original goes on into DIR and a copy of its state goes on under the"
                + " overridden parameters into DIR2 (the same four files, the fork's manifest recording the time and"
                + " the overrides). A fork changes parameters, not what happened: oracle.*, liquidation.*,"
                + " deleveraging, dynamicMargin.*, liquidity.stressedDepthMultiplier / stressedMove /"
                + " stressedHalfLifeMs / cascadeFeedback / impactHalfLifeMs, markets.M.liquidationFee /"
                + " positivePnlWeight / tiers[i].upTo / initialMarginFraction / maintenanceMarginFraction and"
                + " assets.A.initialWeight / maintenanceWeight / initialLiabilityWeight / maintenanceLiabilityWeight /"
                + " sizeFactor.",
            "",
            "Bad input is reported as FILE: PLACE: PROBLEM on standard error, with exit status 2."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder (created)")
    Path out;

    @Option(names = "--fork-at", paramLabel = "TIME", description = "fork the run at this moment: an ISO-8601 UTC"
            + " instant (2025-10-10T21:00:00Z) or ms since the epoch; events stamped at or before it run once")
    String forkAt;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --fork-at: a parameter of the fork, by its"
            + " dotted scenario path (repeatable)")
    List<String> sets;

    @Option(names = "--fork-out", paramLabel = "DIR2", description = "with --fork-at: the fork's output folder")
    Path forkOut;

    @Option(names = "--progress", negatable = true, description = "show a progress line on standard error (default:"
            + " only when it is a terminal)")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (out != null) {
            OutputFolder.check(spec, "--out", out);
        }
        if (forkOut != null) {
            OutputFolder.check(spec, "--fork-out", forkOut);
        }
        if (forkAt == null && (sets != null || forkOut != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--set and --fork-out go with --fork-at");
        }
        if (forkAt != null && (sets == null || forkOut == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fork-at needs at least one --set KEY=VALUE and --fork-out DIR2");
        }
        if (forkOut != null && forkOut.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork-out " + forkOut + " is --out's"
                    + " folder; the fork would overwrite the original run's files: give it a folder of its own");
        }
        Map<String, String> overrides = forkAt == null ? Map.of() : overrides();
        long at = forkAt == null ? 0 : time(forkAt);
        Scenario sc = ScenarioReader.read(scenario);
        Scenario forked = null;
        if (forkAt != null) {
            try {
                forked = sc.withParameters(sc.parameters().with(overrides));
            } catch (ParameterException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + e.getMessage());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine line = ProgressLine.of(err, progress);
        Progress p = new Progress(line, ScenarioFeeds.endHintMs(sc));
        List<String> assets = sc.book().assets().stream().map(Asset::symbol).toList();
        if (forked == null) {
            ReplayRunner.Result result;
            try (ReplayOutput output = new ReplayOutput(out, assets);
                 Replay replay = Replay.start(sc, output)) {
                p.runToEnd("replay", replay);
                result = replay.finish();
                output.finish(sc, result, VersionProvider.version());
            } finally {
                line.clear();
            }
            err.println(summaryLine(sc.name(), result));
            return ExitCodes.OK;
        }

        ReplayRunner.Result original;
        ReplayRunner.Result fork;
        try (ReplayOutput outA = new ReplayOutput(out, assets);
             ReplayOutput outB = new ReplayOutput(forkOut, assets)) {
            Tee tee = new Tee(outA, outB);
            try (Replay replay = Replay.start(sc, tee)) {
                while (replay.nextTimeMs() <= at && replay.step()) {
                    p.show("replay", replay);
                }
                Replay.Snapshot snapshot = replay.snapshot();
                tee.forked = true; // from here on each run writes into its own folder
                try (Replay what = Replay.fork(snapshot, forked.parameters(), outB)) {
                    p.runToEnd("fork", what);
                    fork = what.finish();
                }
                p.runToEnd("replay", replay);
                original = replay.finish();
            } finally {
                line.clear();
            }
            outA.finish(sc, original, VersionProvider.version());
            outB.finish(forked, fork, VersionProvider.version(), new ReplayOutput.Fork(sc.name(), at, overrides));
        }
        RunSummary a = original.summary();
        RunSummary b = fork.summary();
        err.println(summaryLine(sc.name(), original));
        err.println(summaryLine(forked.name() + " forked at " + Instant.ofEpochMilli(at) + " with "
                + String.join(", ", overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                fork));
        err.printf("solvent: fork − original: bad debt %+.2f USD, fund end %+.2f USD, liquidations %+d%n",
                b.badDebtUsd() - a.badDebtUsd(), b.fundEndUsd() - a.fundEndUsd(), b.liquidations() - a.liquidations());
        return ExitCodes.OK;
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set expects KEY=VALUE, was '" + s
                        + "'");
            }
            String key = s.substring(0, eq);
            if (o.put(key, s.substring(eq + 1)) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + key + " given twice");
            }
        }
        return o;
    }

    private long time(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork-at expects an ISO-8601 UTC instant"
                    + " (2025-10-10T21:00:00Z) or ms since the epoch, was '" + text + "'");
        }
    }

    static String summaryLine(String name, ReplayRunner.Result r) {
        RunSummary s = r.summary();
        return String.format("solvent: %s: %d ticks, %d liquidations, bad debt %.2f USD, fund %.2f → %.2f USD"
                + " (minimum %.2f), deficit %.2f USD, stateHash %s", name, r.ticks(), s.liquidations(),
                s.badDebtUsd(), r.fundStartUsd(), s.fundEndUsd(), s.fundMinimumUsd(), s.deficitUsd(), r.stateHash());
    }

    /** Shows a replay's progress: simulated time, share of the feeds' time span when known, events. */
    private static final class Progress {
        private final ProgressLine line;
        private final long endMs;
        private long firstMs = Long.MIN_VALUE;

        Progress(ProgressLine line, long endMs) {
            this.line = line;
            this.endMs = endMs;
        }

        void runToEnd(String task, Replay replay) {
            while (replay.step()) {
                show(task, replay);
            }
        }

        void show(String task, Replay replay) {
            long t = replay.timeMs();
            if (firstMs == Long.MIN_VALUE) {
                firstMs = t;
            }
            if ((replay.position() & 1023) != 0 || !line.due()) {
                return;
            }
            double fraction = endMs == Long.MIN_VALUE || endMs <= firstMs ? Double.NaN
                    : Math.clamp((double) (t - firstMs) / (endMs - firstMs), 0.0, 1.0);
            line.update(task, ProgressLine.instant(t), replay.position(), "events", fraction);
        }
    }

    /** Sends every row to both outputs until the fork, then to the original's only. */
    private static final class Tee implements ReplaySink {
        private final ReplaySink original;
        private final ReplaySink fork;
        private boolean forked;

        Tee(ReplaySink original, ReplaySink fork) {
            this.original = original;
            this.fork = fork;
        }

        @Override
        public void event(SimulationEvent e, String account, String subaccount, String market) {
            original.event(e, account, subaccount, market);
            if (!forked) {
                fork.event(e, account, subaccount, market);
            }
        }

        @Override
        public void metrics(MetricsRow row) {
            original.metrics(row);
            if (!forked) {
                fork.metrics(row);
            }
        }
    }
}
