package io.solvent.engine.sim;

import io.solvent.engine.sim.view.AtRiskCurve;
import io.solvent.engine.sim.view.Ladder;
import io.solvent.engine.sim.view.RiskPass;
import io.solvent.engine.sim.view.RiskView;

import io.solvent.engine.book.Evaluations;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.io.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The risk pass's liquidations-at-risk curve and open interest by side, against brute force: every single-asset
 * sub-account re-evaluated with its asset's price moved ({@link MarginBook#evaluateAt}).
 */
class RiskViewAtRiskCurveTest {
    private static final long CRASH = 1_735_690_800_000L;

    @Test
    void theCurveGrowsAwayFromNowAndCountsEverySingleAssetSubAccountAtItsExactMove() {
        try (Replay r = Replay.start(ScenarioReader.read(Path.of("..", "assets", "scenarios", "flash-crash.json")),
                ReplaySink.NONE)) {
            r.stepThrough(CRASH + 240_000);
            MarginBook b = r.engine().book();
            RiskView risk = new RiskPass(0).run(b, r.timeMs(), r.position(), null).risk();
            AtRiskCurve c = risk.atRiskCurve();
            assertEquals(101, c.movesPct().size());
            int zero = c.movesPct().indexOf(0.0);
            assertEquals(50, zero);
            for (int i = zero; i + 1 < c.movesPct().size(); i++) {
                assertTrue(c.liquidatableUsd().get(i + 1) >= c.liquidatableUsd().get(i), "rises: " + i);
            }
            for (int i = zero; i > 0; i--) {
                assertTrue(c.liquidatableUsd().get(i - 1) >= c.liquidatableUsd().get(i), "falls: " + i);
            }
            // at no move: exactly the liquidatable sub-accounts' notional
            SubAccountTable subs = b.subAccounts();
            double liquidatableNow = 0;
            for (int s = 0; s < subs.size(); s++) {
                if (b.liquidatable(s)) {
                    liquidatableNow += b.notional(s);
                }
            }
            assertEquals(liquidatableNow, c.liquidatableUsd().get(zero), 1e-6 * Math.max(1, liquidatableNow));
            // brute force over the single-asset sub-accounts: a lower bound at every move
            double[] scratch = new double[b.assets().size()];
            Evaluations ev = new Evaluations(1);
            int single = 0;
            for (int k : List.of(-40, -20, -10, -5, -2, 2, 5, 10, 20, 40)) {
                double brute = liquidatableNow;
                for (int s = 0; s < subs.size(); s++) {
                    int a = onlyAsset(b, s);
                    if (a < 0 || b.liquidatable(s)) {
                        continue;
                    }
                    single++;
                    b.evaluateAt(s, a, b.assets().price(a) * (1 + k / 100.0), scratch, ev);
                    if (ev.maintenanceHealth(s) < -1e-9 * Math.max(1, b.notional(s))) {
                        brute += b.notional(s);
                    }
                }
                double curve = c.liquidatableUsd().get(zero + k);
                assertTrue(curve >= brute * (1 - 1e-9) - 1e-6, k + "%: curve " + curve + " < single-asset " + brute);
            }
            assertTrue(single > 0, "the book has single-asset sub-accounts");
            // open interest by side adds up to the book's
            double oi = 0;
            for (Ladder l : risk.ladders()) {
                oi += l.longOpenUsd() + l.shortOpenUsd();
                assertEquals(l.longOpenUsd() - l.shortOpenUsd(), l.netDeltaUsd(), 1e-9);
            }
            assertEquals(b.openInterestUsd(), oi, 1e-6 * b.openInterestUsd());
        }
    }

    /** @return the one asset other than the settlement asset a sub-account is exposed to, or −1 */
    private static int onlyAsset(MarginBook b, int s) {
        SubAccountTable subs = b.subAccounts();
        int slot = subs.settlementSlot(s);
        int unit = slot < 0 ? -1 : subs.balanceAsset(slot);
        int only = -1;
        for (int x = subs.balanceStart(s); x < subs.balanceStart(s + 1); x++) {
            int a = subs.balanceAsset(x);
            if (subs.balanceUnits(x) != 0 && a != unit) {
                if (only >= 0 && only != a) {
                    return -1;
                }
                only = a;
            }
            if (a == unit && subs.balanceUnits(x) < 0) {
                return -1; // owes the settlement asset: its price is held, but keep the check simple
            }
        }
        for (int p = subs.positionStart(s); p < subs.positionStart(s + 1); p++) {
            if (subs.positionSize(p) == 0) {
                continue;
            }
            int a = b.markets().underlying(subs.positionMarket(p));
            if (only >= 0 && only != a) {
                return -1;
            }
            only = a;
        }
        return only;
    }
}
