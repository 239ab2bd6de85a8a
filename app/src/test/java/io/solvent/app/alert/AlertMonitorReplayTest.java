package io.solvent.app.alert;

import io.solvent.app.service.ConsoleSession;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on a real engine loop replaying the bundled gap-down scenario (ETH −25%, BTC −15% in one tick at 20 min,
 * a $5,000 fund): every kind raises, a threshold decides whether and when, the band decides how often, and a seek back
 * retracts what was raised after the moment sought.
 */
class AlertMonitorReplayTest {
    private static final long STEP_MS = 10_000;

    static Scenario scenario(String name) {
        return ScenarioReader.read(Path.of("..", "assets", "scenarios", name));
    }

    /** Moves the loop to every stepMs from..to (each answer is exact, with a fresh risk pass) and feeds the monitor. */
    static List<AlertEvent> walk(ConsoleSession s, AlertMonitor m, long fromMs, long toMs) {
        List<AlertEvent> raised = new ArrayList<>();
        for (long t = fromMs; t <= toMs; t += STEP_MS) {
            EngineView v = s.loop().submit(new EngineCommand.Seek(t)).join();
            raised.addAll(m.update(v));
        }
        return raised;
    }

    static List<AlertEvent> run(AlertRules rules) {
        try (ConsoleSession s = ConsoleSession.start(scenario("gap-down.json"))) {
            EngineView v = s.loop().submit(new EngineCommand.StepOnce()).join();
            return walk(s, new AlertMonitor(rules, () -> 0L, 10_000), v.startMs(), v.clock().endHintMs());
        }
    }

    static AlertRule rule(String id, AlertKind kind, double threshold) {
        return new AlertRule(id, kind, threshold, 1, AlertSeverity.WARNING, true, false, 0.1, 0);
    }

    static long gapMs() {
        return 1_735_690_800_000L;
    }

    @Test
    void everyKindRaisesOnTheGapDown() {
        AlertRules rules = new AlertRules(List.of(
                new AlertRule("hf", AlertKind.HEALTH_FACTOR, 1.05, 1, AlertSeverity.CRITICAL, true, true, 0.02, 0),
                rule("at-risk", AlertKind.ACCOUNTS_AT_RISK, 5),
                rule("coverage", AlertKind.FUND_COVERAGE, 0.01),
                rule("bad-debt", AlertKind.BAD_DEBT, 10_000),
                rule("stale", AlertKind.ORACLE_STALE, 45_000),
                rule("divergence", AlertKind.SOURCE_DIVERGENCE, 5)));
        List<AlertEvent> raised = run(rules);
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        raised.forEach(e -> kinds.add(e.rule().kind()));
        assertEquals(EnumSet.allOf(AlertKind.class), kinds, () -> raised.toString());
        for (AlertEvent e : raised) {
            assertTrue(e.rule().kind().above() ? e.value() > e.rule().threshold() : e.value() < e.rule().threshold(),
                    "the value measured is past the threshold: " + e);
            assertFalse(e.message().isBlank());
        }
        // the gap is what raises the crash's rules, at the gap or just after it
        for (String id : List.of("at-risk", "coverage", "bad-debt", "divergence")) {
            AlertEvent first = raised.stream().filter(e -> e.rule().id().equals(id)).findFirst().orElseThrow();
            assertTrue(first.simTimeMs() >= gapMs() && first.simTimeMs() <= gapMs() + 60_000,
                    id + " raised at the gap: " + first);
        }
        AlertEvent divergence = raised.stream().filter(e -> e.rule().id().equals("divergence")).findFirst()
                .orElseThrow();
        assertEquals(25, divergence.value(), 1.5, "ETH's feed fell 25% before the oracle followed");
        assertTrue(divergence.message().startsWith("ETH feed"), divergence.message());
        AlertEvent badDebt = raised.stream().filter(e -> e.rule().id().equals("bad-debt")).findFirst().orElseThrow();
        assertEquals("USD", badDebt.unit());
        assertEquals(1, raised.stream().filter(e -> e.rule().id().equals("bad-debt")).count(),
                "bad debt only grows: raised once");
    }

    @Test
    void thresholdsDecideWhetherAndWhenARuleRaises() {
        List<AlertEvent> raised = run(new AlertRules(List.of(
                rule("bad-debt-50k", AlertKind.BAD_DEBT, 50_000),
                rule("bad-debt-100k", AlertKind.BAD_DEBT, 100_000),
                rule("stale-45s", AlertKind.ORACLE_STALE, 45_000),
                rule("stale-90s", AlertKind.ORACLE_STALE, 90_000),
                rule("divergence-5", AlertKind.SOURCE_DIVERGENCE, 5),
                rule("divergence-30", AlertKind.SOURCE_DIVERGENCE, 30),
                rule("coverage-0.1", AlertKind.FUND_COVERAGE, 0.1),
                rule("coverage-0.01", AlertKind.FUND_COVERAGE, 0.01))));
        java.util.function.Function<String, List<AlertEvent>> of = id -> raised.stream()
                .filter(e -> e.rule().id().equals(id)).toList();
        // the run's bad debt ends near $78k: above 50k, never above 100k
        assertEquals(1, of.apply("bad-debt-50k").size());
        assertEquals(0, of.apply("bad-debt-100k").size());
        // oracle prices reach ~60 s old between heartbeats: past 45 s, never past 90 s
        assertFalse(of.apply("stale-45s").isEmpty());
        assertEquals(0, of.apply("stale-90s").size());
        // the gap puts feed and oracle 25% apart: past 5%, never past 30%
        assertFalse(of.apply("divergence-5").isEmpty());
        assertEquals(0, of.apply("divergence-30").size());
        // the $5,000 fund covers 0.07% before the gap: below 0.1% from the start, below 0.01% only once drained
        assertTrue(of.apply("coverage-0.1").getFirst().simTimeMs() < gapMs());
        assertTrue(of.apply("coverage-0.01").getFirst().simTimeMs() >= gapMs());
    }

    @Test
    void theBandDecidesHowOftenAHoveringValueRaises() {
        // the lowest health factor hovers between 1.01× and 1.11× before the gap
        List<AlertEvent> narrow = run(new AlertRules(List.of(
                new AlertRule("hf", AlertKind.HEALTH_FACTOR, 1.05, 1, AlertSeverity.WARNING, true, false, 0.02, 0))));
        List<AlertEvent> wide = run(new AlertRules(List.of(
                new AlertRule("hf", AlertKind.HEALTH_FACTOR, 1.05, 1, AlertSeverity.WARNING, true, false, 0.2, 0))));
        assertTrue(narrow.size() > 1, "re-armed at 1.071×, it raises again: " + narrow.size());
        assertEquals(1, wide.size(), "re-armed only at 1.26×, it raises once");
    }

    @Test
    void theHoldMakesASawToothOneAlert() {
        // oracle prices age to ~60 s between heartbeats and are renewed: past 45 s once a minute
        AlertRule stale = rule("stale", AlertKind.ORACLE_STALE, 45_000);
        List<AlertEvent> noHold = run(new AlertRules(List.of(stale)));
        List<AlertEvent> held = run(new AlertRules(List.of(stale.withRearm(0.1, 60_000))));
        assertTrue(noHold.size() > 10, "one alert per tooth without a hold: " + noHold.size());
        assertTrue(held.size() < noHold.size() / 5, "fresh for a whole minute only now and then: " + held.size()
                + " vs " + noHold.size());
    }

    @Test
    void aSeekBackRetractsWhatWasRaisedAfterAndTheReplayRaisesItAgain() {
        AlertRules rules = new AlertRules(List.of(rule("bad-debt", AlertKind.BAD_DEBT, 0),
                rule("divergence", AlertKind.SOURCE_DIVERGENCE, 5),
                rule("stale", AlertKind.ORACLE_STALE, 45_000)));
        try (ConsoleSession s = ConsoleSession.start(scenario("gap-down.json"))) {
            EngineView v = s.loop().submit(new EngineCommand.StepOnce()).join();
            AlertMonitor m = new AlertMonitor(rules, () -> 0L, 10_000);
            long start = v.startMs();
            List<AlertEvent> first = walk(s, m, start, gapMs() + 10 * 60_000);
            assertTrue(first.stream().anyMatch(e -> e.rule().id().equals("bad-debt")));
            int before = m.unacknowledged();
            // back to 10 minutes before the gap: no bad debt nor divergence then
            long back = gapMs() - 10 * 60_000;
            m.update(s.loop().submit(new EngineCommand.Seek(back)).join());
            for (AlertEntry e : m.history()) {
                boolean after = e.event().simTimeMs() > back;
                assertEquals(after ? AlertEntry.Status.RETRACTED : AlertEntry.Status.ACTIVE, e.status(),
                        e.toString());
            }
            assertTrue(m.unacknowledged() < before);
            assertFalse(m.raised("original", "bad-debt"), "re-armed at the moment sought");
            // playing on raises them again, once each, at the same moments
            List<AlertEvent> again = walk(s, m, back + STEP_MS, gapMs() + 10 * 60_000);
            List<AlertEvent> firstAfter = first.stream().filter(e -> e.simTimeMs() > back).toList();
            assertEquals(firstAfter.stream().map(e -> e.rule().id() + "@" + e.simTimeMs()).toList(),
                    again.stream().map(e -> e.rule().id() + "@" + e.simTimeMs()).toList());
            // back to after the gap: bad debt was already raised then and still holds: no duplicate
            m.update(s.loop().submit(new EngineCommand.Seek(gapMs() + 5 * 60_000)).join());
            assertTrue(m.raised("original", "bad-debt"));
            assertEquals(List.of(), walk(s, m, gapMs() + 5 * 60_000 + STEP_MS, gapMs() + 10 * 60_000).stream()
                    .filter(e -> e.rule().id().equals("bad-debt")).toList());
        }
    }
}
