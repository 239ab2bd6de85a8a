package io.solvent.app.alert;

import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AssetView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor on views made by hand: each kind's measure, hysteresis, acknowledgement, seeks, runs, the bound. */
class AlertMonitorTest {
    private final AtomicLong wall = new AtomicLong(1_000);

    private AlertMonitor monitor(AlertRule... rules) {
        return new AlertMonitor(new AlertRules(List.of(rules)), wall::get, 100);
    }

    private static AlertRule rule(AlertKind kind, double threshold) {
        return new AlertRule(kind.name().toLowerCase(), kind, threshold, 1, AlertSeverity.WARNING, true, false, 0.1, 0);
    }

    @Test
    void healthFactorRaisesWhenTheNthLowestIsBelow() {
        AlertMonitor any = monitor(rule(AlertKind.HEALTH_FACTOR, 1.0));
        AlertMonitor three = monitor(rule(AlertKind.HEALTH_FACTOR, 1.0).withCount(3));
        Views v = new Views();
        v.healthFactors = List.of(0.97, 1.2, 1.5, 3.0);
        EngineView one = v.build();
        assertEquals(1, any.update(one).size());
        assertEquals(0, three.update(one).size(), "only one sub-account below 1.00×");
        v.healthFactors = List.of(0.97, 0.99, 0.95, 1.5);
        List<AlertEvent> raised = three.update(v.at(Views.T0 + 1000).build());
        assertEquals(1, raised.size());
        assertEquals(0.99, raised.getFirst().value(), 1e-12, "the 3rd lowest");
        assertTrue(raised.getFirst().message().startsWith("3 sub-accounts below 1.00×"), raised.getFirst().message());
        assertTrue(raised.getFirst().message().contains("lowest 0.95× acct-2/0 (liquidatable)"),
                raised.getFirst().message());
    }

    @Test
    void healthFactorBeyondTheRiskiestListUsesTheDistributionConservatively() {
        AlertRule r = rule(AlertKind.HEALTH_FACTOR, 1.1).withCount(3);
        AlertMonitor m = monitor(r);
        Views v = new Views();
        v.healthFactors = List.of(0.85, 0.9, 0.95, 1.05);
        EngineView view = v.build();
        assertEquals(0.95, m.measure(r, view), 1e-12);
        // 3 > the 2 listed: the 3rd lowest is in the bin [1.0, 1.1) of the distribution: at most 1.1
        Views w = new Views();
        w.healthFactors = List.of(0.9, 0.95, 1.05, 1.07);
        EngineView cut = new EngineView(view.sequence() + 100, view.state(), "", "", 1, "original",
                List.of("original"), view.clock(), view.figures(), view.assets(), view.series(), view.events(),
                view.samples(), view.venueLiquidations(), view.sources(),
                new io.solvent.engine.sim.view.RiskView(Views.T0, 1, 0, 1,
                        w.build().risk().riskiest().subList(0, 2), w.build().risk().healthFactors(),
                        w.build().risk().distances(), List.of(), w.build().risk().atRiskCurve()),
                null, null, List.of(), java.util.Map.of(), "", null, null);
        assertEquals(1.1, m.measure(r, cut), 1e-12);
        assertTrue(m.update(cut).isEmpty(), "1.1× is not surely below 1.1×");
        assertFalse(monitor(rule(AlertKind.HEALTH_FACTOR, 1.2).withCount(3)).update(cut).isEmpty());
    }

    @Test
    void accountsAtRiskFundCoverageAndBadDebtRaiseOnTheirSideOfTheThreshold() {
        AlertMonitor m = monitor(rule(AlertKind.ACCOUNTS_AT_RISK, 10), rule(AlertKind.FUND_COVERAGE, 5),
                rule(AlertKind.BAD_DEBT, 1_000));
        Views v = new Views();
        v.atRisk = 10;
        v.liquidatedAtMinus10Usd = 1_000_000; // fund 100k: 10% coverage
        v.badDebtUsd = 1_000;
        assertTrue(m.update(v.build()).isEmpty(), "at the thresholds, not past them");
        v.atRisk = 11;
        v.liquidatedAtMinus10Usd = 2_500_000; // 4%
        v.badDebtUsd = 1_000.01;
        List<AlertEvent> raised = m.update(v.at(Views.T0 + 1000).build());
        assertEquals(List.of(AlertKind.ACCOUNTS_AT_RISK, AlertKind.FUND_COVERAGE, AlertKind.BAD_DEBT),
                raised.stream().map(e -> e.rule().kind()).toList());
        assertEquals(11, raised.get(0).value());
        assertEquals("sub-accounts", raised.get(0).unit());
        assertEquals(4.0, raised.get(1).value(), 1e-9);
        assertEquals("%", raised.get(1).unit());
        assertEquals("4.00%", raised.get(1).valueText());
        assertEquals(1_000.01, raised.get(2).value(), 1e-9);
        assertEquals(Views.T0 + 1000, raised.get(2).simTimeMs());
        assertEquals(1_000, raised.get(2).wallTimeMs());
        // no risk pass yet: coverage is not measured, nothing is raised on it
        AlertMonitor fresh = monitor(rule(AlertKind.FUND_COVERAGE, 5));
        Views none = new Views();
        none.riskPass = false;
        assertTrue(fresh.update(none.build()).isEmpty());
    }

    @Test
    void oracleStaleRaisesOnAnOldPriceOrALiveSourceDown() {
        AlertMonitor m = monitor(rule(AlertKind.ORACLE_STALE, 30_000));
        Views v = new Views();
        v.assets = List.of(Views.asset("BTC", 1, 1, 5_000), Views.asset("ETH", 1, 1, 29_000));
        assertTrue(m.update(v.build()).isEmpty());
        v.assets = List.of(Views.asset("BTC", 1, 1, 5_000), Views.asset("ETH", 1, 1, 31_000));
        List<AlertEvent> raised = m.update(v.at(Views.T0 + 2_000).build());
        assertEquals(1, raised.size());
        assertEquals(31_000, raised.getFirst().value());
        assertTrue(raised.getFirst().message().startsWith("ETH oracle price 31.0 s old"), raised.getFirst().message());
        // fresh again (below the re-arm level, 27 s), then a live source goes stale with fresh prices
        v.assets = List.of(Views.asset("BTC", 1, 1, 1_000));
        assertTrue(m.update(v.at(Views.T0 + 3_000).build()).isEmpty());
        assertFalse(m.raised("original", "oracle_stale"));
        v.sources = List.of(SourceStatusEvent.of(Views.T0, "pyth", SourceStatusEvent.Status.CONNECTED, ""),
                SourceStatusEvent.of(Views.T0, "binance-futures", SourceStatusEvent.Status.STALE, "no data for 10 s"));
        raised = m.update(v.at(Views.T0 + 4_000).build());
        assertEquals(1, raised.size());
        assertTrue(raised.getFirst().message().startsWith("live source binance-futures STALE (no data for 10 s)"),
                raised.getFirst().message());
        // disconnected: still the same episode; connected again: re-armed; disconnected: raised again
        v.sources = List.of(SourceStatusEvent.of(Views.T0, "binance-futures", SourceStatusEvent.Status.DISCONNECTED,
                "closed"));
        assertTrue(m.update(v.at(Views.T0 + 5_000).build()).isEmpty());
        v.sources = List.of(SourceStatusEvent.of(Views.T0, "binance-futures", SourceStatusEvent.Status.CONNECTED, ""));
        assertTrue(m.update(v.at(Views.T0 + 6_000).build()).isEmpty());
        assertFalse(m.raised("original", "oracle_stale"));
        v.sources = List.of(SourceStatusEvent.of(Views.T0, "binance-futures", SourceStatusEvent.Status.DISCONNECTED,
                "closed"));
        raised = m.update(v.at(Views.T0 + 7_000).build());
        assertEquals(1, raised.size());
        assertTrue(raised.getFirst().message().contains("DISCONNECTED"), raised.getFirst().message());
        // an asset with no feed has no age to judge
        Views noFeed = new Views();
        noFeed.assets = List.of(new AssetView("USDC", 1, 1, Double.NaN, 0, AssetView.Freshness.NO_FEED,
                Long.MIN_VALUE, 10_000_000, false, 1));
        assertTrue(monitor(rule(AlertKind.ORACLE_STALE, 30_000)).update(noFeed.build()).isEmpty());
    }

    @Test
    void divergenceIsTheWorstAssetsFeedOracleGap() {
        AlertMonitor m = monitor(rule(AlertKind.SOURCE_DIVERGENCE, 2));
        Views v = new Views();
        v.assets = List.of(Views.asset("BTC", 101, 100, 0), Views.asset("ETH", 97.9, 100, 0));
        List<AlertEvent> raised = m.update(v.build());
        assertEquals(1, raised.size());
        assertEquals(2.1, raised.getFirst().value(), 1e-9);
        assertTrue(raised.getFirst().message().startsWith("ETH feed $97.90 vs oracle $100.00: 2.10% apart"),
                raised.getFirst().message());
    }

    @Test
    void aThresholdChangeTakesEffectOnTheNextView() {
        AlertRule r = rule(AlertKind.BAD_DEBT, 5_000);
        AlertMonitor m = monitor(r);
        Views v = new Views();
        v.badDebtUsd = 2_000;
        assertTrue(m.update(v.build()).isEmpty());
        m.setRules(new AlertRules(List.of(r.withThreshold(1_000))));
        assertEquals(1, m.update(v.at(Views.T0 + 1).build()).size(), "the same $2,000 is now past the threshold");
        m.setRules(new AlertRules(List.of(r.withThreshold(10_000))));
        assertTrue(m.update(v.at(Views.T0 + 2).build()).isEmpty());
        assertFalse(m.raised("original", r.id()), "under the new threshold it is cleared");
    }

    @Test
    void aDisabledRuleIsNotEvaluatedAndRaisesWhenEnabledAgain() {
        AlertRule r = rule(AlertKind.BAD_DEBT, 0);
        AlertMonitor m = monitor(r.withEnabled(false));
        Views v = new Views();
        v.badDebtUsd = 10;
        assertTrue(m.update(v.build()).isEmpty());
        m.setRules(new AlertRules(List.of(r)));
        assertEquals(1, m.update(v.at(Views.T0 + 1).build()).size());
    }

    @Test
    void aValueHoveringInTheBandRaisesOnceAndRearmsPastIt() {
        AlertMonitor m = monitor(rule(AlertKind.ACCOUNTS_AT_RISK, 100)); // re-arms at 90
        Views v = new Views();
        int raised = 0;
        long t = Views.T0;
        for (int i = 0; i < 1_000; i++) {
            v.atRisk = i % 2 == 0 ? 101 : 91;
            raised += m.update(v.at(t++).build()).size();
        }
        assertEquals(1, raised);
        v.atRisk = 90;
        m.update(v.at(t++).build());
        v.atRisk = 101;
        assertEquals(1, m.update(v.at(t).build()).size(), "back to the re-arm level, then past the threshold");
    }

    @Test
    void theHoldKeepsARuleRaisedUntilTheValueStaysBackLongEnough() {
        AlertMonitor m = monitor(rule(AlertKind.ACCOUNTS_AT_RISK, 100).withRearm(0.1, 60_000)); // ≤ 90 for 60 s
        Views v = new Views();
        v.atRisk = 150;
        assertEquals(1, m.update(v.at(Views.T0).build()).size());
        v.atRisk = 50; // back at T0+10 s ...
        m.update(v.at(Views.T0 + 10_000).build());
        m.update(v.at(Views.T0 + 69_000).build());
        assertTrue(m.raised("original", "accounts_at_risk"), "59 s back: still raised");
        v.atRisk = 150; // ... up again: the hold starts over, nothing new raised
        assertTrue(m.update(v.at(Views.T0 + 69_500).build()).isEmpty());
        v.atRisk = 50;
        m.update(v.at(Views.T0 + 70_000).build());
        m.update(v.at(Views.T0 + 129_999).build());
        assertTrue(m.raised("original", "accounts_at_risk"));
        m.update(v.at(Views.T0 + 130_000).build());
        assertFalse(m.raised("original", "accounts_at_risk"), "60 s back: re-armed");
        v.atRisk = 150;
        assertEquals(1, m.update(v.at(Views.T0 + 131_000).build()).size());
    }

    @Test
    void theSameViewIsEvaluatedOnce() {
        AlertMonitor m = monitor(rule(AlertKind.BAD_DEBT, 0));
        Views v = new Views();
        v.badDebtUsd = 10;
        EngineView view = v.build();
        assertEquals(1, m.update(view).size());
        m.acknowledgeAll();
        assertSame(List.of(), m.update(view));
    }

    @Test
    void alertsStayActiveUntilAcknowledged() {
        AlertMonitor m = monitor(rule(AlertKind.BAD_DEBT, 0), rule(AlertKind.ACCOUNTS_AT_RISK, 0));
        Views v = new Views();
        v.badDebtUsd = 10;
        v.atRisk = 3;
        List<AlertEvent> raised = m.update(v.build());
        assertEquals(2, m.unacknowledged());
        long version = m.version();
        wall.set(5_000);
        assertTrue(m.acknowledge(raised.get(0).seq()));
        assertFalse(m.acknowledge(raised.get(0).seq()), "once");
        assertTrue(m.version() > version);
        assertEquals(1, m.unacknowledged());
        AlertEntry acked = m.history().getFirst();
        assertEquals(AlertEntry.Status.ACKNOWLEDGED, acked.status());
        assertEquals(5_000, acked.statusWallMs());
        // acknowledged does not re-arm: the condition still holds, nothing new
        assertTrue(m.update(v.at(Views.T0 + 1).build()).isEmpty());
        assertEquals(1, m.acknowledgeAll());
        assertEquals(0, m.unacknowledged());
        assertTrue(m.history().stream().noneMatch(AlertEntry::active));
    }

    @Test
    void aSeekBackRetractsLaterAlertsAndRestoresTheStateAtTheMomentSought() {
        AlertMonitor m = monitor(rule(AlertKind.BAD_DEBT, 0), rule(AlertKind.ACCOUNTS_AT_RISK, 5));
        Views v = new Views();
        v.atRisk = 6; // at-risk raised at T0+10
        m.update(v.at(Views.T0 + 10).build());
        v.atRisk = 0; // cleared at T0+20
        m.update(v.at(Views.T0 + 20).build());
        v.badDebtUsd = 50; // bad debt raised at T0+30
        m.update(v.at(Views.T0 + 30).build());
        assertEquals(2, m.unacknowledged());
        // back to T0+15: at-risk had been raised (and not yet cleared), bad debt not yet
        v.badDebtUsd = 0;
        v.atRisk = 6;
        assertTrue(m.update(v.at(Views.T0 + 15).build()).isEmpty(), "no duplicate of the at-risk alert");
        assertEquals(1, m.unacknowledged());
        assertEquals(AlertEntry.Status.RETRACTED, m.history().get(1).status());
        assertTrue(m.raised("original", "accounts_at_risk"));
        // forward again: bad debt is raised again, a new alert
        v.badDebtUsd = 50;
        List<AlertEvent> again = m.update(v.at(Views.T0 + 30).build());
        assertEquals(1, again.size());
        assertEquals(AlertKind.BAD_DEBT, again.getFirst().rule().kind());
        // back to before everything: all retracted, nothing raised
        v.badDebtUsd = 0;
        v.atRisk = 0;
        assertTrue(m.update(v.at(Views.T0).build()).isEmpty());
        assertEquals(0, m.unacknowledged());
    }

    @Test
    void eachRunHasItsOwnStates() {
        AlertMonitor m = monitor(rule(AlertKind.BAD_DEBT, 0));
        Views v = new Views();
        v.badDebtUsd = 10;
        v.labels = List.of("original", "fork-1");
        assertEquals(1, m.update(v.build()).size());
        v.run = "fork-1";
        List<AlertEvent> fork = m.update(v.at(Views.T0 + 5).build());
        assertEquals(1, fork.size(), "the fork raises on its own");
        assertEquals("fork-1", fork.getFirst().run());
        assertTrue(fork.getFirst().message().endsWith("[run fork-1]"));
        v.run = "original";
        assertTrue(m.update(v.at(Views.T0 + 10).build()).isEmpty(), "back on the original: still raised there");
    }

    @Test
    void theHistoryIsBoundedDroppingSettledAlertsFirst() {
        AlertMonitor m = new AlertMonitor(new AlertRules(List.of(rule(AlertKind.ACCOUNTS_AT_RISK, 10))),
                wall::get, 5);
        Views v = new Views();
        long t = Views.T0;
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            v.atRisk = 20;
            m.update(v.at(t++).build()).forEach(e -> seqs.add(e.seq()));
            v.atRisk = 0;
            m.update(v.at(t++).build());
            if (i == 0) {
                m.acknowledgeAll();
            }
        }
        assertEquals(12, seqs.size());
        assertEquals(5, m.history().size());
        assertEquals(7, m.dropped());
        assertEquals(5, m.unacknowledged());
        assertEquals(seqs.subList(7, 12), m.history().stream().map(e -> e.event().seq()).toList());
    }
}
