package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.StreamBaseline;
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
 * Target 1: a full revaluation of N sub-accounts, beside a stream of the same columns (the memory-bandwidth
 * baseline) and a naive object-per-account evaluation, in the same run; and the same revaluation split over two
 * threads. Scores are ms per full pass: divide by N for ns per sub-account ({@code solvent bench} prints that).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class RevaluationBenchmark {

    /** The hot state of N generated sub-accounts. */
    @State(Scope.Benchmark)
    public static class Hot {
        @Param({"10000", "100000", "1000000"})
        public int accounts;
        MarginBook book;
        ParallelRevaluation parallel;
        double[][] results;

        @Setup(Level.Trial)
        public void setUp() {
            book = BenchPopulation.hotState(BenchPopulation.generator(accounts));
            results = new double[7][accounts];
            parallel = new ParallelRevaluation(Math.max(2, Runtime.getRuntime().availableProcessors()));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            parallel.close();
        }
    }

    /** The same population as model records. */
    @State(Scope.Benchmark)
    public static class Records {
        @Param({"10000", "100000", "1000000"})
        public int accounts;
        NaiveRevaluation naive;

        @Setup(Level.Trial)
        public void setUp() {
            naive = new NaiveRevaluation(BenchPopulation.generator(accounts).generate());
        }
    }

    @Benchmark
    public MarginBook revalueAll(Hot s) {
        s.book.revalueAll();
        return s.book;
    }

    @Benchmark
    public MarginBook revalueAllParallel(Hot s) {
        s.parallel.revalueAll(s.book);
        return s.book;
    }

    @Benchmark
    public double streamBaseline(Hot s) {
        return StreamBaseline.sum(s.book);
    }

    @Benchmark
    public double rowStreamBaseline(Hot s) {
        return StreamBaseline.rowWise(s.book, s.results);
    }

    @Benchmark
    public double naiveObjectPerAccount(Records s) {
        return s.naive.revalueAll();
    }
}
