package io.solvent.engine.insurance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heap polls in ranked order (highest key, then lowest item) after any mix of additions, re-keys and removals. */
class RankedHeapTest {

    @Property(tries = 300)
    void pollsInRankedOrderAfterAnyOperations(@ForAll long seed) {
        Random r = new Random(seed);
        int capacity = 1 + r.nextInt(60);
        RankedHeap heap = new RankedHeap(capacity);
        Map<Integer, Double> held = new HashMap<>();
        for (int i = 0; i < capacity; i++) {
            if (r.nextBoolean()) {
                double k = r.nextInt(8); // few distinct keys: ties are common
                heap.addUnordered(i, k);
                held.put(i, k);
            }
        }
        heap.heapify();
        for (int op = 0; op < 3 * capacity; op++) {
            int item = r.nextInt(capacity);
            switch (r.nextInt(3)) {
                case 0 -> {
                    double k = r.nextInt(8);
                    heap.put(item, k);
                    held.put(item, k);
                }
                case 1 -> {
                    heap.remove(item);
                    held.remove(item);
                }
                default -> {
                    if (heap.size() > 0) {
                        int top = heap.poll();
                        assertEquals(first(held), top);
                        held.remove(top);
                    }
                }
            }
            assertEquals(held.size(), heap.size());
            assertEquals(held.containsKey(item), heap.contains(item));
        }
        List<Integer> expected = new ArrayList<>(held.keySet());
        expected.sort(order(held));
        List<Integer> polled = new ArrayList<>();
        while (heap.size() > 0) {
            polled.add(heap.poll());
        }
        assertEquals(expected, polled);
    }

    private static int first(Map<Integer, Double> held) {
        return held.keySet().stream().min(order(held)).orElseThrow();
    }

    private static Comparator<Integer> order(Map<Integer, Double> held) {
        return Comparator.<Integer>comparingDouble(held::get).reversed().thenComparing(Comparator.naturalOrder());
    }
}
