package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The reference margin model for one sub-account (margin-model.md, "Per sub-account"):
 *
 * <pre>
 * for each balance b of asset a at price P_a:
 *     b &gt; 0:  A_t += b·P_a·w_t(b)
 *     b &lt; 0:  L_t += |b|·P_a·l_t(b)
 * for each position (market m, size s, entry E) at underlying price P:
 *     pnl = s·(P − E);  N = |s|·P
 *     pnl ≥ 0:  A_t += pnl·positivePnlWeight(m);   pnl &lt; 0:  L_t += |pnl|
 *     R_t += R_{m,t}(N)
 * L_t += R_t;   health_t = A_t − L_t;   healthFactor_t = A_t / L_t
 * </pre>
 *
 * Pure: the same sub-account and prices give the same figures, and nothing is kept between calls.
 */
public final class MarginCalculator {
    private final Instruments instruments;
    private final LiquidationPriceCalculator liquidationPrices;

    /** @param instruments the assets and markets the sub-accounts refer to */
    public MarginCalculator(Instruments instruments) {
        this.instruments = instruments;
        this.liquidationPrices = new LiquidationPriceCalculator(instruments);
    }

    /**
     * @param sub    the sub-account
     * @param prices a price for every asset it holds and every underlying it trades
     * @return all of the model's figures, liquidation prices included
     */
    public SubAccountMargin evaluate(SubAccount sub, Prices prices) {
        double[] a = new double[2];
        double[] l = new double[2];
        double[] r = new double[2];
        double equity = 0;
        double totalNotional = 0;
        for (Map.Entry<String, Double> e : sub.balances().entrySet()) {
            Asset asset = instruments.asset(e.getKey());
            double units = e.getValue();
            double value = units * prices.of(asset.symbol());
            equity += value;
            for (MarginType t : MarginType.values()) {
                double w = SizeAdjustedWeightCalculator.weightFor(asset.assetWeight(t), asset.liabilityWeight(t),
                        asset.sizeFactor(), units);
                if (units > 0) {
                    a[t.ordinal()] += value * w;
                } else {
                    l[t.ordinal()] -= value * w;
                }
            }
        }
        List<double[]> perPosition = new ArrayList<>(sub.positions().size());
        for (Position p : sub.positions()) {
            Market m = instruments.market(p.market());
            TierSchedule schedule = instruments.schedule(p.market());
            double price = prices.of(m.underlying());
            double pnl = p.size() * (price - p.entryPrice());
            double notional = Math.abs(p.size()) * price;
            equity += pnl;
            totalNotional += notional;
            double[] req = new double[2];
            for (MarginType t : MarginType.values()) {
                int i = t.ordinal();
                if (pnl >= 0) {
                    a[i] += pnl * m.positivePnlWeight();
                } else {
                    l[i] -= pnl;
                }
                req[i] = schedule.requirement(notional, t);
                r[i] += req[i];
            }
            perPosition.add(new double[] {notional, pnl, req[0], req[1], price});
        }
        MarginFigures initial = MarginFigures.of(a[0], l[0] + r[0], r[0]);
        MarginFigures maintenance = MarginFigures.of(a[1], l[1] + r[1], r[1]);

        double denominator = maintenance.weightedAssets() - (maintenance.weightedLiabilities() - r[1]);
        OptionalDouble marginRatio = denominator > 0 ? OptionalDouble.of(r[1] / denominator) : OptionalDouble.empty();
        OptionalDouble leverage = equity > 0 ? OptionalDouble.of(totalNotional / equity) : OptionalDouble.empty();
        boolean liquidatable = maintenance.weightedLiabilities() > 0 && maintenance.health() < 0;

        Map<String, OptionalDouble> liq = liquidationPricesOf(sub, prices);
        List<PositionMargin> positions = new ArrayList<>(sub.positions().size());
        for (int k = 0; k < sub.positions().size(); k++) {
            Position p = sub.positions().get(k);
            double[] f = perPosition.get(k);
            OptionalDouble lp = liq.get(instruments.market(p.market()).underlying());
            OptionalDouble distance = lp.isPresent() ? OptionalDouble.of((lp.getAsDouble() - f[4]) / f[4])
                    : OptionalDouble.empty();
            positions.add(new PositionMargin(p.market(), p.size(), f[0], f[1], f[2], f[3], lp, distance));
        }
        return new SubAccountMargin(initial, maintenance, equity, liquidatable, Math.max(0, initial.health()),
                marginRatio, leverage, liq, positions);
    }

    private Map<String, OptionalDouble> liquidationPricesOf(SubAccount sub, Prices prices) {
        TreeMap<Integer, String> exposed = new TreeMap<>();
        for (String asset : sub.balances().keySet()) {
            exposed.put(instruments.assetOrder(asset), asset);
        }
        for (Position p : sub.positions()) {
            String u = instruments.market(p.market()).underlying();
            exposed.put(instruments.assetOrder(u), u);
        }
        Map<String, OptionalDouble> out = new java.util.LinkedHashMap<>();
        for (String asset : exposed.values()) {
            out.put(asset, liquidationPrices.liquidationPrice(sub, asset, prices));
        }
        return out;
    }
}
