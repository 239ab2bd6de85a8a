package io.solvent.engine.sim;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamic margin switched on in a shipped scenario, from the start and in a fork. */
class DynamicMarginReplayTest {
    private static final Path FLASH = Path.of("..", "assets", "scenarios", "flash-crash.json");

    private static List<SimulationEvent> run(Scenario s) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.run(s, ReplaySink.events(events::add));
        return events;
    }

    @Test
    void onItRaisesRequirementsInTheCrashAndShowsEachChange() {
        Scenario off = ScenarioReader.read(FLASH);
        Scenario on = ScenarioReader.read(FLASH, Map.of("dynamicMargin.enabled", "true"));
        List<SimulationEvent> plain = run(off);
        List<SimulationEvent> dynamic = run(on);
        assertTrue(plain.stream().noneMatch(e -> e.kind() == SimulationEvent.Kind.MARGIN_CHANGE));
        List<SimulationEvent> changes = dynamic.stream()
                .filter(e -> e.kind() == SimulationEvent.Kind.MARGIN_CHANGE).toList();
        assertTrue(!changes.isEmpty(), "the crash raises volatility above the 80% reference");
        long liquidationsOff = plain.stream().filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION).count();
        long liquidationsOn = dynamic.stream().filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION).count();
        assertTrue(liquidationsOn > liquidationsOff, liquidationsOn + " liquidations on, " + liquidationsOff + " off");
        assertEquals(run(on), dynamic, "deterministic");
    }

    @Test
    void aForkThatTurnsItOnEqualsARunWithItOnFromTheStartWhenForkedBeforeTheFirstTick() {
        Scenario off = ScenarioReader.read(FLASH);
        Scenario on = ScenarioReader.read(FLASH, Map.of("dynamicMargin.enabled", "true"));
        ReplayRunner.Result forked;
        ReplayRunner.Result original;
        try (Replay replay = Replay.start(off, ReplaySink.NONE)) {
            Replay.Snapshot atStart = replay.snapshot();
            try (Replay fork = Replay.fork(atStart, on.parameters(), ReplaySink.NONE)) {
                while (fork.step()) {
                    // to the end
                }
                forked = fork.finish();
            }
            while (replay.step()) {
                // the original, untouched
            }
            original = replay.finish();
        }
        assertEquals(ReplayRunner.run(on, ReplaySink.NONE).stateHash(), forked.stateHash());
        assertEquals(ReplayRunner.run(off, ReplaySink.NONE).stateHash(), original.stateHash());
        assertNotEquals(original.stateHash(), forked.stateHash());
    }
}
