package io.solvent.engine.population;

import io.solvent.engine.margin.Instruments;
import io.solvent.engine.margin.MarginCalculator;
import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates a synthetic but realistic book: the universe of {@link PopulationUniverse} (prices included) and accounts
 * drawn from its documented distributions, one at a time, so that a million sub-accounts can be streamed to a file in
 * bounded memory.
 *
 * <p>Per account (its own {@link SplittableRandom}, split in index order from the seed's): 1–3 sub-accounts, an equity
 * drawn from {@link PopulationUniverse#EQUITY} split among them in exponential (flat Dirichlet) shares. Per
 * sub-account: isolated with probability {@link PopulationUniverse#ISOLATED_SHARE} (one position, USDC only), else
 * cross with 1–4 positions on distinct markets (drawn by market weight) and 1–3 balances (USDC, then BTC/ETH/SOL by
 * collateral weight, sometimes a USDC borrow against them); each position long with its market's long share, its
 * entry price {@code P·(1 + σ·Z)} with {@code σ = dailyVol·√holdingDays} and Z a standard normal truncated at ±2.5;
 * the sub-account's notional {@code leverage × equity} with leverage drawn from
 * {@link PopulationUniverse#LEVERAGE_SMALL} or {@link PopulationUniverse#LEVERAGE_LARGE} by the account's equity,
 * split among positions in exponential shares.
 *
 * <p>Validity: the notional is capped where initial health would turn negative; sub-accounts drawn above that cap
 * (the high-leverage tail) are placed uniformly between it and the notional at which their maintenance health factor
 * is {@link PopulationUniverse#TAIL_HEALTH_FACTOR}. No generated sub-account is liquidatable at the book's prices, and
 * every isolated one has exactly one position. The equity of every sub-account is the drawn one (to the cent): the
 * collateral is the equity minus the positions' unrealized PnL; where winning positions would take more than half the
 * equity, their entry prices are pulled towards the price.
 *
 * <p>Rounding, as venues do: sizes to the market's lot (at least one lot), entry prices to five significant figures,
 * balances to the asset's decimals (USDC to the cent).
 */
public final class PopulationGenerator {
    private static final int BISECTION_STEPS = 60;
    private static final int QUOTE = 0;

    private final PopulationParameters parameters;
    private final Book universe;

    private final int marketCount;
    private final String[] marketSymbol;
    private final double[] marketPrice;
    private final double[] marketWeight;
    private final double[] longShare;
    private final double[] entrySigma;
    private final int[] sizeDecimals;
    private final TierSchedule[] schedules;
    private final MarginCalculator margin;

    private final String[] assetSymbol;
    private final double[] assetPrice;
    private final double[] initialWeight;
    private final double[] maintenanceWeight;
    private final double[] initialLiabilityWeight;
    private final double[] maintenanceLiabilityWeight;
    private final int[] assetDecimals;
    private final int[] collateral;
    private final double[] collateralWeight;
    private final double leverageMultiplier;
    private final boolean usdcOnly;

    /** @param parameters what to generate */
    public PopulationGenerator(PopulationParameters parameters) {
        this.parameters = parameters;
        PopulationUniverse u = PopulationUniverse.of(parameters.markets());
        List<PopulationAsset> assets = u.assets();
        List<PopulationMarket> markets = u.markets();
        Map<String, Double> prices = new LinkedHashMap<>();
        int n = assets.size();
        assetSymbol = new String[n];
        assetPrice = new double[n];
        initialWeight = new double[n];
        maintenanceWeight = new double[n];
        initialLiabilityWeight = new double[n];
        maintenanceLiabilityWeight = new double[n];
        assetDecimals = new int[n];
        List<Integer> coll = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PopulationAsset a = assets.get(i);
            Asset asset = a.asset();
            assetSymbol[i] = a.symbol();
            assetPrice[i] = a.price();
            initialWeight[i] = asset.initialWeight();
            maintenanceWeight[i] = asset.maintenanceWeight();
            initialLiabilityWeight[i] = asset.initialLiabilityWeight();
            maintenanceLiabilityWeight[i] = asset.maintenanceLiabilityWeight();
            assetDecimals[i] = a.decimals();
            prices.put(a.symbol(), a.price());
            if (a.collateralWeight() > 0) {
                coll.add(i);
            }
        }
        collateral = coll.stream().mapToInt(Integer::intValue).toArray();
        collateralWeight = new double[collateral.length];
        for (int j = 0; j < collateral.length; j++) {
            collateralWeight[j] = assets.get(collateral[j]).collateralWeight();
        }
        marketCount = markets.size();
        marketSymbol = new String[marketCount];
        marketPrice = new double[marketCount];
        marketWeight = new double[marketCount];
        longShare = new double[marketCount];
        entrySigma = new double[marketCount];
        sizeDecimals = new int[marketCount];
        schedules = new TierSchedule[marketCount];
        for (int m = 0; m < marketCount; m++) {
            PopulationMarket pm = markets.get(m);
            marketSymbol[m] = pm.symbol();
            marketPrice[m] = pm.price();
            marketWeight[m] = pm.weight();
            longShare[m] = pm.longShare();
            entrySigma[m] = pm.dailyVol() * StrictMath.sqrt(PopulationUniverse.HOLDING_DAYS);
            sizeDecimals[m] = pm.sizeDecimals();
            schedules[m] = TierSchedule.of(pm.market().tiers());
        }
        leverageMultiplier = parameters.profile() == PopulationProfile.STRESSED
                ? PopulationProfile.STRESSED_LEVERAGE_MULTIPLIER : 1.0;
        usdcOnly = parameters.profile() == PopulationProfile.USDC_ONLY;
        universe = new Book(assets.stream().map(PopulationAsset::asset).toList(),
                markets.stream().map(PopulationMarket::market).toList(), List.of(), new Prices(prices));
        margin = new MarginCalculator(Instruments.of(universe));
    }

    /** @return the parameters this generator draws with */
    public PopulationParameters parameters() {
        return parameters;
    }

    /** @return the book's assets, markets and prices, without accounts */
    public Book universe() {
        return universe;
    }

    /**
     * @return the accounts, generated one at a time as the iterator is advanced; each call starts again from the
     *         seed and gives the same sequence
     */
    public Iterator<Account> accounts() {
        return new AccountIterator();
    }

    /**
     * Generates the whole book in memory; for small populations (tests, examples). Large ones should be streamed from
     * {@link #accounts()}.
     *
     * @return the universe with every generated account
     */
    public Book generate() {
        List<Account> all = new ArrayList<>();
        accounts().forEachRemaining(all::add);
        return new Book(universe.assets(), universe.markets(), all, universe.prices());
    }

    private final class AccountIterator implements Iterator<Account> {
        private final SplittableRandom master = new SplittableRandom(parameters.seed());
        private int accounts;
        private long subaccounts;

        @Override
        public boolean hasNext() {
            return parameters.accounts() > 0 ? accounts < parameters.accounts()
                    : subaccounts < parameters.subaccounts();
        }

        @Override
        public Account next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SplittableRandom r = master.split();
            int count = 1 + categorical(r, PopulationUniverse.SUBACCOUNTS_PER_ACCOUNT);
            if (parameters.subaccounts() > 0) {
                count = (int) Math.min(count, parameters.subaccounts() - subaccounts);
            }
            double equity = PopulationUniverse.EQUITY.valueAt(r.nextDouble());
            LogQuantileCurve leverage = equity < PopulationUniverse.SMALL_ACCOUNT_EQUITY
                    ? PopulationUniverse.LEVERAGE_SMALL : PopulationUniverse.LEVERAGE_LARGE;
            double[] shares = exponentialShares(r, count);
            List<SubAccount> subs = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                subs.add(subAccount(r, Integer.toString(s), Math.max(1.0, equity * shares[s]), leverage));
            }
            accounts++;
            subaccounts += count;
            return new Account("acct-" + accounts, subs);
        }
    }

    /** The drawn plan of one sub-account, before its notional is fixed. */
    private static final class Plan {
        double equity;
        int positions;
        int[] market = new int[4];
        double[] side = new double[4];
        double[] share = new double[4];
        double[] entry = new double[4];
        double[] delta = new double[4];
        double[] roundUp = new double[4];
        int balances;
        int[] asset = new int[3];
        double[] coefficient = new double[3];
    }

    private SubAccount subAccount(SplittableRandom r, String id, double equity, LogQuantileCurve leverageCurve) {
        Plan p = new Plan();
        p.equity = cents(equity);
        boolean isolated = r.nextDouble() < PopulationUniverse.ISOLATED_SHARE;
        p.positions = isolated ? 1
                : Math.min(1 + categorical(r, PopulationUniverse.CROSS_POSITIONS), marketCount);
        pickWithoutReplacement(r, marketWeight, p.positions, p.market);
        for (int k = 0; k < p.positions; k++) {
            int m = p.market[k];
            p.side[k] = r.nextDouble() < longShare[m] ? 1 : -1;
            p.entry[k] = significant5(marketPrice[m] * (1 + entrySigma[m] * truncatedNormal(r)));
            p.roundUp[k] = r.nextDouble();
        }
        double[] shares = exponentialShares(r, p.positions);
        System.arraycopy(shares, 0, p.share, 0, p.positions);
        double leverage = leverageCurve.valueAt(r.nextDouble()) * leverageMultiplier;
        drawBalances(r, p, isolated);

        double maxNotional = leverage * p.equity;
        double gain = pnlPerNotional(p);
        if (maxNotional * gain > 0.5 * p.equity) {
            double pull = 0.5 * p.equity / (maxNotional * gain);
            for (int k = 0; k < p.positions; k++) {
                double price = marketPrice[p.market[k]];
                p.entry[k] = significant5(price + (p.entry[k] - price) * pull);
            }
            pnlPerNotional(p);
        }
        double notional = maxNotional;
        if (health(p, notional, MarginType.INITIAL, 1) < 0) {
            double initialCap = largestHealthy(p, 0, maxNotional, MarginType.INITIAL, 1);
            double tailCap = initialCap;
            double f = PopulationUniverse.TAIL_HEALTH_FACTOR;
            if (health(p, maxNotional, MarginType.MAINTENANCE, f) >= 0) {
                tailCap = maxNotional;
            } else if (health(p, initialCap, MarginType.MAINTENANCE, f) >= 0) {
                tailCap = largestHealthy(p, initialCap, maxNotional, MarginType.MAINTENANCE, f);
            }
            notional = initialCap + r.nextDouble() * (tailCap - initialCap);
        }
        for (int attempt = 0; ; attempt++) {
            SubAccount sub = build(id, isolated, p, notional);
            if (attempt >= 40 || maintenanceHealth(sub) >= 0) {
                return sub;
            }
            notional *= 0.5;
        }
    }

    private void drawBalances(SplittableRandom r, Plan p, boolean isolated) {
        p.asset[0] = QUOTE;
        if (isolated || usdcOnly || collateral.length == 0) {
            p.balances = 1;
            p.coefficient[0] = 1;
            return;
        }
        p.balances = Math.min(1 + categorical(r, PopulationUniverse.CROSS_BALANCES), 1 + collateral.length);
        if (p.balances == 1) {
            p.coefficient[0] = 1;
            return;
        }
        int volatileCount = p.balances - 1;
        int[] picked = new int[volatileCount];
        pickWithoutReplacement(r, collateralWeight, volatileCount, picked);
        Arrays.sort(picked);
        double weakest = 1;
        for (int j = 0; j < volatileCount; j++) {
            p.asset[1 + j] = collateral[picked[j]];
            weakest = Math.min(weakest, initialWeight[collateral[picked[j]]]);
        }
        boolean borrow = r.nextDouble() < PopulationUniverse.BORROW_SHARE;
        double split = 0.2 + 0.6 * r.nextDouble();
        double volatileTotal;
        if (borrow) {
            // borrowed USDC at most half of what initial margin allows against the weakest collateral
            double ceiling = Math.min(1.0, 0.5 * weakest / (initialLiabilityWeight[QUOTE] - weakest));
            double beta = (0.1 + 0.9 * r.nextDouble()) * ceiling;
            p.coefficient[0] = -beta;
            volatileTotal = 1 + beta;
        } else {
            double quote = 0.1 + 0.8 * r.nextDouble();
            p.coefficient[0] = quote;
            volatileTotal = 1 - quote;
        }
        if (volatileCount == 1) {
            p.coefficient[1] = volatileTotal;
        } else {
            p.coefficient[1] = volatileTotal * split;
            p.coefficient[2] = volatileTotal * (1 - split);
        }
    }

    /** Sets each position's PnL per USD of its notional and returns the sub-account's PnL per USD of notional. */
    private double pnlPerNotional(Plan p) {
        double g = 0;
        for (int k = 0; k < p.positions; k++) {
            p.delta[k] = p.side[k] * (1 - p.entry[k] / marketPrice[p.market[k]]);
            g += p.share[k] * p.delta[k];
        }
        return g;
    }

    /**
     * Health of the plan at a total notional: {@code A_t − factor × L_t}, collateral being the equity minus the PnL.
     */
    private double health(Plan p, double notional, MarginType type, double factor) {
        double pnlTotal = 0;
        double a = 0;
        double l = 0;
        for (int k = 0; k < p.positions; k++) {
            double n = p.share[k] * notional;
            double pnl = n * p.delta[k];
            pnlTotal += pnl;
            if (pnl >= 0) {
                a += pnl;
            } else {
                l -= pnl;
            }
            l += schedules[p.market[k]].requirement(n, type);
        }
        double collateralValue = p.equity - pnlTotal;
        for (int j = 0; j < p.balances; j++) {
            int i = p.asset[j];
            double value = p.coefficient[j] * collateralValue;
            if (value >= 0) {
                a += value * (type == MarginType.INITIAL ? initialWeight[i] : maintenanceWeight[i]);
            } else {
                l -= value * (type == MarginType.INITIAL ? initialLiabilityWeight[i] : maintenanceLiabilityWeight[i]);
            }
        }
        return a - factor * l;
    }

    /** The largest notional in [lo, hi] found by bisection with non-negative health, given health(lo) ≥ 0. */
    private double largestHealthy(Plan p, double lo, double hi, MarginType type, double factor) {
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = 0.5 * (lo + hi);
            if (health(p, mid, type, factor) >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private SubAccount build(String id, boolean isolated, Plan p, double notional) {
        List<Position> positions = new ArrayList<>(p.positions);
        double pnl = 0;
        for (int k = 0; k < p.positions; k++) {
            int m = p.market[k];
            double scale = POW10[sizeDecimals[m]];
            double exact = p.share[k] * notional / marketPrice[m] * scale;
            double lots = Math.floor(exact) + (p.roundUp[k] < exact - Math.floor(exact) ? 1 : 0);
            if (lots == 0) {
                if (k < p.positions - 1 || !positions.isEmpty()) {
                    continue;
                }
                lots = 1;
            }
            double size = p.side[k] * lots / scale;
            positions.add(new Position(marketSymbol[m], size, p.entry[k]));
            pnl += size * (marketPrice[m] - p.entry[k]);
        }
        double collateralValue = p.equity - pnl;
        Map<String, Double> balances = new LinkedHashMap<>();
        double held = 0;
        double[] amounts = new double[p.balances];
        for (int j = 1; j < p.balances; j++) {
            int i = p.asset[j];
            amounts[j] = round(p.coefficient[j] * collateralValue / assetPrice[i], assetDecimals[i]);
            held += amounts[j] * assetPrice[i];
        }
        balances.put(assetSymbol[QUOTE], cents(collateralValue - held));
        for (int j = 1; j < p.balances; j++) {
            if (amounts[j] != 0) {
                balances.put(assetSymbol[p.asset[j]], amounts[j]);
            }
        }
        return new SubAccount(id, isolated ? MarginMode.ISOLATED : MarginMode.CROSS, balances, positions);
    }

    /** Maintenance health of a built sub-account at the universe's prices: the margin calculator's, the one formula. */
    private double maintenanceHealth(SubAccount sub) {
        return margin.evaluate(sub, universe.prices()).maintenance().health();
    }

    private int assetIndex(String symbol) {
        for (int i = 0; i < assetSymbol.length; i++) {
            if (assetSymbol[i].equals(symbol)) {
                return i;
            }
        }
        throw new IllegalStateException(symbol);
    }

    private int marketIndex(String symbol) {
        for (int m = 0; m < marketCount; m++) {
            if (marketSymbol[m].equals(symbol)) {
                return m;
            }
        }
        throw new IllegalStateException(symbol);
    }

    // ---- draws -------------------------------------------------------------------------------------------------

    /** Index i with probability {@code probabilities[i]} (they sum to 1), by inversion of one uniform. */
    static int categorical(SplittableRandom r, double[] probabilities) {
        double u = r.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length - 1; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    /** {@code count} distinct indices drawn successively with probability proportional to their weight. */
    static void pickWithoutReplacement(SplittableRandom r, double[] weights, int count, int[] out) {
        boolean[] taken = new boolean[weights.length];
        for (int c = 0; c < count; c++) {
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                if (!taken[i]) {
                    total += weights[i];
                }
            }
            double u = r.nextDouble() * total;
            int chosen = -1;
            for (int i = 0; i < weights.length; i++) {
                if (!taken[i]) {
                    chosen = i;
                    u -= weights[i];
                    if (u < 0) {
                        break;
                    }
                }
            }
            taken[chosen] = true;
            out[c] = chosen;
        }
    }

    /** Shares of a flat Dirichlet: normalised exponentials {@code −ln(1 − u)}. */
    static double[] exponentialShares(SplittableRandom r, int count) {
        double[] shares = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            shares[i] = -StrictMath.log(1.0 - r.nextDouble());
            total += shares[i];
        }
        for (int i = 0; i < count; i++) {
            shares[i] = total > 0 ? shares[i] / total : 1.0 / count;
        }
        return shares;
    }

    /** A standard normal (Box–Muller, cosine branch, StrictMath) redrawn until it lies within ±ENTRY_TRUNCATION. */
    static double truncatedNormal(SplittableRandom r) {
        while (true) {
            double u1 = 1.0 - r.nextDouble();
            double u2 = r.nextDouble();
            double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
            if (Math.abs(z) <= PopulationUniverse.ENTRY_TRUNCATION) {
                return z;
            }
        }
    }

    // ---- rounding ----------------------------------------------------------------------------------------------

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    static double cents(double usd) {
        return round(usd, 2);
    }

    /** {@code x} rounded to {@code decimals} places (ties to even), as the nearest double to that decimal. */
    static double round(double x, int decimals) {
        return Math.rint(x * POW10[decimals]) / POW10[decimals];
    }

    /** {@code x > 0} rounded to five significant figures (Hyperliquid's price precision). */
    static double significant5(double x) {
        int exponent = (int) Math.floor(StrictMath.log10(x));
        int decimals = 4 - exponent;
        if (decimals >= 0) {
            return Math.rint(x * POW10[decimals]) / POW10[decimals];
        }
        return Math.rint(x / POW10[-decimals]) * POW10[-decimals];
    }
}
