package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a stress grid's results: {@code stress.csv} and {@code stress.json}, one row per combination; a reverse
 * stress's {@code reverse.json}; a Monte Carlo run's {@code montecarlo.csv} and {@code montecarlo.json}. The files of
 * one call are moved into place together ({@link FolderCommit}): after a kill the folder holds the old ones or the new.
 */
public final class StressReportWriter {
    private static final String[] FIGURES = {"ticks", "liquidations", "liquidatedNotionalUsd", "bankruptcies",
        "badDebtUsd", "fundEndUsd", "fundMinimumUsd", "deleveragingFills", "deleveragedNotionalUsd", "deficitUsd",
        "liquidatorFeesUsd", "maxLedgerImbalance"};

    private StressReportWriter() {
    }

    /**
     * @param dir          the output folder, created when missing
     * @param combinations the grid's combinations, in order
     * @param results      each combination's outcome, same order
     */
    public static void write(Path dir, List<Map<String, String>> combinations, List<ReplayRunner.Result> results) {
        write(dir, combinations, results, null);
    }

    /**
     * A grid's results, forked or not: the rows are the same either way; a forked grid's {@code stress.json} also
     * records the fork time ({@code forkAtMs} and {@code forkAt}, ISO-8601 UTC).
     *
     * @param dir          the output folder, created when missing
     * @param combinations the grid's combinations, in order
     * @param results      each combination's outcome, same order
     * @param forkAtMs     the moment every cell forked from the original run, ms since the Unix epoch, UTC; null when
     *                     every cell ran under its parameters from the start
     */
    public static void write(Path dir, List<Map<String, String>> combinations, List<ReplayRunner.Result> results,
                             Long forkAtMs) {
        try (FolderCommit commit = FolderCommit.begin(dir)) {
            commit.writeText("stress.csv", w -> {
                StringBuilder header = new StringBuilder();
                combinations.getFirst().keySet().forEach(k -> header.append(k).append(','));
                w.write(header + String.join(",", FIGURES) + ",stateHash\n");
                for (int i = 0; i < results.size(); i++) {
                    StringBuilder row = new StringBuilder();
                    combinations.get(i).values().forEach(v -> row.append(csvField(v)).append(','));
                    double[] f = figures(results.get(i));
                    for (double x : f) {
                        row.append(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                                : Double.toString(x)).append(',');
                    }
                    w.write(row + results.get(i).stateHash() + "\n");
                }
            });
            commit.writeJson("stress.json", g -> {
                g.writeStartObject();
                if (forkAtMs != null) {
                    g.writeNumberField("forkAtMs", forkAtMs);
                    g.writeStringField("forkAt", java.time.Instant.ofEpochMilli(forkAtMs).toString());
                }
                g.writeArrayFieldStart("runs");
                for (int i = 0; i < results.size(); i++) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("set");
                    for (Map.Entry<String, String> e : combinations.get(i).entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                    double[] f = figures(results.get(i));
                    for (int k = 0; k < FIGURES.length; k++) {
                        g.writeNumberField(FIGURES[k], f[k]);
                    }
                    g.writeStringField("stateHash", results.get(i).stateHash());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            commit.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code reverse.json}: the smallest uniform drop that empties the fund, the largest that does not, and
     * every trial.
     *
     * @param dir     the output folder, created when missing
     * @param atMs    when the drop was applied, ms since the Unix epoch, UTC
     * @param outcome the search's outcome
     */
    public static void writeReverse(Path dir, long atMs, io.solvent.engine.scenario.ReverseStress.Outcome outcome) {
        try (FolderCommit commit = FolderCommit.begin(dir)) {
            commit.writeJson("reverse.json", g -> {
                g.writeStartObject();
                g.writeNumberField("shockAtMs", atMs);
                nullable(g, "emptiesFundAtDrop", outcome.emptiesAt());
                nullable(g, "largestSurvivedDrop", outcome.survives());
                g.writeNumberField("tolerance", io.solvent.engine.scenario.ReverseStress.TOLERANCE);
                g.writeArrayFieldStart("trials");
                for (var t : outcome.trials()) {
                    g.writeStartObject();
                    g.writeNumberField("drop", t.drop());
                    g.writeNumberField("fundMinimumUsd", t.fundMinimumUsd());
                    g.writeBooleanField("emptied", t.emptied());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            commit.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code montecarlo.csv} (one row per path) and {@code montecarlo.json} (the calibration, VaR and expected
     * shortfall at 95% and 99% of bad debt and of fund loss, and the paths).
     *
     * @param dir         the output folder, created when missing
     * @param calibration what the paths were calibrated to
     * @param seed        the seed of path 0
     * @param results     each path's outcome, in path order
     */
    public static void writeMonteCarlo(Path dir, io.solvent.engine.scenario.Calibration calibration, long seed,
                                       List<ReplayRunner.Result> results) {
        int n = results.size();
        double[] badDebt = new double[n];
        double[] fundLoss = new double[n];
        for (int i = 0; i < n; i++) {
            RunSummary s = results.get(i).summary();
            badDebt[i] = s.badDebtUsd();
            fundLoss[i] = results.get(i).fundStartUsd() - s.fundMinimumUsd();
        }
        try (FolderCommit commit = FolderCommit.begin(dir)) {
            commit.writeText("montecarlo.csv", w -> {
                w.write("path,seed,bad_debt_usd,fund_loss_usd,deficit_usd,liquidations,bankruptcies,stateHash\n");
                for (int i = 0; i < n; i++) {
                    RunSummary s = results.get(i).summary();
                    w.write(i + "," + (seed + i) + "," + badDebt[i] + "," + fundLoss[i] + "," + s.deficitUsd() + ","
                            + s.liquidations() + "," + s.bankruptcies() + "," + results.get(i).stateHash() + "\n");
                }
            });
            commit.writeJson("montecarlo.json", g -> {
                g.writeStartObject();
                g.writeNumberField("paths", n);
                g.writeNumberField("seed", seed);
                g.writeObjectFieldStart("calibration");
                g.writeNumberField("stepMs", calibration.stepMs());
                g.writeNumberField("steps", calibration.steps());
                g.writeObjectFieldStart("annualisedVolatility");
                for (int i = 0; i < calibration.symbols().size(); i++) {
                    g.writeNumberField(calibration.symbols().get(i), calibration.volatility()[i]);
                }
                g.writeEndObject();
                g.writeArrayFieldStart("correlation");
                for (double[] row : calibration.correlation()) {
                    g.writeArray(row, 0, row.length);
                }
                g.writeEndArray();
                g.writeEndObject();
                tail(g, "badDebtUsd", badDebt);
                tail(g, "fundLossUsd", fundLoss);
                g.writeEndObject();
            });
            commit.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void tail(JsonGenerator g, String name, double[] losses) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("mean", java.util.Arrays.stream(losses).average().orElse(0));
        g.writeNumberField("max", java.util.Arrays.stream(losses).max().orElse(0));
        for (double level : io.solvent.engine.scenario.MonteCarlo.LEVELS) {
            double[] v = io.solvent.engine.scenario.MonteCarlo.valueAtRiskAndShortfall(losses, level);
            String pct = String.valueOf(Math.round(level * 100));
            g.writeNumberField("var" + pct, v[0]);
            g.writeNumberField("es" + pct, v[1]);
            int tail = io.solvent.engine.scenario.MonteCarlo.pathsInTail(losses.length, level);
            g.writeNumberField("pathsInTail" + pct, tail);
            g.writeBooleanField("reliable" + pct, tail >= io.solvent.engine.scenario.MonteCarlo.RELIABLE_TAIL_PATHS);
        }
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static double[] figures(ReplayRunner.Result r) {
        RunSummary s = r.summary();
        return new double[] {r.ticks(), s.liquidations(), s.liquidatedNotionalUsd(), s.bankruptcies(), s.badDebtUsd(),
            s.fundEndUsd(), s.fundMinimumUsd(), s.deleveragingFills(), s.deleveragedNotionalUsd(), s.deficitUsd(),
            s.liquidatorFeesUsd(), s.maxLedgerImbalance()};
    }

    private static String csvField(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
