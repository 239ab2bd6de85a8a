package io.solvent.engine.sim.stress;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stress analyses in engine-core: the replay's own figures, progress as runs finish, cancellation. */
@Timeout(120)
class StressRunnerTest {
    private static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    @Test
    void aGridRunsEachScenarioLikeAPlainReplayAndTellsItsProgress() throws Exception {
        List<Scenario> grid = new ArrayList<>();
        for (String policy : List.of("adl-ranked", "socialize", "deficit")) {
            grid.add(ScenarioReader.read(GAP, Map.of("deleveraging", policy)));
        }
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        List<ReplayRunner.Result> results = new StressRunner(2, (done, total, detail) -> seen.add(
                new long[] {done, total}), () -> false).grid(grid);
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(ReplayRunner.run(grid.get(i), ReplaySink.NONE).stateHash(), results.get(i).stateHash(),
                    "in grid order");
        }
        assertEquals(3, seen.getLast()[0]);
        assertTrue(seen.stream().allMatch(p -> p[1] == 3 && p[0] <= 3));
    }

    @Test
    void aCancelledAnalysisStopsItsRunsAndSaysSo() {
        Scenario s = ScenarioReader.read(GAP);
        AtomicBoolean cancel = new AtomicBoolean();
        List<Scenario> grid = Collections.nCopies(6, s);
        StressRunner runner = new StressRunner(2, (done, total, detail) -> cancel.set(true), cancel::get);
        assertThrows(CancellationException.class, () -> runner.grid(grid));
        cancel.set(true);
        CancellationException stopped = assertThrows(CancellationException.class, () -> runner.run(s));
        assertTrue(stopped.getMessage().startsWith("stopped at "), stopped.getMessage());
    }

    @Test
    void theReverseSearchIsTheScenarioPackagesOwnOverRealRuns() {
        Scenario s = ScenarioReader.read(Path.of("..", "assets", "scenarios", "flash-crash.json"));
        List<String> details = new ArrayList<>();
        long at = 1_735_690_800_000L;
        ReverseStress.Outcome o = new StressRunner(1, (done, total, detail) -> details.add(detail), () -> false)
                .reverse(s, at, 0.5);
        ReverseStress.Outcome direct = ReverseStress.search(drop -> ReplayRunner.run(ReverseStress.shocked(s, at,
                drop), ReplaySink.NONE).summary().fundMinimumUsd(), 0.5);
        assertEquals(direct, o);
        assertFalse(details.isEmpty());
        assertTrue(details.getFirst().startsWith("drop "), details.getFirst());
    }

    @Test
    void aForkedGridIsOneReplayToTheMomentThenAForkPerCell() throws Exception {
        Scenario s = ScenarioReader.read(GAP);
        long at = 1_735_690_799_000L; // a second before the gap
        List<io.solvent.engine.scenario.Parameters> cells = List.of(s.parameters().with("deleveraging", "deficit"),
                s.parameters().with("liquidation.buffer", "0.1"));
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<String> details = Collections.synchronizedList(new ArrayList<>());
        List<ReplayRunner.Result> results = new StressRunner(2, (done, total, detail) -> details.add(detail),
                () -> false, (index, r) -> finished.add(index)).forkedGrid(s, at, cells);
        for (int i = 0; i < cells.size(); i++) {
            io.solvent.engine.sim.Replay.Snapshot snapshot;
            try (io.solvent.engine.sim.Replay replay = io.solvent.engine.sim.Replay.start(s, ReplaySink.NONE)) {
                while (replay.nextTimeMs() <= at && replay.step()) {
                    // the shared history, under the scenario's own parameters
                }
                snapshot = replay.snapshot();
            }
            try (io.solvent.engine.sim.Replay fork = io.solvent.engine.sim.Replay.fork(snapshot, cells.get(i),
                    ReplaySink.NONE)) {
                while (fork.step()) {
                    // to the end under the cell's parameters
                }
                assertEquals(fork.finish().stateHash(), results.get(i).stateHash(), "cell " + i);
            }
        }
        assertEquals(List.of(0, 1), finished.stream().sorted().toList(), "each run told once as it finished");
        assertTrue(details.getFirst().startsWith("to the fork at 2025-01-01T00:19:59Z"), details.getFirst());
        CancellationException stopped = assertThrows(CancellationException.class,
                () -> new StressRunner(1, StressRunner.Progress.NONE, () -> true).forkedGrid(s, at, cells));
        assertTrue(stopped.getMessage().endsWith("before the fork"), stopped.getMessage());
    }
}
