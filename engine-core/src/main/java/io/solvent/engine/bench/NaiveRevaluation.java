package io.solvent.engine.bench;

import io.solvent.engine.margin.SizeAdjustedWeightCalculator;
import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline of a full revaluation: an object per sub-account (the model's {@link SubAccount} records, their
 * balance maps and position lists), assets, markets and prices looked up by symbol in hash maps, size-adjusted
 * weights recomputed on every evaluation, a new result object per sub-account. The arithmetic and its order are
 * those of {@link io.solvent.engine.book.MarginBook#revalue(int)}, so the figures are the same bit for bit; only the
 * data layout differs.
 */
public final class NaiveRevaluation {
    /**
     * One sub-account's figures.
     *
     * @param equity                         unweighted equity, USD
     * @param notional                       total notional of its positions, USD
     * @param initialHealth                  initial weighted assets minus liabilities, USD
     * @param maintenanceWeightedAssets      USD
     * @param maintenanceWeightedLiabilities requirement included, USD
     */
    public record Figures(double equity, double notional, double initialHealth, double maintenanceWeightedAssets,
                          double maintenanceWeightedLiabilities) {
    }

    private final List<SubAccount> subs = new ArrayList<>();
    private final Map<String, Asset> assets = new HashMap<>();
    private final Map<String, Market> markets = new HashMap<>();
    private final Map<String, TierSchedule> schedules = new HashMap<>();
    private final Map<String, Double> prices;
    private final Figures[] figures;

    /** @param book a fully priced book */
    public NaiveRevaluation(Book book) {
        for (Account a : book.accounts()) {
            subs.addAll(a.subaccounts());
        }
        book.assets().forEach(a -> assets.put(a.symbol(), a));
        book.markets().forEach(m -> {
            markets.put(m.symbol(), m);
            schedules.put(m.symbol(), TierSchedule.of(m.tiers()));
        });
        prices = new HashMap<>(book.prices().bySymbol());
        figures = new Figures[subs.size()];
    }

    /** @return the number of sub-accounts */
    public int size() {
        return subs.size();
    }

    /**
     * Re-evaluates every sub-account, in book order.
     *
     * @return the sum of the maintenance health of every sub-account, USD
     */
    public double revalueAll() {
        double sum = 0;
        for (int i = 0; i < figures.length; i++) {
            Figures f = evaluate(subs.get(i));
            figures[i] = f;
            sum += f.maintenanceWeightedAssets() - f.maintenanceWeightedLiabilities();
        }
        return sum;
    }

    /**
     * @param i sub-account, in book order
     * @return its figures at the last {@link #revalueAll()}
     */
    public Figures figures(int i) {
        return figures[i];
    }

    private Figures evaluate(SubAccount sub) {
        double aInit = 0;
        double lInit = 0;
        double aMaint = 0;
        double lMaint = 0;
        double eq = 0;
        for (Map.Entry<String, Double> e : sub.balances().entrySet()) {
            Asset asset = assets.get(e.getKey());
            double units = e.getValue();
            double value = units * prices.get(e.getKey());
            double wInit = SizeAdjustedWeightCalculator.weightFor(asset.initialWeight(), asset.initialLiabilityWeight(),
                    asset.sizeFactor(), units);
            double wMaint = SizeAdjustedWeightCalculator.weightFor(asset.maintenanceWeight(),
                    asset.maintenanceLiabilityWeight(), asset.sizeFactor(), units);
            eq += value;
            if (value > 0) {
                aInit += value * wInit;
                aMaint += value * wMaint;
            } else {
                lInit -= value * wInit;
                lMaint -= value * wMaint;
            }
        }
        double rInit = 0;
        double rMaint = 0;
        double n = 0;
        for (Position p : sub.positions()) {
            Market m = markets.get(p.market());
            double price = prices.get(m.underlying());
            double size = p.size();
            double pnl = size * (price - p.entryPrice());
            double positionNotional = Math.abs(size) * price;
            eq += pnl;
            n += positionNotional;
            if (pnl >= 0) {
                double weighted = pnl * m.positivePnlWeight();
                aInit += weighted;
                aMaint += weighted;
            } else {
                lInit -= pnl;
                lMaint -= pnl;
            }
            TierSchedule schedule = schedules.get(p.market());
            rInit += schedule.requirement(positionNotional, MarginType.INITIAL);
            rMaint += schedule.requirement(positionNotional, MarginType.MAINTENANCE);
        }
        return new Figures(eq, n, aInit - (lInit + rInit), aMaint, lMaint + rMaint);
    }
}
