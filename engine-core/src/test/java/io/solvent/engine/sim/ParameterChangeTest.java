package io.solvent.engine.sim;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change of a running replay's parameters: the fork rule applied in place, recorded as an event, undone by seeking
 * back before it; changed market definitions liquidate at once those they leave liquidatable.
 */
class ParameterChangeTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");
    private static final long GAP = 1_735_690_800_000L; // gap-down's shocks

    private static Scenario gapDown() {
        return ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
    }

    private static ReplayRunner.Result toEnd(Replay r) {
        while (r.step()) {
            // to the end
        }
        return r.finish();
    }

    @Test
    void aChangeEndsLikeAForkAtTheSameMomentAndIsRecorded() {
        Scenario s = gapDown();
        Parameters deficit = s.parameters().with(Map.of("deleveraging", "deficit", "liquidation.buffer", "0.03"));
        ReplayRunner.Result forked;
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.stepThrough(GAP - 1_000);
            try (Replay f = Replay.fork(r.snapshot(), deficit, ReplaySink.NONE)) {
                forked = toEnd(f);
            }
        }
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.Result changed;
        try (Replay r = Replay.start(s, ReplaySink.events(events::add))) {
            r.stepThrough(GAP - 1_000);
            long at = r.timeMs();
            assertEquals(List.of("liquidation.buffer: 0.02 → 0.03", "deleveraging: adl-ranked → deficit"),
                    r.change(deficit));
            assertEquals(deficit, r.scenario().parameters());
            assertEquals(List.of(), r.change(deficit), "the same parameters again change nothing");
            changed = toEnd(r);
            List<SimulationEvent> marks = events.stream()
                    .filter(e -> e.kind() == SimulationEvent.Kind.PARAMETER_CHANGE).toList();
            assertEquals(1, marks.size(), "recorded once");
            assertEquals(at, marks.getFirst().timeMs());
            assertEquals("liquidation.buffer: 0.02 → 0.03; deleveraging: adl-ranked → deficit",
                    marks.getFirst().detail());
        }
        assertEquals(forked.stateHash(), changed.stateHash(), "a change is the fork rule applied in place");
        assertNotEquals(ReplayRunner.run(s, ReplaySink.NONE).stateHash(), changed.stateHash());
    }

    @Test
    void seekingBackBeforeAChangeUndoesIt() {
        Scenario s = gapDown();
        String unchanged = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        try (Replay r = Replay.start(s, ReplaySink.NONE)
                .keepSnapshots(new SnapshotKeeper.Cadence(60_000, 16))) {
            r.stepThrough(GAP - 1_000);
            r.change(s.parameters().with("deleveraging", "deficit"));
            assertNotEquals(unchanged, toEnd(r).stateHash());
            r.seek(GAP - 120_000);
            assertEquals(s.parameters(), r.scenario().parameters(), "the parameters of the time");
            assertEquals(unchanged, toEnd(r).stateHash(), "the change is undone, and no later snapshot brings it back");
            r.seek(GAP + 600_000);
            assertEquals(s.parameters(), r.scenario().parameters());
            assertEquals(unchanged, toEnd(r).stateHash());
        }
    }

    @Test
    void aStricterMarketLiquidatesAtOnce() {
        Scenario s = gapDown();
        long calm = GAP - 600_000;
        List<SimulationEvent> events = new ArrayList<>();
        try (Replay r = Replay.start(s, ReplaySink.events(events::add))) {
            r.stepThrough(calm);
            int before = events.size();
            long at = r.timeMs();
            List<String> changes = r.change(s.parameters().with(Map.of(
                    "markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.3",
                    "markets.ETH-PERP.tiers[0].initialMarginFraction", "0.4",
                    "markets.ETH-PERP.tiers[1].maintenanceMarginFraction", "0.3",
                    "markets.ETH-PERP.tiers[1].initialMarginFraction", "0.4")));
            assertEquals(4, changes.size(), changes.toString());
            List<SimulationEvent> now = events.subList(before, events.size());
            assertEquals(SimulationEvent.Kind.PARAMETER_CHANGE, now.getFirst().kind());
            assertTrue(now.stream().anyMatch(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION && e.timeMs() == at),
                    "30% maintenance on ETH-PERP liquidates at the moment of the change: " + now.size() + " events");
            assertEquals(0, r.finish().summary().plausibilityViolations());
        }
    }

    @Test
    void parametersOfAnotherBookAreRefused() {
        Scenario s = gapDown();
        Parameters other = Parameters.defaults(BookReader.read(Path.of("..", "assets", "books", "example.json")));
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.stepThrough(GAP - 1_000);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.change(other));
            assertTrue(e.getMessage().contains("the book has"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Replay.fork(r.snapshot(), other,
                    ReplaySink.NONE));
            assertEquals(s.parameters(), r.scenario().parameters(), "a refused change changes nothing");
        }
    }
}
