package io.solvent.engine.testing;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A second, deliberately plain implementation of margin-model.md, written from the spec text and sharing no code
 * with the engine: tiers by the bracket sum, weights inline, and liquidation prices found by bracketing every sign
 * change of the health function on a grid that contains all its bends, then bisecting. Used as the independent
 * implementation the engine must agree with to 1e-9 relative.
 */
public final class SpecOracle {
    private final Map<String, Asset> assets = new HashMap<>();
    private final Map<String, Market> markets = new HashMap<>();
    private final List<String> assetOrder = new ArrayList<>();

    public SpecOracle(Book book) {
        for (Asset a : book.assets()) {
            assets.put(a.symbol(), a);
            assetOrder.add(a.symbol());
        }
        for (Market m : book.markets()) {
            markets.put(m.symbol(), m);
        }
    }

    /** Σ_i fraction_i × max(0, min(N, upTo_i) − upTo_{i−1}), straight from the spec. */
    public static double tieredRequirement(List<MarginTier> tiers, double notional, boolean maintenance) {
        double total = 0;
        double previous = 0;
        for (MarginTier t : tiers) {
            double f = maintenance ? t.maintenanceMarginFraction() : t.initialMarginFraction();
            total += f * Math.max(0, Math.min(notional, t.upTo()) - previous);
            previous = t.upTo();
        }
        return total;
    }

    /** Every figure of the spec for one sub-account, keyed by the JSON path of the margin output below it. */
    public Map<String, Double> figures(SubAccount sub, Prices prices) {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] a = new double[2];
        double[] l = new double[2];
        double[] r = new double[2];
        double equity = 0;
        double notional = 0;
        for (var e : sub.balances().entrySet()) {
            Asset asset = assets.get(e.getKey());
            double b = e.getValue();
            double p = prices.of(e.getKey());
            equity += b * p;
            double k = asset.sizeFactor();
            double[] w = {asset.initialWeight(), asset.maintenanceWeight()};
            double[] lw = {asset.initialLiabilityWeight(), asset.maintenanceLiabilityWeight()};
            for (int t = 0; t < 2; t++) {
                if (b > 0) {
                    a[t] += b * p * Math.min(w[t], 1.1 / (1 + k * Math.sqrt(Math.abs(b))));
                } else if (b < 0) {
                    l[t] += Math.abs(b) * p * Math.max(lw[t], 0.8 * lw[t] + k * Math.sqrt(Math.abs(b)));
                }
            }
        }
        int i = 0;
        for (Position pos : sub.positions()) {
            Market m = markets.get(pos.market());
            double p = prices.of(m.underlying());
            double pnl = pos.size() * (p - pos.entryPrice());
            double n = Math.abs(pos.size()) * p;
            equity += pnl;
            notional += n;
            for (int t = 0; t < 2; t++) {
                if (pnl >= 0) {
                    a[t] += pnl * m.positivePnlWeight();
                } else {
                    l[t] += Math.abs(pnl);
                }
                r[t] += tieredRequirement(m.tiers(), n, t == 1);
            }
            String at = "positions[" + i + "].";
            out.put(at + "notional", n);
            out.put(at + "unrealizedPnl", pnl);
            out.put(at + "initialRequirement", tieredRequirement(m.tiers(), n, false));
            out.put(at + "maintenanceRequirement", tieredRequirement(m.tiers(), n, true));
            i++;
        }
        String[] names = {"initial", "maintenance"};
        for (int t = 0; t < 2; t++) {
            double lt = l[t] + r[t];
            out.put(names[t] + ".weightedAssets", a[t]);
            out.put(names[t] + ".weightedLiabilities", lt);
            out.put(names[t] + ".requirement", r[t]);
            out.put(names[t] + ".health", a[t] - lt);
            out.put(names[t] + ".healthFactor", lt == 0 ? null : a[t] / lt);
        }
        double lm = l[1] + r[1];
        out.put("equity", equity);
        out.put("liquidatable", lm > 0 && a[1] - lm < 0 ? 1.0 : 0.0);
        out.put("freeCollateral", Math.max(0, a[0] - l[0] - r[0]));
        double denominator = a[1] - l[1];
        out.put("marginRatio", denominator > 0 ? r[1] / denominator : null);
        out.put("leverage", equity > 0 ? notional / equity : null);
        TreeSet<Integer> exposed = new TreeSet<>();
        sub.balances().keySet().forEach(s -> exposed.add(assetOrder.indexOf(s)));
        sub.positions().forEach(p -> exposed.add(assetOrder.indexOf(markets.get(p.market()).underlying())));
        for (int idx : exposed) {
            String u = assetOrder.get(idx);
            out.put("liquidationPrices." + u, liquidationPrice(sub, u, prices));
        }
        i = 0;
        for (Position pos : sub.positions()) {
            String u = markets.get(pos.market()).underlying();
            Double lp = out.get("liquidationPrices." + u);
            double p = prices.of(u);
            out.put("positions[" + i + "].liquidationPrice", lp);
            out.put("positions[" + i + "].liquidationDistance", lp == null ? null : (lp - p) / p);
            i++;
        }
        return out;
    }

    /** Maintenance health with the price of {@code asset} replaced by {@code price}. */
    public double maintenanceHealthAt(SubAccount sub, Prices prices, String asset, double price) {
        Map<String, Double> moved = new LinkedHashMap<>(prices.bySymbol());
        moved.put(asset, price);
        Map<String, Double> f = figuresWithoutLiquidation(sub, new Prices(moved));
        return f.get("maintenance.health");
    }

    private Map<String, Double> figuresWithoutLiquidation(SubAccount sub, Prices prices) {
        // maintenance health only: figures() itself calls liquidationPrice(), which calls this
        Map<String, Double> out = new LinkedHashMap<>();
        double a = 0;
        double l = 0;
        for (var e : sub.balances().entrySet()) {
            Asset asset = assets.get(e.getKey());
            double b = e.getValue();
            double p = prices.of(e.getKey());
            double k = asset.sizeFactor();
            if (b > 0) {
                a += b * p * Math.min(asset.maintenanceWeight(), 1.1 / (1 + k * Math.sqrt(Math.abs(b))));
            } else if (b < 0) {
                l += Math.abs(b) * p * Math.max(asset.maintenanceLiabilityWeight(),
                        0.8 * asset.maintenanceLiabilityWeight() + k * Math.sqrt(Math.abs(b)));
            }
        }
        for (Position pos : sub.positions()) {
            Market m = markets.get(pos.market());
            double p = prices.of(m.underlying());
            double pnl = pos.size() * (p - pos.entryPrice());
            if (pnl >= 0) {
                a += pnl * m.positivePnlWeight();
            } else {
                l += -pnl;
            }
            l += tieredRequirement(m.tiers(), Math.abs(pos.size()) * p, true);
        }
        out.put("maintenance.health", a - l);
        return out;
    }

    /**
     * The root of maintenance health in {@code asset}'s price nearest to its current price: every bend of the
     * function is put on a grid (entries, tier bounds / |size|) together with a wide geometric grid, each sign change
     * between neighbours is bisected to the last bit, and the nearest root wins.
     */
    public Double liquidationPrice(SubAccount sub, String asset, Prices prices) {
        double current = prices.of(asset);
        TreeSet<Double> grid = new TreeSet<>();
        grid.add(current);
        for (int e = -12; e <= 9; e++) {
            for (int m = 1; m <= 9; m++) {
                grid.add(current * m * Math.pow(10, e));
            }
        }
        for (Position pos : sub.positions()) {
            Market m = markets.get(pos.market());
            if (!m.underlying().equals(asset)) {
                continue;
            }
            grid.add(pos.entryPrice());
            for (MarginTier t : m.tiers()) {
                if (!t.unbounded() && pos.size() != 0) {
                    grid.add(t.upTo() / Math.abs(pos.size()));
                }
            }
        }
        List<Double> points = new ArrayList<>(grid);
        List<Double> roots = new ArrayList<>();
        double prevX = points.getFirst();
        double prevF = maintenanceHealthAt(sub, prices, asset, prevX);
        if (prevF == 0) {
            roots.add(prevX);
        }
        for (int i = 1; i < points.size(); i++) {
            double x = points.get(i);
            double fx = maintenanceHealthAt(sub, prices, asset, x);
            if (fx == 0) {
                roots.add(x);
            } else if (prevF != 0 && (prevF < 0) != (fx < 0)) {
                double lo = prevX;
                double hi = x;
                double flo = prevF;
                for (int it = 0; it < 200 && hi - lo > Math.ulp(hi); it++) {
                    double mid = lo + (hi - lo) / 2;
                    double fm = maintenanceHealthAt(sub, prices, asset, mid);
                    if (fm == 0) {
                        lo = mid;
                        hi = mid;
                        break;
                    }
                    if ((fm < 0) == (flo < 0)) {
                        lo = mid;
                        flo = fm;
                    } else {
                        hi = mid;
                    }
                }
                roots.add(lo + (hi - lo) / 2);
            }
            prevX = x;
            prevF = fx;
        }
        Double best = null;
        for (double root : roots) {
            if (best == null || Math.abs(root - current) < Math.abs(best - current)) {
                best = root;
            }
        }
        return best;
    }
}
