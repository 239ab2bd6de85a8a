package io.solvent.cluster;

import io.solvent.engine.io.StressOptions;
import io.solvent.engine.io.StressPlan;
import io.solvent.engine.sim.stress.StressRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's files are the plain local runner's byte for byte, on local[1] and local[2], in one task, in several, and in
 * one task per run.
 */
class StressJobTest {
    private static final String[] GRID = {"--set", "deleveraging=adl-ranked,deficit", "--set",
        "insuranceFund.openingBalanceUsd=0,1e6"};

    @Test
    void aGridIsTheLocalRunnersByteForByte(@TempDir Path dir) throws Exception {
        String[] args = concat(new String[] {SparkTests.GAP.toString()}, GRID);
        Path local = local(dir.resolve("local"), args);
        List<String> rows = Files.readAllLines(local.resolve("stress.csv"));
        assertEquals(5, rows.size(), "header and 4 runs");
        assertTrue(rows.get(4).startsWith("deficit,1e6,"), rows.get(4));

        String said = SparkTests.job("local[2]", concat(args, "--tasks", "3", "--out", dir.resolve("two").toString()));
        assertTrue(said.contains("solvent: stress: 4 of 4 runs done (100%)"), said);
        sameFiles(local, dir.resolve("two"), "stress.csv", "stress.json");
        SparkTests.job("local[2]", concat(args, "--out", dir.resolve("each").toString())); // a task per run
        sameFiles(local, dir.resolve("each"), "stress.csv", "stress.json");
        SparkTests.job("local[1]", concat(args, "--tasks", "1", "--out", dir.resolve("one").toString()));
        sameFiles(local, dir.resolve("one"), "stress.csv", "stress.json");
    }

    @Test
    void monteCarloPathsAreTheLocalRunnersByteForByte(@TempDir Path dir) throws Exception {
        String[] args = {SparkTests.GAP.toString(), "--monte-carlo", "8", "--calibrate",
            SparkTests.window(dir).toString(), "--seed", "7"};
        Path local = local(dir.resolve("local"), args);
        assertEquals(9, Files.readAllLines(local.resolve("montecarlo.csv")).size(), "header and 8 paths");

        String said = SparkTests.job("local[2]", concat(args, "--tasks", "3", "--out", dir.resolve("two").toString()));
        assertTrue(said.contains("8 of 8 runs done"), said);
        assertTrue(said.contains("warning: with 8 paths the 99% VaR"), said);
        sameFiles(local, dir.resolve("two"), "montecarlo.csv", "montecarlo.json");
        SparkTests.job("local[1]", concat(args, "--tasks", "2", "--out", dir.resolve("one").toString()));
        sameFiles(local, dir.resolve("one"), "montecarlo.csv", "montecarlo.json");
    }

    @Test
    void aForkedGridRunsItsSharedHistoryInEveryTaskAndGivesTheSameFiles(@TempDir Path dir) throws Exception {
        // gap-down's gap is at 00:20; at 00:10 the cells share ten minutes of history
        String[] args = {SparkTests.GAP.toString(), "--fork-at", "2025-01-01T00:10:00Z", "--set",
            "deleveraging=adl-ranked,deficit", "--set", "liquidation.buffer=0.02,0.1"};
        Path local = local(dir.resolve("local"), args);
        assertTrue(Files.readString(local.resolve("stress.json")).contains("\"forkAt\""));
        SparkTests.job("local[2]", concat(args, "--tasks", "2", "--out", dir.resolve("two").toString()));
        sameFiles(local, dir.resolve("two"), "stress.csv", "stress.json");
    }

    @Test
    void theReverseSearchRunsOnTheDriverAndWritesWhatTheLocalRunWrites(@TempDir Path dir) throws Exception {
        String[] args = {SparkTests.GAP.toString(), "--reverse"};
        StressPlan.Reverse plan = (StressPlan.Reverse) StressPlan.of(JobArguments.parse(concat(args, "--out",
                dir.resolve("local").toString())).options());
        plan.write(dir.resolve("local"), plan.search(new StressRunner(1, StressRunner.Progress.NONE, () -> false)),
                StressJob.version());
        String said = SparkTests.job("local[1]", concat(args, "--out", dir.resolve("job").toString()));
        assertTrue(said.contains("the scenario empties the fund without any added drop (1 run)"), said);
        sameFiles(dir.resolve("local"), dir.resolve("job"), "reverse.json", "run/summary.json");
    }

    @Test
    void badInputIsOneLineAndStatusTwoBeforeAnySparkWork(@TempDir Path dir) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = StressJob.run(new String[] {SparkTests.GAP.toString(), "--set", "liquidation.buffer=0.02,-1",
            "--out", dir.resolve("x").toString()}, new java.io.PrintStream(err, true));
        assertEquals(2, status);
        String said = err.toString();
        assertTrue(said.contains("$.liquidation.buffer: expected a number >= 0"), said);
        assertEquals(1, said.lines().count(), said);
        assertTrue(!Files.exists(dir.resolve("x")));
    }

    /** The plain local runner, as solvent stress runs it: the engine's plan on the stress runner's threads. */
    private static Path local(Path out, String... args) throws InterruptedException {
        StressOptions o = JobArguments.parse(concat(args, "--out", out.toString())).options();
        StressPlan.Independent plan = (StressPlan.Independent) StressPlan.of(o);
        plan.write(out, plan.runAll(new StressRunner(2, StressRunner.Progress.NONE, () -> false)));
        return out;
    }

    private static void sameFiles(Path a, Path b, String... names) throws IOException {
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n + " differs");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
