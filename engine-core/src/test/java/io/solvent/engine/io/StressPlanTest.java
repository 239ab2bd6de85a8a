package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.stress.StressRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stress options as solvent stress and the Spark job read them, and runs that can go anywhere. */
@Timeout(120)
class StressPlanTest {
    private static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    private static StressOptions grid(String... sets) {
        return new StressOptions(GAP, List.of(sets), null, false, null, null, StressOptions.DEFAULT_SEED, null,
                StressOptions.DEFAULT_MAX_DROP);
    }

    @Test
    void theSetSyntaxKeepsKeyOrderAndEveryValue() {
        Map<String, List<String>> g = StressPlan.grid(List.of("b=1,2", "a=x,,y"));
        assertEquals(List.of("b", "a"), List.copyOf(g.keySet()));
        assertEquals(List.of("x", "", "y"), g.get("a"));
        assertEquals("--set expects KEY=V1,V2,..., was 'deleveraging'",
                assertThrows(StressOptions.Rejected.class, () -> StressPlan.grid(List.of("deleveraging"))).getMessage());
        assertEquals("--set a given twice",
                assertThrows(StressOptions.Rejected.class, () -> StressPlan.grid(List.of("a=1", "a=2"))).getMessage());
    }

    @Test
    void aForkTimeIsAnInstantOrMilliseconds() {
        assertEquals(1_735_690_200_000L, StressPlan.time("2025-01-01T00:10:00Z"));
        assertEquals(1_735_690_200_000L, StressPlan.time("1735690200000"));
        assertTrue(assertThrows(StressOptions.Rejected.class, () -> StressPlan.time("noon")).getMessage()
                .startsWith("--fork-at expects an ISO-8601 UTC instant"));
    }

    @Test
    void exactlyOneAnalysisAndItsOwnOptions() {
        assertEquals("give one of --set KEY=V1,V2,..., --reverse or --monte-carlo N", assertThrows(
                StressOptions.Rejected.class, () -> StressPlan.of(new StressOptions(GAP, List.of("deleveraging=deficit"),
                        null, true, null, null, 1, null, 0.95))).getMessage());
        assertEquals("--fork-at goes with a grid (--set)", assertThrows(StressOptions.Rejected.class,
                () -> StressPlan.of(new StressOptions(GAP, null, "0", false, 3, null, 1, null, 0.95))).getMessage());
        assertTrue(assertThrows(StressOptions.Rejected.class, () -> StressPlan.of(new StressOptions(GAP, null, null,
                false, 3, null, 1, null, 0.95))).getMessage().startsWith("--monte-carlo needs N >= 1 and --calibrate"));
        assertTrue(assertThrows(InputException.class, () -> StressPlan.of(grid("liquidation.buffer=0.02,-1")))
                .getMessage().contains("$.liquidation.buffer: expected a number >= 0"), "a bad value, before any run");
    }

    @Test
    void anIndependentPlanTravelsAsBytesAndRunsAnyOfItsRunsAsTheWholeGridDoes() throws Exception {
        StressPlan.Independent plan = assertInstanceOf(StressPlan.Grid.class, StressPlan.of(grid(
                "deleveraging=adl-ranked,deficit", "insuranceFund.openingBalanceUsd=0,1e6")));
        List<ReplayRunner.Result> all = plan.runAll(new StressRunner(2, StressRunner.Progress.NONE, () -> false));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
            out.writeObject(all.get(3));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            StressPlan.Independent copy = (StressPlan.Independent) in.readObject();
            assertEquals(plan, copy);
            assertEquals(all.get(3), in.readObject(), "a result travels back whole");
            assertEquals(List.of(all.get(3), all.get(0)), copy.run(GAP, new int[] {3, 0}),
                    "runs in any order and in any subset are the grid's");
        }
    }
}
