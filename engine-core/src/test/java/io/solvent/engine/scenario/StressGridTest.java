package io.solvent.engine.scenario;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
