package io.solvent.engine.bench;

import io.solvent.engine.population.PopulationGenerator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Target 2 (and 4's "no per-tick allocation"): a quiet tick — BTC moves 0.01 % and back through
 * {@code SimulationEngine.onPrice}, nobody crosses — sampled per operation (median and p99 in the percentiles);
 * run with {@code -prof gc} for bytes allocated per tick. Beside it, the naive tick: a full revaluation of the same
 * book, what a tick costs without any index.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class QuietTickBenchmark {

    /** An engine over N generated sub-accounts. */
    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"10000", "100000", "1000000"})
        public int accounts;
        QuietTick tick;

        @Setup(Level.Trial)
        public void setUp() {
            PopulationGenerator g = BenchPopulation.generator(accounts);
            tick = new QuietTick(BenchPopulation.hotState(g), g.universe().markets(), "BTC");
        }

        @TearDown(Level.Trial)
        public void check() {
            long liquidations = tick.liquidations();
            if (liquidations != 0) {
                throw new IllegalStateException("a quiet tick liquidated " + liquidations + " sub-accounts");
            }
        }
    }

    @Benchmark
    public void quietTick(Engine s) {
        s.tick.tick();
    }

    @Benchmark
    public void naiveTickFullRevaluation(Engine s) {
        s.tick.revalueAll();
    }
}
