package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.testing.MarginBooks;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A parallel full revaluation gives bit for bit what revalueAll gives, whatever the thread count. */
class ParallelRevaluationTest {

    @Property(tries = 30)
    void anyThreadCountGivesTheSequentialFigures(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int accounts,
                                                 @ForAll @IntRange(min = 1, max = 7) int threads) {
        MarginBook sequential = MarginBook.of(RandomBooks.generate(seed, accounts), "USDC");
        MarginBook parallel = sequential.copy();
        moveEveryPrice(sequential, 0.83);
        moveEveryPrice(parallel, 0.83);
        sequential.revalueAll();
        try (ParallelRevaluation p = new ParallelRevaluation(threads)) {
            p.revalueAll(parallel);
            assertEquals(threads, p.threads());
        }
        MarginBooks.assertIdentical(sequential, parallel);
    }

    @Test
    void aGeneratedPopulationOnTwoAndFourThreads() {
        MarginBook sequential = BenchPopulation.hotState(BenchPopulation.generator(20_000));
        moveEveryPrice(sequential, 0.9);
        sequential.revalueAll();
        for (int threads : new int[] {2, 4}) {
            MarginBook parallel = sequential.copy();
            moveEveryPrice(parallel, 1.0); // same prices; stale figures until revalued
            try (ParallelRevaluation p = new ParallelRevaluation(threads)) {
                p.revalueAll(parallel);
            }
            MarginBooks.assertIdentical(sequential, parallel);
        }
    }

    private static void moveEveryPrice(MarginBook book, double factor) {
        for (int a = 0; a < book.assets().size(); a++) {
            book.setPrice(a, book.assets().price(a) * factor);
        }
    }
}
