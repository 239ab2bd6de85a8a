package io.solvent.app.console;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's verdict: warm-up left out by time, a flat heap told from a growing one, a growing log named. */
class ConsoleSoakResultTest {

    private static ConsoleSoak.Sample sample(int pass, double wallS, long heapMb, int events) {
        return new ConsoleSoak.Sample(pass, wallS, 400, heapMb << 20, 0, 10_800, events, 10_800, 500, 20_000,
                1_000_000);
    }

    private static ConsoleSoak.Result result(long[] heapMb, int[] events, Duration d) {
        List<ConsoleSoak.Sample> s = new ArrayList<>();
        for (int i = 0; i < heapMb.length; i++) {
            s.add(sample(i + 1, 30.0 * (i + 1), heapMb[i], events[i]));
        }
        return new ConsoleSoak.Result("x", 1_000_000, 14L << 30, s, ConsoleSoak.Result.warmUp(s, d));
    }

    @Test
    void warmUpIsTheFirstFifthOfTheDurationAndAtLeastTwoPasses() {
        long[] heap = {2000, 3100, 3000, 3010, 2990, 3005, 3000, 3002, 2998, 3001, 3000, 3003, 2999, 3004, 3000, 3001,
            2997, 3002, 3000, 3001};
        int[] events = new int[heap.length];
        java.util.Arrays.fill(events, 166_287);
        ConsoleSoak.Result r = result(heap, events, Duration.ofMinutes(10));
        assertEquals(4, r.warmUp(), "passes ending by 120 s of a 600-s soak");
        assertTrue(r.heapFlat(), r.table());
        assertEquals(List.of(), r.growing());
        assertTrue(r.table().contains("flat (within 5%)"), r.table());
        assertEquals(2, result(new long[] {1, 1, 1, 1}, new int[4], Duration.ofSeconds(10)).warmUp(),
                "at least two passes");
    }

    @Test
    void aHeapThatKeepsRisingAndALogThatKeepsGrowingAreCalledOut() {
        long[] heap = new long[20];
        int[] events = new int[20];
        for (int i = 0; i < heap.length; i++) {
            heap[i] = 3000 + 20L * i; // 20 MB a pass: 40 MB a minute
            events[i] = 1000 + i;
        }
        ConsoleSoak.Result r = result(heap, events, Duration.ofMinutes(10));
        assertFalse(r.heapFlat(), r.table());
        assertEquals(40.0, r.heapSlopePerMinute() / (1 << 20), 1e-6);
        assertTrue(r.table().contains("GROWING"), r.table());
        assertEquals(1, r.growing().size(), r.growing().toString());
        assertTrue(r.growing().getFirst().startsWith("events: 1,012 in pass 13"), r.growing().toString());
    }
}
