package io.solvent.engine.bench;

import io.solvent.engine.io.CrashDayReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.Replay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Targets 3 and 5 on the recorded 2025-10-10 day ({@link CrashDay}): the shipped scenario's three hours replayed
 * over N generated sub-accounts (seconds per replay: replay speed is its simulated seconds, printed at setup, over
 * the score); and a fork from a 21:10 snapshot under other liquidation parameters, re-simulating one hour (seconds
 * per fork). The scenario is {@code ../assets/scenarios/2025-10-10.json} (or {@code -Dsolvent.scenario=FILE}), which
 * reads the shared data beside the project; when it is absent each benchmark says so at setup and measures an empty
 * call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class ReplayBenchmark {

    static Path scenarioFile() {
        return Path.of(System.getProperty("solvent.scenario", Path.of("..", "assets", "scenarios", CrashDay.SCENARIO)
                .toString()));
    }

    /** The day over N sub-accounts. */
    @State(Scope.Benchmark)
    public static class Day {
        @Param({"100000", "1000000"})
        public int accounts;
        Scenario scenario;

        @Setup(Level.Trial)
        public void setUp() {
            CrashDayReader.Opened opened = CrashDayReader.open(scenarioFile());
            if (!opened.present()) {
                System.err.println(opened.absent() + ": the replay benchmark measures nothing");
                return;
            }
            CrashDay day = opened.day();
            scenario = day.scenario(BenchPopulation.generator(accounts, day.markets()).generate());
            CrashDay.Clockwork probe = new CrashDay.Clockwork();
            if (accounts <= 100_000) {
                ReplayRunner.Result r = CrashDay.replay(scenario, probe);
                System.err.printf("%n2025-10-10: %d price events, %.0f simulated seconds, %d liquidations%n",
                        r.ticks(), (probe.lastMs() - probe.firstMs()) / 1000.0, r.summary().liquidations());
            }
        }
    }

    /** A 21:10 snapshot of the day over N sub-accounts. */
    @State(Scope.Benchmark)
    public static class Snapshot {
        @Param({"100000"})
        public int accounts;
        Scenario scenario;
        Replay.Snapshot snapshot;

        @Setup(Level.Trial)
        public void setUp() {
            CrashDayReader.Opened opened = CrashDayReader.open(scenarioFile());
            if (!opened.present()) {
                System.err.println(opened.absent() + ": the fork benchmark measures nothing");
                return;
            }
            CrashDay day = opened.day();
            scenario = day.scenario(BenchPopulation.generator(accounts, day.markets()).generate());
            snapshot = CrashDay.snapshotAtForkTime(scenario);
        }
    }

    @Benchmark
    public Object replayDay(Day s) {
        return s.scenario == null ? null : CrashDay.replay(s.scenario, new CrashDay.Clockwork());
    }

    @Benchmark
    public Object forkOneHour(Snapshot s) {
        return s.scenario == null ? null : CrashDay.fork(s.scenario, s.snapshot);
    }
}
