package io.solvent.engine.sim.loop;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.SimulationEvent.Kind;
import io.solvent.engine.sim.loop.EngineCommand.Discard;
import io.solvent.engine.sim.loop.EngineCommand.Fork;
import io.solvent.engine.sim.loop.EngineCommand.Play;
import io.solvent.engine.sim.loop.EngineCommand.Preview;
import io.solvent.engine.sim.loop.EngineCommand.SeekEvent;
import io.solvent.engine.sim.loop.EngineCommand.SwitchTo;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.view.ParameterPreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's commands over several runs: runs moving together, jumps to events, discarding a fork, previews. */
@Timeout(120)
class EngineLoopRunsTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    private static Scenario gap() {
        return ScenarioReader.read(SCENARIOS.resolve("gap-down.json")); // its fund runs dry
    }

    private static EngineLoop start(Scenario s) {
        return EngineLoop.start(s, EngineLoop.Options.of(new EngineLoopTest.FakePacer(0)));
    }

    private static EngineView until(EngineLoop loop, Predicate<EngineView> done) throws InterruptedException {
        for (EngineView v = loop.latest(); ; v = loop.latest()) {
            if (done.test(v)) {
                return v;
            }
            Thread.sleep(1);
        }
    }

    private static String rejection(CompletableFuture<EngineView> answer) {
        CompletionException e = assertThrows(CompletionException.class, answer::join);
        return assertInstanceOf(CommandRejectedException.class, e.getCause()).getMessage();
    }

    /** @return the time of the first event of a kind in a headless run, and the hash at the end of its millisecond */
    private static long firstTime(Scenario s, Kind kind) {
        List<Long> times = new ArrayList<>();
        ReplayRunner.run(s, new ReplaySink() {
            @Override
            public void event(SimulationEvent e, String account, String subaccount, String market) {
                if (e.kind() == kind) {
                    times.add(e.timeMs());
                }
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        });
        assertFalse(times.isEmpty(), "the scenario has a " + kind);
        return times.getFirst();
    }

    @Test
    void theNextBankruptcyIsFoundAndTheRunPausesAtTheEndOfItsMillisecond() throws Exception {
        Scenario s = gap();
        long t = firstTime(s, Kind.BANKRUPTCY);
        String atT;
        long positionAtT;
        try (Replay r = Replay.start(s, ReplaySink.NONE)) {
            r.seek(t);
            atT = r.stateHash();
            positionAtT = r.position();
        }
        try (EngineLoop loop = start(s)) {
            loop.submit(new SeekEvent(Kind.BANKRUPTCY, true)).join();
            EngineView v = until(loop, x -> x.seeking() == null && x.state() != State.PLAYING);
            assertEquals(State.PAUSED, v.state());
            assertEquals(t, v.timeMs());
            assertEquals(positionAtT, v.position(), "every feed event of that millisecond processed, no more");
            assertTrue(v.events().all().stream().anyMatch(e -> e.event().kind() == Kind.BANKRUPTCY));

            // the same moment reached by a plain seek: the same state, and the previous bankruptcy is none
            assertTrue(rejection(loop.submit(new SeekEvent(Kind.BANKRUPTCY, false))).contains("no bankruptcy"));
            try (Replay r = Replay.start(s, ReplaySink.NONE)) {
                r.seek(t);
                assertEquals(atT, r.stateHash());
            }

            // the next one, then back to the first
            loop.submit(new SeekEvent(Kind.BANKRUPTCY, true)).join();
            EngineView next = until(loop, x -> x.seeking() == null && x.state() != State.PLAYING);
            assertTrue(next.timeMs() > t || next.state() == State.ENDED);
            if (next.state() == State.PAUSED) {
                EngineView back = loop.submit(new SeekEvent(Kind.BANKRUPTCY, false)).join();
                assertEquals(t, back.timeMs());
                assertEquals(positionAtT, back.position());
            }
        }
    }

    @Test
    void aForkAndItsOriginalPlayTogetherAndAnUndoneForkLeavesTheOriginalAsIfNeverForked() throws Exception {
        Scenario s = gap();
        long t = firstTime(s, Kind.BANKRUPTCY);
        String unforked = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        Parameters deficit = s.parameters().with("deleveraging", "deficit");
        try (EngineLoop loop = start(s)) {
            loop.submit(new EngineCommand.Seek(t)).join();
            EngineView forked = loop.submit(new Fork("deficit", deficit)).join();
            RunFigures f = forked.runs().get(1);
            assertEquals(EngineLoop.ORIGINAL, f.parent());
            assertEquals(forked.position(), f.forkedAtPosition());
            assertTrue(rejection(loop.submit(new Discard(EngineLoop.ORIGINAL))).contains("original"));

            loop.submit(Play.FASTEST).join();
            EngineView end = until(loop, x -> x.state() == State.ENDED);
            RunFigures original = end.runs().get(0);
            assertTrue(original.ended(), "the original played along");
            assertEquals(unforked, original.stateHash());
            assertEquals(end.stateHash(), end.runs().get(1).stateHash());
            assertTrue(original.series().size() > 0 && end.runs().get(1).series().size() > 0);

            EngineView undone = loop.submit(new Discard("deficit")).join();
            assertEquals(EngineLoop.ORIGINAL, undone.activeLabel());
            assertEquals(List.of(EngineLoop.ORIGINAL), undone.labels());
            assertEquals(unforked, undone.stateHash());
            assertTrue(rejection(loop.submit(new SwitchTo("deficit"))).contains("no run"));
            // the label is free again
            loop.submit(new EngineCommand.Seek(t)).join();
            assertEquals("deficit", loop.submit(new Fork("deficit", deficit)).join().activeLabel());
        }
    }

    @Test
    void aPreviewOfAHigherMaintenanceMarginCountsWhatItWouldLiquidateAndChangesNothing() throws Exception {
        Scenario s = gap();
        long t = firstTime(s, Kind.LIQUIDATION);
        Map<String, String> values = s.parameters().values();
        String key = values.keySet().stream().filter(k -> k.matches("markets\\..*\\.tiers\\[0]\\."
                + "maintenanceMarginFraction")).findFirst().orElseThrow();
        double mmf = Double.parseDouble(values.get(key));
        String imfKey = key.replace("maintenanceMarginFraction", "initialMarginFraction");
        double imf = Double.parseDouble(values.get(imfKey));
        Parameters higher = s.parameters().with(imfKey, String.valueOf(Math.max(imf, mmf * 3)))
                .with(key, String.valueOf(mmf * 3));
        try (EngineLoop loop = start(s)) {
            EngineView before = loop.submit(new EngineCommand.Seek(t)).join();
            EngineView answer = loop.submit(new Preview(higher)).join();
            ParameterPreview p = answer.preview();
            assertTrue(p.redefined());
            assertEquals(2, p.changes().size(), p.changes().toString());
            assertTrue(p.maintenanceRequirementChangeUsd() > 0, p.toString());
            ParameterPreview lower = loop.submit(new Preview(s.parameters().with(key, String.valueOf(mmf * 0.75))))
                    .join().preview();
            assertTrue(lower.maintenanceRequirementChangeUsd() < 0, "a lower fraction asks less: " + lower);
            assertEquals(0, lower.newlyLiquidatable());
            assertTrue(p.atRiskAfter() >= p.atRiskBefore());
            assertTrue(p.liquidatableAfter() >= p.liquidatableBefore());
            assertEquals(p.liquidatableAfter() - p.liquidatableBefore(), p.newlyLiquidatable(),
                    "raising a requirement only adds liquidatable sub-accounts");
            assertEquals(before.stateHash(), answer.stateHash());
            assertEquals(before.parameters(), answer.parameters(), "a preview applies nothing");
            assertNull(loop.submit(new EngineCommand.Pause()).join().preview(), "only the answer carries it");

            ParameterPreview none = loop.submit(new Preview(s.parameters())).join().preview();
            assertTrue(none.changes().isEmpty());
            assertEquals(0, none.newlyAtRisk() + none.newlyLiquidatable());
            assertEquals(none.maintenanceRequirementBeforeUsd(), none.maintenanceRequirementAfterUsd());

            ParameterPreview later = loop.submit(new Preview(s.parameters().with("deleveraging", "deficit")))
                    .join().preview();
            assertFalse(later.redefined());
            assertTrue(later.note().contains("deleveraging"), later.note());
            assertNotEquals("", later.note());
        }
    }
}
