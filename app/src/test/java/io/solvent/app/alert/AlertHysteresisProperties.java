package io.solvent.app.alert;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hysteresis: a value that, once past the threshold, stays short of the re-arm level raises exactly once. */
class AlertHysteresisProperties {

    @Property(tries = 200)
    void aSignalOscillatingWithinTheBandRaisesOnce(@ForAll @DoubleRange(min = 1_000, max = 1e7) double threshold,
                                                   @ForAll @DoubleRange(min = 0.01, max = 0.5) double rearm,
                                                   @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = 0.01,
                                                           max = 0.99) Double> positions) {
        AlertRule r = new AlertRule("bad-debt", AlertKind.BAD_DEBT, threshold, 1, AlertSeverity.WARNING, true, false,
                rearm, 0);
        AlertMonitor m = new AlertMonitor(new AlertRules(List.of(r)), () -> 0L, 10_000);
        Views v = new Views();
        long t = Views.T0;
        int raised = 0;
        v.badDebtUsd = threshold * 1.5; // past the threshold first
        raised += m.update(v.at(t++).build()).size();
        // then anywhere strictly between the re-arm level and well past the threshold
        double lo = r.rearmLevel();
        double hi = threshold * 2;
        for (double p : positions) {
            v.badDebtUsd = lo + (hi - lo) * p;
            raised += m.update(v.at(t++).build()).size();
        }
        assertEquals(1, raised);
    }

    @Property(tries = 200)
    void belowThresholdRulesToo(@ForAll @DoubleRange(min = 0.5, max = 50) double threshold,
                                @ForAll @DoubleRange(min = 0.01, max = 0.5) double rearm,
                                @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = 0.01, max = 0.99) Double>
                                        positions) {
        AlertRule r = new AlertRule("coverage", AlertKind.FUND_COVERAGE, threshold, 1, AlertSeverity.WARNING, true,
                false, rearm, 0);
        AlertMonitor m = new AlertMonitor(new AlertRules(List.of(r)), () -> 0L, 10_000);
        Views v = new Views();
        v.fundUsd = 1_000_000;
        long t = Views.T0;
        int raised = 0;
        double lo = 0.001;
        double hi = r.rearmLevel();
        for (double p : positions) {
            double coveragePct = lo + (hi - lo) * p; // below the re-arm level, often below the threshold
            v.liquidatedAtMinus10Usd = v.fundUsd / (coveragePct / 100);
            raised += m.update(v.at(t++).build()).size();
        }
        boolean everBelow = positions.stream().anyMatch(p -> lo + (hi - lo) * p < threshold);
        assertEquals(everBelow ? 1 : 0, raised);
    }

    @Property(tries = 200)
    void excursionsShorterThanTheHoldDoNotRearm(@ForAll @IntRange(min = 1, max = 600) int holdS,
                                                @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 1, max = 600)
                                                        Integer> excursionsS) {
        AlertRule r = new AlertRule("at-risk", AlertKind.ACCOUNTS_AT_RISK, 100, 1, AlertSeverity.WARNING, true,
                false, 0.1, holdS * 1000L);
        AlertMonitor m = new AlertMonitor(new AlertRules(List.of(r)), () -> 0L, 10_000);
        Views v = new Views();
        long t = Views.T0;
        int raised = 0;
        int expected = 1;
        v.atRisk = 150;
        raised += m.update(v.at(t).build()).size();
        for (int e : excursionsS) {
            v.atRisk = 10; // back well past the re-arm level for e seconds, sampled each second
            for (int i = 0; i <= e; i++) {
                m.update(v.at(t + 1000L * (i + 1)).build());
            }
            t += 1000L * (e + 2);
            v.atRisk = 150;
            raised += m.update(v.at(t).build()).size();
            expected += e >= holdS ? 1 : 0;
        }
        assertEquals(expected, raised);
    }

    @Property(tries = 100)
    void eachFullSwingRaisesOnce(@ForAll @IntRange(min = 1, max = 50) int swings,
                                 @ForAll @DoubleRange(min = 0, max = 0.5) double rearm) {
        AlertRule r = new AlertRule("at-risk", AlertKind.ACCOUNTS_AT_RISK, 100, 1, AlertSeverity.WARNING, true,
                false, rearm, 0);
        AlertMonitor m = new AlertMonitor(new AlertRules(List.of(r)), () -> 0L, 10_000);
        Views v = new Views();
        long t = Views.T0;
        int raised = 0;
        for (int i = 0; i < swings; i++) {
            v.atRisk = 101;
            raised += m.update(v.at(t++).build()).size();
            v.atRisk = (int) Math.floor(r.rearmLevel());
            raised += m.update(v.at(t++).build()).size();
        }
        assertEquals(swings, raised);
    }
}
