package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.sim.view.ParameterPreview;

import java.util.ArrayList;
import java.util.List;

/**
 * Previews a parameter change on a replay's book without touching it ({@link ParameterPreview}): a copy of the book
 * under the new market and asset definitions ({@link MarginBook#withDefinitions}), every sub-account compared with
 * its evaluation now. O(sub-accounts); the replay is left as it was.
 */
public final class ParameterPreviewCalculator {
    private ParameterPreviewCalculator() {
    }

    /**
     * @param replay the run, where it stands (engine thread)
     * @param to     the parameters to preview
     * @return what they would change now
     */
    public static ParameterPreview preview(Replay replay, Parameters to) {
        Parameters from = replay.scenario().parameters();
        List<String> changes = from.differences(to);
        MarginBook now = replay.engine().book();
        boolean redefined = ParameterChange.between(from, to).redefined();
        MarginBook next = redefined ? now.withDefinitions(to.assetList(), to.marketList()) : now;
        int n = now.subAccounts().size();
        double line = ReplayRunner.AT_RISK_HEALTH_FACTOR;
        int riskBefore = 0;
        int riskAfter = 0;
        int newlyRisk = 0;
        int liqBefore = 0;
        int liqAfter = 0;
        int newlyLiq = 0;
        double newlyLiqNotional = 0;
        double reqBefore = 0;
        double reqAfter = 0;
        for (int s = 0; s < n; s++) {
            boolean rb = atRisk(now, s, line);
            boolean ra = atRisk(next, s, line);
            boolean lb = liquidatable(now, s);
            boolean la = liquidatable(next, s);
            riskBefore += rb ? 1 : 0;
            riskAfter += ra ? 1 : 0;
            newlyRisk += ra && !rb ? 1 : 0;
            liqBefore += lb ? 1 : 0;
            liqAfter += la ? 1 : 0;
            if (la && !lb) {
                newlyLiq++;
                newlyLiqNotional += next.notional(s);
            }
            reqBefore += now.maintenanceRequirement(s);
            reqAfter += next.maintenanceRequirement(s);
        }
        return new ParameterPreview(changes, redefined, replay.timeMs(), n, riskBefore, riskAfter, newlyRisk,
                liqBefore, liqAfter, newlyLiq, newlyLiqNotional, reqBefore, reqAfter, note(from, to));
    }

    private static boolean atRisk(MarginBook b, int s, double line) {
        double hf = b.maintenanceHealthFactor(s);
        return !Double.isNaN(hf) && hf < line;
    }

    private static boolean liquidatable(MarginBook b, int s) {
        return b.maintenanceWeightedLiabilities(s) > 0 && b.maintenanceHealth(s) < 0;
    }

    /** @return which changed rules act later than now, in words */
    private static String note(Parameters from, Parameters to) {
        List<String> later = new ArrayList<>();
        if (!from.liquidation().equals(to.liquidation())) {
            later.add("liquidation rules act on the next liquidation");
        }
        if (!from.oracle().equals(to.oracle())) {
            later.add("the oracle model acts on the next price");
        }
        if (!from.liquidity().equals(to.liquidity())) {
            later.add("the liquidity model acts on the next fill");
        }
        if (!from.deleveraging().equals(to.deleveraging())) {
            later.add("the deleveraging policy acts on the next bankruptcy the fund cannot cover");
        }
        if (!from.dynamicMargin().equals(to.dynamicMargin())) {
            later.add("dynamic margin acts from the next price on");
        }
        return String.join("; ", later);
    }
}
