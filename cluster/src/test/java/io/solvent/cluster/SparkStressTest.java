package io.solvent.cluster;

import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.RunSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the runs are split into tasks and put back in order. */
class SparkStressTest {

    @Test
    void chunksCoverEveryRunOnceInOrderAndDifferByAtMostOne() {
        List<int[]> c = SparkStress.chunks(10, 4);
        assertEquals(List.of(2, 3, 2, 3), c.stream().map(x -> x.length).toList());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, c.stream().flatMapToInt(Arrays::stream).toArray());
        assertEquals(3, SparkStress.chunks(3, 8).size(), "never an empty task");
        assertEquals(1, SparkStress.chunks(5, 1).size());
    }

    @Test
    void resultsGoBackInGridOrderAndAMissingOneIsAnError() {
        List<SparkStress.Indexed> got = new ArrayList<>();
        for (int i : new int[] {2, 0, 1}) {
            got.add(new SparkStress.Indexed(i, result("h" + i)));
        }
        assertEquals(List.of("h0", "h1", "h2"), SparkStress.inOrder(got, 3).stream().map(ReplayRunner.Result::stateHash)
                .toList());
        got.set(0, new SparkStress.Indexed(0, result("again")));
        assertThrows(IllegalStateException.class, () -> SparkStress.inOrder(got, 3));
    }

    private static ReplayRunner.Result result(String hash) {
        return new ReplayRunner.Result(new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, 0, hash);
    }
}
