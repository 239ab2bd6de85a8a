package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.view.AccountRow;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.Ladder;
import io.solvent.engine.sim.view.RiskPass;
import io.solvent.engine.sim.view.RiskView;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model of a replay: every figure exact at the moment (checked against a full re-evaluation of a copy of the
 * book), pages sorted and filtered like a brute-force sort, ladders that add up to the open interest, and a risk pass
 * that changes nothing the engine decides.
 */
class RunViewsTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");
    private static final long GAP = 1_735_690_800_000L;

    private static Scenario flash() {
        return ScenarioReader.read(SCENARIOS.resolve("flash-crash.json"));
    }

    /** Every sub-account's row, exact: from a copy of the book re-evaluated in full. */
    private static List<AccountRow> bruteForce(Replay r) {
        MarginBook b = r.engine().book().copy();
        b.revalueAll();
        RiskPass pass = new RiskPass(0);
        AccountQuery all = new AccountQuery(AccountQuery.Column.ACCOUNT, true, "", "", AccountQuery.Show.ALL, 0,
                AccountQuery.MAX_LIMIT);
        List<AccountRow> rows = pass.run(b, r.timeMs(), r.position(), all).page().rows();
        for (AccountRow row : rows) {
            assertEquals(b.maintenanceHealth(row.sub()), row.maintenanceHealthUsd(), 0, row.account());
            assertEquals(b.equity(row.sub()), row.equityUsd(), 0);
            assertEquals(b.notional(row.sub()), row.notionalUsd(), 0);
        }
        return rows;
    }

    @Test
    void theRiskPassIsExactAndItsPagesSortAndFilterLikeABruteForceSort() {
        try (Replay r = Replay.start(flash(), ReplaySink.NONE)) {
            r.stepThrough(GAP + 240_000); // four minutes into the crash
            List<AccountRow> all = bruteForce(r);
            assertTrue(all.size() > 300, "every sub-account: " + all.size());

            RiskPass pass = new RiskPass(20);
            AccountQuery q = new AccountQuery(AccountQuery.Column.HEALTH_FACTOR, true, "", "", AccountQuery.Show.ALL,
                    5, 30);
            RiskPass.Result res = RunViews.risk(r, pass, q);
            RiskView risk = res.risk();
            assertEquals(r.timeMs(), risk.asOfMs());

            List<AccountRow> withLiabilities = all.stream().filter(x -> !Double.isNaN(x.healthFactor()))
                    .sorted(Comparator.comparing(AccountRow::liquidatable).reversed()
                            .thenComparingDouble(AccountRow::healthFactor).thenComparingInt(AccountRow::sub))
                    .toList();
            assertEquals(withLiabilities.subList(0, 20), risk.riskiest(), "the 20 riskiest, exactly");
            assertEquals(withLiabilities.size(), risk.healthFactors().counts().stream().mapToInt(i -> i).sum());
            assertEquals(all.size() - withLiabilities.size(), risk.healthFactors().excluded());
            assertEquals(withLiabilities.stream().filter(x -> x.healthFactor() < 1).count(),
                    risk.healthFactors().counts().subList(0, 3).stream().mapToInt(i -> i).sum(),
                    "bins below 1: [0, 0.5), [0.5, 0.8), [0.8, 1)");

            List<AccountRow> byHf = all.stream().sorted(Comparator.comparingDouble(
                    (AccountRow x) -> Double.isNaN(x.healthFactor()) ? Double.POSITIVE_INFINITY : x.healthFactor())
                    .thenComparingInt(AccountRow::sub)).toList();
            assertEquals(all.size(), res.page().matched());
            assertEquals(byHf.subList(5, 35), res.page().rows(), "rows 5..34 by health factor");

            AccountQuery filtered = new AccountQuery(AccountQuery.Column.NOTIONAL, false, "1", "ETH-PERP",
                    AccountQuery.Show.AT_RISK, 0, 1000);
            List<AccountRow> expected = all.stream()
                    .filter(x -> x.account().toLowerCase(Locale.ROOT).contains("1"))
                    .filter(x -> x.healthFactor() < RiskPass.AT_RISK)
                    .filter(x -> holds(r, x.sub(), "ETH-PERP"))
                    .sorted(Comparator.comparingDouble(AccountRow::notionalUsd).reversed()
                            .thenComparingInt(AccountRow::sub)).toList();
            assertFalse(expected.isEmpty(), "the filter matches some");
            RiskPass.Result f = RunViews.risk(r, pass, filtered);
            assertEquals(expected.size(), f.page().matched());
            assertEquals(expected, f.page().rows());
        }
    }

    private static boolean holds(Replay r, int sub, String market) {
        var subs = r.engine().book().subAccounts();
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            if (r.engine().book().markets().symbol(subs.positionMarket(p)).equals(market)
                    && subs.positionSize(p) != 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void eachLadderAddsUpToItsMarketsOpenInterest() {
        try (Replay r = Replay.start(flash(), ReplaySink.NONE)) {
            r.stepThrough(GAP + 120_000);
            RiskView risk = RunViews.risk(r, new RiskPass(0), null).risk();
            MarginBook b = r.engine().book();
            double total = 0;
            for (Ladder l : risk.ladders()) {
                int m = b.markets().indexOf(l.market());
                double sum = l.liquidatableUsd() + l.beyondUsd();
                for (int i = 0; i < l.levelsUsd().size(); i++) {
                    sum += l.longNotionalUsd().get(i) + l.shortNotionalUsd().get(i);
                }
                double oi = b.openUnits(m) * b.assets().price(b.markets().underlying(m));
                assertEquals(oi, sum, 1e-6 * Math.max(1, oi), l.market());
                total += sum;
                for (int i = 0; i < l.levelsUsd().size(); i++) {
                    double level = l.levelsUsd().get(i);
                    if (level >= l.priceUsd() * 1.0001) {
                        assertEquals(0, l.longNotionalUsd().get(i), 1e-9,
                                l.market() + ": a long is liquidated below the price, never above");
                    }
                }
            }
            assertEquals(b.openInterestUsd(), total, 1e-6 * b.openInterestUsd());
        }
    }

    @Test
    void aRiskPassChangesNothingTheEngineDecides() {
        Scenario s = flash();
        String plain = ReplayRunner.run(s, ReplaySink.NONE).stateHash();
        List<SimulationEvent> events = new ArrayList<>();
        List<SimulationEvent> plainEvents = new ArrayList<>();
        ReplayRunner.run(s, ReplaySink.events(plainEvents::add));
        try (Replay r = Replay.start(s, ReplaySink.events(events::add))) {
            RiskPass pass = new RiskPass(10);
            int i = 0;
            while (r.step()) {
                if (i++ % 97 == 0) {
                    RunViews.risk(r, pass, AccountQuery.riskiest(50));
                    RunViews.figures(r);
                    RunViews.assets(r);
                    RunViews.detail(r, i % r.engine().book().subAccounts().size());
                }
            }
            assertEquals(plain, r.finish().stateHash());
        }
        assertEquals(plainEvents, events);
    }

    @Test
    void anAccountInFullAgreesWithItsRowAndItsPositionsLiquidationPrices() {
        try (Replay r = Replay.start(flash(), ReplaySink.NONE)) {
            r.stepThrough(GAP + 240_000);
            List<AccountRow> all = bruteForce(r);
            AccountRow risky = all.stream().filter(x -> !x.liquidatable() && x.healthFactor() < 1.5)
                    .min(Comparator.comparingDouble(AccountRow::healthFactor)).orElseThrow();
            AccountDetail d = RunViews.detail(r, risky.sub());
            assertEquals(risky, d.row(), "the same figures as its row in a page");
            assertFalse(d.positions().isEmpty());
            MarginBook b = r.engine().book();
            for (AccountDetail.OpenPosition p : d.positions()) {
                assertNotNull(p.market());
                if (!Double.isNaN(p.liquidationPriceUsd())) {
                    double h = new io.solvent.engine.book.LiquidationPriceSolver(b).healthAt(risky.sub(),
                            b.markets().underlying(b.markets().indexOf(p.market())), p.liquidationPriceUsd());
                    assertEquals(0, h, 1e-6 * Math.max(1, risky.notionalUsd()), p.market());
                }
            }
            double sum = d.balances().stream().mapToDouble(AccountDetail.Balance::valueUsd).sum()
                    + d.positions().stream().mapToDouble(AccountDetail.OpenPosition::pnlUsd).sum();
            assertEquals(d.row().equityUsd(), sum, 1e-6 * Math.max(1, Math.abs(sum)), "equity = balances + PnL");
        }
    }

    @Test
    void assetsShowTheirFeedOracleAndFreshness() {
        try (Replay r = Replay.start(flash(), ReplaySink.NONE)) {
            List<AssetView> before = RunViews.assets(r);
            assertEquals(AssetView.Freshness.NO_PRICE, before.stream().filter(a -> a.symbol().equals("ETH"))
                    .findFirst().orElseThrow().freshness());
            r.stepThrough(GAP);
            List<AssetView> assets = RunViews.assets(r);
            AssetView eth = assets.stream().filter(a -> a.symbol().equals("ETH")).findFirst().orElseThrow();
            assertEquals(AssetView.Freshness.FRESH, eth.freshness());
            assertTrue(eth.feedPriceUsd() > 0 && eth.oraclePriceUsd() > 0);
            assertTrue(eth.ageMs() >= 2_000, "the flash crash's oracle has a 2 s latency: " + eth.ageMs());
            assertEquals(AssetView.Freshness.NO_FEED, assets.stream().filter(a -> a.symbol().equals("SOL"))
                    .findFirst().orElseThrow().freshness(), "no feed prices SOL in the flash crash");
            assertEquals(AssetView.Freshness.NO_FEED, assets.getFirst().freshness(), "USDC");
        }
    }
}
