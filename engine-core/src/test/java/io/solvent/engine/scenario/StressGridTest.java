package io.solvent.engine.scenario;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StressGridTest {

    @Test
    void everyCombinationInOrderTheLastKeyFastest() {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("a", List.of("1", "2"));
        grid.put("b", List.of("x", "y", "z"));
        List<Map<String, String>> c = StressGrid.combinations(grid);
        assertEquals(6, c.size());
        assertEquals(Map.of("a", "1", "b", "x"), c.get(0));
        assertEquals(Map.of("a", "1", "b", "z"), c.get(2));
        assertEquals(Map.of("a", "2", "b", "x"), c.get(3));
        assertEquals(List.of("a", "b"), List.copyOf(c.get(5).keySet()));
        assertEquals(List.of(Map.of()), StressGrid.combinations(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> StressGrid.combinations(Map.of("a", List.of())));
    }

    @Test
    void aGridBeyondTheBoundIsRefusedBeforeAnythingIsBuiltAndItsCountNeverWraps() {
        List<String> fiftyThousand = java.util.Collections.nCopies(50_000, "1");
        Map<String, List<String>> square = new LinkedHashMap<>();
        square.put("a", fiftyThousand);
        square.put("b", fiftyThousand);
        assertEquals(2_500_000_000L, StressGrid.cellCount(square), "an int would have wrapped");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StressGrid.combinations(square));
        assertEquals("2,500,000,000 cells (50000 × 50000 values) is more than one grid takes (at most 100,000;"
                + " each cell is a whole replay)", e.getMessage());

        Map<String, List<String>> cube = new LinkedHashMap<>();
        for (String k : List.of("a", "b", "c")) {
            cube.put(k, java.util.Collections.nCopies(1000, "1"));
        }
        assertEquals(1_000_000_000L, StressGrid.cellCount(cube));
        assertThrows(IllegalArgumentException.class, () -> StressGrid.combinations(cube));

        Map<String, List<String>> huge = new LinkedHashMap<>();
        for (int k = 0; k < 8; k++) {
            huge.put("k" + k, java.util.Collections.nCopies(1000, "1"));
        }
        assertEquals(Long.MAX_VALUE, StressGrid.cellCount(huge), "saturates instead of overflowing");
        assertTrue(StressGrid.tooLarge(huge).startsWith("more than 9223372036854775807 cells"));

        Map<String, List<String>> atBound = new LinkedHashMap<>();
        atBound.put("a", java.util.Collections.nCopies(100, "1"));
        atBound.put("b", java.util.Collections.nCopies(1000, "1"));
        assertEquals(StressGrid.MAX_CELLS, StressGrid.combinations(atBound).size());
    }
}
