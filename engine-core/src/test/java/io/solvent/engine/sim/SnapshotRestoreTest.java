package io.solvent.engine.sim;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run restored from a mid-run snapshot ends in exactly the state of the uninterrupted run. */
class SnapshotRestoreTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    @Test
    void restoringAMidRunSnapshotEndsWithTheSameStateHashAndEvents() {
        for (String name : List.of("gap-down.json", "flash-crash.json")) {
            Scenario s = ScenarioReader.read(SCENARIOS.resolve(name));
            List<SimulationEvent> all = new ArrayList<>();
            ReplayRunner.Result uninterrupted = ReplayRunner.run(s, ReplaySink.events(all::add));

            // two feed events a second: 2,000 is before the shocks at 20 minutes, 2,900 inside, 5,000 after
            for (long at : new long[] {2_000, 2_900, 5_000}) {
                List<SimulationEvent> before = new ArrayList<>();
                Replay.Snapshot snapshot;
                ReplayRunner.Result continued;
                try (Replay replay = Replay.start(s, ReplaySink.events(before::add))) {
                    while (replay.position() < at && replay.step()) {
                        // up to the snapshot
                    }
                    snapshot = replay.snapshot();
                    while (replay.step()) {
                        // and on, uninterrupted
                    }
                    continued = replay.finish();
                }
                assertEquals(uninterrupted.stateHash(), continued.stateHash(), name + ": taking a snapshot changes nothing");

                List<SimulationEvent> after = new ArrayList<>();
                ReplayRunner.Result restored;
                try (Replay replay = Replay.restore(snapshot,
                        ReplaySink.events(after::add))) {
                    while (replay.step()) {
                        // from the snapshot to the end
                    }
                    restored = replay.finish();
                }
                assertEquals(uninterrupted.stateHash(), restored.stateHash(), name + " restored at " + at);
                assertEquals(uninterrupted.summary(), restored.summary(), name + " restored at " + at);
                assertEquals(all.subList(all.size() - after.size(), all.size()), after,
                        name + ": the restored run emits exactly the uninterrupted run's later events");
            }
        }
    }

    @Test
    void aSnapshotCanBeRestoredTwiceAndForksDoNotTouchEachOther() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        Replay.Snapshot snapshot;
        try (Replay replay = Replay.start(s, ReplaySink.NONE)) {
            while (replay.position() < 2_400 && replay.step()) {
                // to just before the gap
            }
            snapshot = replay.snapshot();
        }
        String[] hashes = new String[2];
        for (int i = 0; i < 2; i++) {
            try (Replay replay = Replay.restore(snapshot, ReplaySink.NONE)) {
                while (replay.step()) {
                    // to the end
                }
                hashes[i] = replay.finish().stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1], "the snapshot was not changed by the first restore");
        assertEquals(ReplayRunner.run(s, ReplaySink.NONE).stateHash(), hashes[0]);
    }

    @Test
    void aForkUnderAnotherPolicyDivergesAndLeavesTheOriginalAlone() {
        Scenario adl = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        Scenario deficit = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"),
                java.util.Map.of("deleveraging", "\"deficit\""));
        ReplayRunner.Result original;
        Replay.Snapshot atGap;
        double[] lendingDeficit = new double[1];
        ReplaySink lendingDeficits = ReplaySink.events(e -> {
            if (e.kind() == SimulationEvent.Kind.DEFICIT && e.market() < 0) {
                lendingDeficit[0] += e.amountUsd();
            }
        });
        try (Replay replay = Replay.start(adl, lendingDeficits)) {
            while (replay.position() < 2_390 && replay.step()) {
                // to just before the gap
            }
            atGap = replay.snapshot();
            ReplayRunner.Result forked;
            try (Replay fork = Replay.fork(atGap, deficit.parameters(), ReplaySink.NONE)) {
                while (fork.step()) {
                    // the what-if, to the end
                }
                forked = fork.finish();
            }
            while (replay.step()) {
                // the original carries on after its fork
            }
            original = replay.finish();
            // ADL covers what the opposite sides' sizes and equity can carry in the original; under "deficit" all of it
            // is recorded, and a borrow nothing is left to repay is recorded as deficit under any policy
            org.junit.jupiter.api.Assertions.assertTrue(original.summary().deleveragingFills() > 0);
            org.junit.jupiter.api.Assertions.assertTrue(original.summary().deficitUsd() >= lendingDeficit[0]);
            org.junit.jupiter.api.Assertions.assertTrue(forked.summary().deficitUsd()
                    > original.summary().deficitUsd() + 1, "ADL covered part of the perps' bad debt");
            // no bankruptcy happens before the gap, so forking into "deficit" there is the same as running it from
            // the start: the same end state, bit for bit
            assertEquals(ReplayRunner.run(deficit, ReplaySink.NONE).stateHash(), forked.stateHash());
            org.junit.jupiter.api.Assertions.assertTrue(forked.summary().deficitUsd() > 0);
            org.junit.jupiter.api.Assertions.assertNotEquals(original.stateHash(), forked.stateHash());
        }
        assertEquals(ReplayRunner.run(adl, ReplaySink.NONE).stateHash(), original.stateHash(),
                "forking did not touch the original");
        ReplayRunner.Result sameRules;
        try (Replay fork = Replay.fork(atGap, adl.parameters(), ReplaySink.NONE)) {
            while (fork.step()) {
                // same rules
            }
            sameRules = fork.finish();
        }
        assertEquals(original.stateHash(), sameRules.stateHash(), "a fork under the same rules is the original");
    }
}
