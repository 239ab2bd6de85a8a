package io.solvent.engine.population;

import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.SubAccount;

import java.util.HashMap;
import java.util.Map;

/**
 * Statistics of a population gathered as its accounts stream by, in memory independent of its size: counts, shares
 * and the leverage distribution (notional / equity per sub-account at the book's prices) in a logarithmic histogram
 * of {@value #BINS_PER_DECADE} bins per decade from 10^{@value #MIN_DECADE} to 10^{@value #MAX_DECADE}, so that a
 * quantile is exact to about 0.1 % of its value.
 */
public final class PopulationSummary {
    static final int BINS_PER_DECADE = 1000;
    static final int MIN_DECADE = -5;
    static final int MAX_DECADE = 4;

    private final Map<String, Double> underlyingPrice = new HashMap<>();
    private final Map<String, Double> assetPrice;
    private final long[] histogram = new long[(MAX_DECADE - MIN_DECADE) * BINS_PER_DECADE + 2];
    private long accounts;
    private long subaccounts;
    private long isolated;
    private long positions;
    private long longs;
    private long balances;
    private long borrowers;
    private long withLeverage;
    private double maxLeverage;
    private double totalEquity;
    private double totalNotional;

    /** @param universe the book's assets, markets and prices */
    public PopulationSummary(Book universe) {
        assetPrice = universe.prices().bySymbol();
        for (Market m : universe.markets()) {
            underlyingPrice.put(m.symbol(), assetPrice.get(m.underlying()));
        }
    }

    /** @param account an account of the population, counted once */
    public void accept(Account account) {
        accounts++;
        for (SubAccount s : account.subaccounts()) {
            subaccounts++;
            if (s.mode() == MarginMode.ISOLATED) {
                isolated++;
            }
            double equity = 0;
            boolean borrows = false;
            for (Map.Entry<String, Double> b : s.balances().entrySet()) {
                balances++;
                equity += b.getValue() * assetPrice.get(b.getKey());
                borrows |= b.getValue() < 0;
            }
            if (borrows) {
                borrowers++;
            }
            double notional = 0;
            for (Position p : s.positions()) {
                positions++;
                if (p.size() > 0) {
                    longs++;
                }
                double price = underlyingPrice.get(p.market());
                notional += Math.abs(p.size()) * price;
                equity += p.size() * (price - p.entryPrice());
            }
            totalEquity += equity;
            totalNotional += notional;
            if (equity > 0) {
                double leverage = notional / equity;
                withLeverage++;
                maxLeverage = Math.max(maxLeverage, leverage);
                histogram[bin(leverage)]++;
            }
        }
    }

    /** Bin 0 holds leverage 0; bin i ≥ 1 holds [10^(MIN + (i−1)/B), 10^(MIN + i/B)), the ends open. */
    private int bin(double leverage) {
        if (leverage <= 0) {
            return 0;
        }
        double x = (StrictMath.log10(leverage) - MIN_DECADE) * BINS_PER_DECADE;
        if (x < 0) {
            return 1;
        }
        return (int) Math.min(histogram.length - 1, Math.floor(x) + 1);
    }

    /**
     * @param p a probability in [0, 1]
     * @return the leverage quantile over sub-accounts with positive equity (the geometric middle of its histogram
     *         bin; 0 for leverage 0); NaN when there is none
     */
    public double leverageQuantile(double p) {
        if (withLeverage == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p * withLeverage));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                if (i == 0) {
                    return 0;
                }
                return StrictMath.pow(10, MIN_DECADE + (i - 0.5) / BINS_PER_DECADE);
            }
        }
        return maxLeverage;
    }

    /** @return accounts counted */
    public long accounts() {
        return accounts;
    }

    /** @return sub-accounts counted */
    public long subaccounts() {
        return subaccounts;
    }

    /** @return positions counted */
    public long positions() {
        return positions;
    }

    /** @return balances counted (borrows included) */
    public long balances() {
        return balances;
    }

    /** @return the fraction of sub-accounts that are isolated */
    public double isolatedShare() {
        return subaccounts == 0 ? 0 : (double) isolated / subaccounts;
    }

    /** @return the fraction of positions that are long */
    public double longShare() {
        return positions == 0 ? 0 : (double) longs / positions;
    }

    /** @return the fraction of sub-accounts with a negative balance (a borrow) */
    public double borrowerShare() {
        return subaccounts == 0 ? 0 : (double) borrowers / subaccounts;
    }

    /** @return the largest leverage of a sub-account (notional / equity) */
    public double maxLeverage() {
        return maxLeverage;
    }

    /** @return the sum of the sub-accounts' equity, USD */
    public double totalEquity() {
        return totalEquity;
    }

    /** @return the sum of the sub-accounts' position notionals, USD */
    public double totalNotional() {
        return totalNotional;
    }
}
