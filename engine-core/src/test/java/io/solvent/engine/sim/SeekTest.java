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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot cadence and seek: landing exactly at T, and seeking back changing nothing about the end. */
class SeekTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");
    private static final long START = 1_735_689_600_000L; // both shipped scenarios start here
    private static final long GAP = 1_735_690_800_000L;   // gap-down's shocks

    private static Replay straightTo(Scenario s, long t, List<SimulationEvent> events) {
        Replay r = Replay.start(s, ReplaySink.events(events::add));
        r.stepThrough(t);
        return r;
    }

    @Test
    void seekingBackThenRunningToTheEndEndsLikeTheUninterruptedRun() {
        for (String name : List.of("gap-down.json", "flash-crash.json")) {
            Scenario s = ScenarioReader.read(SCENARIOS.resolve(name));
            List<SimulationEvent> all = new ArrayList<>();
            ReplayRunner.Result uninterrupted = ReplayRunner.run(s, ReplaySink.events(all::add));

            for (long t : new long[] {GAP - 1_000, GAP + 2_500, GAP + 1_800_000}) {
                List<SimulationEvent> seen = new ArrayList<>();
                ReplayRunner.Result resumed;
                try (Replay r = Replay.start(s, ReplaySink.events(seen::add))
                        .keepSnapshots(new SnapshotKeeper.Cadence(60_000, 8))) {
                    while (r.step()) {
                        // to the end first
                    }
                    assertEquals(all, seen, "keeping snapshots changes nothing");
                    seen.clear();
                    r.seek(t);
                    assertTrue(seen.isEmpty(), "a seek back re-runs steps silently");
                    assertTrue(r.timeMs() <= t);
                    while (r.step()) {
                        // and on to the end again
                    }
                    resumed = r.finish();
                }
                List<SimulationEvent> upToT = new ArrayList<>();
                try (Replay r = straightTo(s, t, upToT)) {
                    assertEquals(all.subList(0, upToT.size()), upToT);
                }
                assertEquals(all.subList(upToT.size(), all.size()), seen,
                        name + " at " + t + ": after the seek, exactly the uninterrupted run's later events");
                assertEquals(uninterrupted.stateHash(), resumed.stateHash(), name + " at " + t);
                assertEquals(uninterrupted.summary(), resumed.summary(), name + " at " + t);
            }
        }
    }

    @Test
    void aSeekLandsExactlyWhereARunStraightToTheTimeIs() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        for (long t : new long[] {START + 600_000, GAP, GAP + 1_000, START + 2_700_000}) {
            String expected;
            long position;
            RunSummary summary;
            try (Replay straight = straightTo(s, t, new ArrayList<>())) {
                expected = straight.stateHash();
                position = straight.position();
                summary = straight.summary();
            }
            try (Replay r = Replay.start(s, ReplaySink.NONE)
                    .keepSnapshots(new SnapshotKeeper.Cadence(120_000, 6))) {
                r.seek(START + 3_000_000);                    // forward: just steps
                assertNotEquals(expected, r.stateHash());
                r.seek(t);                                    // backward: restore and step
                assertEquals(expected, r.stateHash(), "at " + t);
                assertEquals(position, r.position(), "at " + t);
                assertEquals(summary, r.summary(), "at " + t);
                r.seek(t);                                    // seeking to where it is changes nothing
                assertEquals(position, r.position());
                r.seek(t - 300_000);
                r.seek(t);                                    // back, then forward again
                assertEquals(expected, r.stateHash(), "back and forth to " + t);
            }
        }
    }

    @Test
    void snapshotsStayWithinTheLimitAndSpreadOverTheRun() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("flash-crash.json"));
        try (Replay r = Replay.start(s, ReplaySink.NONE)
                .keepSnapshots(new SnapshotKeeper.Cadence(10_000, 5))) {
            long end = Long.MIN_VALUE;
            while (r.step()) {
                assertTrue(r.snapshots().size() <= 5, "at most 5 kept: " + r.snapshots().size());
                end = r.timeMs();
            }
            List<Replay.Snapshot> kept = r.snapshots();
            assertEquals(0, kept.getFirst().position(), "the start is always kept");
            long last = kept.getLast().lastEventTime();
            System.out.println("kept snapshots at (s after start): " + kept.stream()
                    .map(k -> k.position() == 0 ? "start" : String.valueOf((k.lastEventTime() - START) / 1000))
                    .toList());
            assertTrue(last > START + (end - START) / 2, "the latest kept one is in the run's second half: " + last);
            long smallest = Long.MAX_VALUE;
            long largest = 0;
            for (int i = 2; i < kept.size(); i++) {
                long gap = kept.get(i).lastEventTime() - kept.get(i - 1).lastEventTime();
                smallest = Math.min(smallest, gap);
                largest = Math.max(largest, gap);
            }
            assertTrue(kept.size() >= 4 && largest <= 2 * smallest, "evenly spread (periods aligned to the epoch): "
                    + smallest + " .. " + largest + " ms");
        }
    }

    @Test
    void seekingBackWithoutSnapshotsIsRefused() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.seek(GAP);
            assertThrows(IllegalStateException.class, () -> r.seek(START));
        }
    }

    @Test
    void aForkUnderOtherOracleParametersDivergesAndLeavesTheOriginalAlone() {
        Scenario base = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        Scenario fast = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"),
                Map.of("oracle.latencyMs", "0", "oracle.deviationThreshold", "0"));
        String original = ReplayRunner.run(base, ReplaySink.NONE).stateHash();
        try (Replay r = Replay.start(base, ReplaySink.NONE)) {
            // forking before the first event under other oracle rules is running them from the start
            Replay.Snapshot atStart = r.snapshot();
            try (Replay f = Replay.fork(atStart, fast.parameters(), ReplaySink.NONE)) {
                while (f.step()) {
                    // the what-if
                }
                assertEquals(ReplayRunner.run(fast, ReplaySink.NONE).stateHash(), f.finish().stateHash());
            }
            r.stepThrough(GAP - 1_000); // updates of the last 2 s in flight under the 2 s latency
            Replay.Snapshot beforeGap = r.snapshot();
            ReplayRunner.Result forked;
            try (Replay f = Replay.fork(beforeGap, fast.parameters(), ReplaySink.NONE)) {
                while (f.step()) {
                    // the what-if
                }
                forked = f.finish();
            }
            assertNotEquals(original, forked.stateHash());
            assertTrue(forked.summary().maxLedgerImbalance() <= 1e-9);
            while (r.step()) {
                // the original carries on
            }
            assertEquals(original, r.finish().stateHash(), "forking did not touch the original");
        }
    }

    @Test
    void theEndHintForProgressComesFromTheFeedsTails(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Scenario gap = ScenarioReader.read(SCENARIOS.resolve("gap-down.json"));
        assertEquals(START + 3_599_000, ScenarioFeeds.endHintMs(gap), "3,600 one-second steps");
        Path ticks = dir.resolve("ticks.csv");
        java.nio.file.Files.writeString(ticks, "timestamp_ms,symbol,price\n1000,ETHUSD,2000\n1735693199000,ETHUSD,1990\n\n");
        Scenario recorded = gap.withFeeds(List.of(gap.feeds().getFirst(), new Scenario.RecordedFeed(ticks, "ticks")));
        assertEquals(1_735_693_199_000L, ScenarioFeeds.endHintMs(recorded), "the later of the two ends");
        java.nio.file.Files.writeString(ticks, "timestamp_ms,symbol,price\n");
        assertEquals(Long.MIN_VALUE, ScenarioFeeds.endHintMs(recorded), "unknown: only a header");
    }
}
