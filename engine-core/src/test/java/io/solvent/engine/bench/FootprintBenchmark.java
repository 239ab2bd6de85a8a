package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.io.BookWriter;
import io.solvent.engine.io.MarginBookReader;
import io.solvent.engine.population.PopulationGenerator;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Target 4: the heap N sub-accounts' hot state retains (used heap after full collections, before and after building
 * it; reported as the {@code bytesPerSubaccount} counter), beside the same population as model records; and the
 * time to stream a book file of N sub-accounts into the hot state ({@link MarginBookReader}). The times of the
 * footprint benchmarks include the collections and mean little; their counters are the result.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class FootprintBenchmark {

    /** Bytes retained per sub-account by the last build. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        public long bytesPerSubaccount;
    }

    /** A population and, for loading, its book file. */
    @State(Scope.Benchmark)
    public static class Population {
        @Param({"10000", "100000", "1000000"})
        public int accounts;
        PopulationGenerator generator;
        Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            generator = BenchPopulation.generator(accounts);
            file = Files.createTempFile("solvent-bench-book", ".json");
            BookWriter.write(generator.universe(), generator.accounts(), file, false);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public Object hotStateFootprint(Population p, Retained r) {
        RetainedHeap.Measured<MarginBook> m = RetainedHeap.of(() -> BenchPopulation.hotState(p.generator));
        r.bytesPerSubaccount = m.bytes() / p.accounts;
        return m.value();
    }

    @Benchmark
    public Object recordsFootprint(Population p, Retained r) {
        RetainedHeap.Measured<Object> m = RetainedHeap.of(() -> p.generator.generate());
        r.bytesPerSubaccount = m.bytes() / p.accounts;
        return m.value();
    }

    @Benchmark
    public Object streamBookFile(Population p) {
        return MarginBookReader.read(p.file, BenchPopulation.SETTLEMENT);
    }
}
