package io.solvent.engine.sim.view;

import io.solvent.engine.book.Evaluations;
import io.solvent.engine.book.LiquidationPriceSolver;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.sim.ReplayRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * One pass over every sub-account, exact at the prices now, that makes what needs them all: the riskiest sub-accounts,
 * the health factor and distance-to-liquidation distributions, each market's liquidation ladder and — when asked — a
 * page of sub-accounts sorted and filtered. It evaluates block by block into its own scratch ({@link
 * MarginBook#evaluate}), never into the book, so that it cannot change what the engine decides. Runs on the engine
 * thread; its cost is O(sub-accounts) evaluations plus a few per exposure for liquidation prices.
 */
public final class RiskPass {
    /** The health factor below which a sub-account counts as at risk (the engine's threshold). */
    public static final double AT_RISK = ReplayRunner.AT_RISK_HEALTH_FACTOR;
    /** Health factor bins' lower edges. */
    static final double[] HEALTH_EDGES = {0, 0.5, 0.8, 1, 1.1, 1.25, 1.5, 2, 3, 5, 10};
    /** Distance-to-liquidation bins' lower edges, %. */
    static final double[] DISTANCE_EDGES = {0, 1, 2, 5, 10, 20, 30, 50, 100};
    /** A ladder's levels: 1% of the price each, from −50% to +50%. */
    static final int LADDER_HALF_LEVELS = 50;
    private static final int BLOCK = 4_096;

    private final int riskiest;
    private final Evaluations block = new Evaluations(BLOCK);

    /** @param riskiest how many of the riskiest sub-accounts the view lists, {@code >= 0} */
    public RiskPass(int riskiest) {
        if (riskiest < 0) {
            throw new IllegalArgumentException("expected a count >= 0, was " + riskiest);
        }
        this.riskiest = riskiest;
    }

    /**
     * What a pass made.
     *
     * @param risk the riskiest sub-accounts, distributions and ladders
     * @param page the page asked for, or null
     */
    public record Result(RiskView risk, AccountPage page) {
    }

    /**
     * @param book     the hot state (read only)
     * @param asOfMs   simulated time now, ms since the Unix epoch, UTC
     * @param position feed events processed
     * @param query    the page asked for, or null
     * @return the pass's views
     */
    public Result run(MarginBook book, long asOfMs, long position, AccountQuery query) {
        SubAccountTable subs = book.subAccounts();
        int n = subs.size();
        int assets = book.assets().size();
        int markets = book.markets().size();
        LiquidationPriceSolver solver = new LiquidationPriceSolver(book);
        double[] liquidationPrice = new double[assets];
        int[] seen = new int[assets];
        Arrays.fill(seen, -1);

        int[] hfCounts = new int[HEALTH_EDGES.length];
        double[] hfNotional = new double[HEALTH_EDGES.length];
        int[] dCounts = new int[DISTANCE_EDGES.length];
        double[] dNotional = new double[DISTANCE_EDGES.length];
        int excluded = 0;
        int levels = 2 * LADDER_HALF_LEVELS;
        double[][] longs = new double[markets][levels];
        double[][] shorts = new double[markets][levels];
        double[] liquidatableUsd = new double[markets];
        double[] beyondUsd = new double[markets];
        double[] longOpen = new double[markets];
        double[] shortOpen = new double[markets];
        double[] downUsd = new double[LADDER_HALF_LEVELS + 1];  // by the first whole % of a fall that liquidates
        double[] upUsd = new double[LADDER_HALF_LEVELS + 1];    // by the first whole % of a rise that liquidates
        double alreadyUsd = 0;
        firstOrder = 0;

        PriorityQueue<AccountRow> worst = new PriorityQueue<>(Math.max(1, riskiest + 1), RISK.reversed());
        Page page = query == null ? null : new Page(query, subs, book);

        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            book.evaluate(from, to, block);
            for (int s = from; s < to; s++) {
                double hf = block.healthFactor(s);
                boolean hasLiabilities = !Double.isNaN(hf);
                double notional = block.notional(s);
                boolean liquidatable = block.liquidatable(s);
                // liquidation prices of every asset it is exposed to, once each
                double distance = Double.POSITIVE_INFINITY;
                int distanceAsset = -1;
                if (hasLiabilities) {
                    distanceAsset = liquidationPrices(book, solver, s, block.maintenanceHealth(s), liquidationPrice,
                            seen);
                    distance = distanceAsset < 0 ? Double.POSITIVE_INFINITY
                            : Math.abs(liquidationPrice[distanceAsset] / book.assets().price(distanceAsset) - 1);
                    if (liquidatable) {
                        distance = 0;
                        alreadyUsd += notional;
                    } else if (notional > 0 || distanceAsset >= 0) {
                        double move = uniformMove(book, s, block.maintenanceHealth(s), liquidationPrice, seen);
                        if (move < 0) {
                            int k = (int) Math.ceil(-100 * move - 1e-9);
                            if (k <= LADDER_HALF_LEVELS) {
                                downUsd[Math.max(k, 1)] += notional;
                            }
                        } else if (move > 0) {
                            int k = (int) Math.ceil(100 * move - 1e-9);
                            if (k <= LADDER_HALF_LEVELS) {
                                upUsd[Math.max(k, 1)] += notional;
                            }
                        }
                    }
                    int hb = bin(HEALTH_EDGES, hf);
                    hfCounts[hb]++;
                    hfNotional[hb] += notional;
                    int db = bin(DISTANCE_EDGES, 100 * distance);
                    dCounts[db]++;
                    dNotional[db] += notional;
                } else {
                    excluded++;
                }
                // the ladders: each position at its underlying's liquidation price
                for (int p = subs.positionStart(s); p < subs.positionStart(s + 1); p++) {
                    double size = subs.positionSize(p);
                    if (size == 0) {
                        continue;
                    }
                    int m = subs.positionMarket(p);
                    int a = book.markets().underlying(m);
                    double price = book.assets().price(a);
                    double usd = Math.abs(size) * price;
                    if (size > 0) {
                        longOpen[m] += usd;
                    } else {
                        shortOpen[m] += usd;
                    }
                    if (liquidatable) {
                        liquidatableUsd[m] += usd;
                        continue;
                    }
                    double lp = seen[a] == s ? liquidationPrice[a] : Double.NaN;
                    int level = Double.isNaN(lp) ? -1 : (int) Math.floor((lp / price - 1) * 100) + LADDER_HALF_LEVELS;
                    if (level < 0 || level >= levels) {
                        beyondUsd[m] += usd;
                    } else if (size > 0) {
                        longs[m][level] += usd;
                    } else {
                        shorts[m][level] += usd;
                    }
                }
                if (!hasLiabilities && page == null) {
                    continue;
                }
                AccountRow row = null;
                if (hasLiabilities && riskiest > 0 && (worst.size() < riskiest
                        || riskier(liquidatable, hf, s, worst.peek()))) { // a row is made only when it enters
                    row = row(book, s, distance, distanceAsset);
                    worst.add(row);
                    if (worst.size() > riskiest) {
                        worst.poll();
                    }
                }
                if (page != null) {
                    page.offer(s, block, distance, distanceAsset, row);
                }
            }
        }
        List<AccountRow> top = new ArrayList<>(worst);
        top.sort(RISK);
        List<Ladder> ladders = new ArrayList<>(markets);
        for (int m = 0; m < markets; m++) {
            int a = book.markets().underlying(m);
            double price = book.assets().price(a);
            List<Double> edges = new ArrayList<>(levels);
            for (int k = 0; k < levels; k++) {
                edges.add(price * (1 + (k - LADDER_HALF_LEVELS) / 100.0));
            }
            ladders.add(new Ladder(book.markets().symbol(m), book.assets().symbol(a), price, edges,
                    boxed(longs[m]), boxed(shorts[m]), liquidatableUsd[m], beyondUsd[m], longOpen[m], shortOpen[m]));
        }
        List<Double> moves = new ArrayList<>(2 * LADDER_HALF_LEVELS + 1);
        List<Double> atMove = new ArrayList<>(2 * LADDER_HALF_LEVELS + 1);
        double[] down = new double[LADDER_HALF_LEVELS + 1];
        double[] up = new double[LADDER_HALF_LEVELS + 1];
        down[0] = alreadyUsd;
        up[0] = alreadyUsd;
        for (int k = 1; k <= LADDER_HALF_LEVELS; k++) {
            down[k] = down[k - 1] + downUsd[k];
            up[k] = up[k - 1] + upUsd[k];
        }
        for (int k = -LADDER_HALF_LEVELS; k <= LADDER_HALF_LEVELS; k++) {
            moves.add((double) k);
            atMove.add(k < 0 ? down[-k] : up[k]);
        }
        RiskView risk = new RiskView(asOfMs, position, 0, 0, top,
                distribution("health factor", "×", HEALTH_EDGES, hfCounts, hfNotional, excluded),
                distribution("distance to liquidation", "%", DISTANCE_EDGES, dCounts, dNotional, excluded), ladders,
                new AtRiskCurve(moves, atMove, firstOrder));
        return new Result(risk, page == null ? null : page.finish(asOfMs, position, n));
    }

    private int firstOrder; // sub-accounts the current pass counted at their first-order uniform move

    /**
     * The relative move of every asset's price at once (the settlement asset's excepted: it is the unit) that makes a
     * sub-account liquidatable: exact from its liquidation price when it is exposed to one asset; to first order (its
     * health's slope in each price) when to several, counted in {@link #firstOrder}.
     *
     * @return the move (negative: a fall), 0 when none can
     */
    private double uniformMove(MarginBook book, int s, double health, double[] liquidationPrice, int[] seen) {
        SubAccountTable subs = book.subAccounts();
        int slot = subs.settlementSlot(s);
        int unit = slot < 0 ? -1 : subs.balanceAsset(slot);
        int exposed = 0;
        int only = -1;
        double slope = 0;
        for (int a = 0; a < seen.length; a++) {
            if (seen[a] == s && a != unit) {
                exposed++;
                only = a;
                slope += book.maintenanceSlope(s, a) * book.assets().price(a);
            }
        }
        if (exposed == 1) {
            double lp = liquidationPrice[only];
            return Double.isNaN(lp) ? 0 : lp / book.assets().price(only) - 1;
        }
        if (exposed == 0 || slope == 0) {
            return 0;
        }
        firstOrder++;
        return -health / slope;
    }

    /** @return whether a sub-account with these figures comes before {@code than} in {@link #RISK} order */
    private static boolean riskier(boolean liquidatable, double hf, int s, AccountRow than) {
        if (liquidatable != than.liquidatable()) {
            return liquidatable;
        }
        int c = Double.compare(hf, than.healthFactor());
        return c != 0 ? c < 0 : s < than.sub();
    }

    /**
     * The liquidation price of every asset a sub-account is exposed to (its positions' underlyings, the assets it
     * holds or owes but a positive settlement balance, whose price is its unit), once each.
     *
     * @param book             the hot state
     * @param solver           a solver on it
     * @param s                dense index, with liabilities
     * @param health           its maintenance health at the current prices, USD
     * @param liquidationPrice per asset: set for those exposed, USD per unit, NaN when none
     * @param seen             per asset: set to {@code s} for those exposed (a marker reused across sub-accounts)
     * @return the asset whose liquidation price is nearest its price, relatively; −1 when none has one
     */
    public static int liquidationPrices(MarginBook book, LiquidationPriceSolver solver, int s, double health,
                                        double[] liquidationPrice, int[] seen) {
        SubAccountTable subs = book.subAccounts();
        for (int b = subs.balanceStart(s); b < subs.balanceStart(s + 1); b++) {
            int a = subs.balanceAsset(b);
            if (seen[a] != s && subs.balanceUnits(b) != 0 && !isSettlement(subs, s, b)) {
                seen[a] = s;
                liquidationPrice[a] = solver.liquidationPrice(s, a, health);
            }
        }
        for (int p = subs.positionStart(s); p < subs.positionStart(s + 1); p++) {
            int a = book.markets().underlying(subs.positionMarket(p));
            if (seen[a] != s && subs.positionSize(p) != 0) {
                seen[a] = s;
                liquidationPrice[a] = solver.liquidationPrice(s, a, health);
            }
        }
        int nearest = -1;
        double distance = Double.POSITIVE_INFINITY;
        for (int a = 0; a < seen.length; a++) {
            if (seen[a] == s && !Double.isNaN(liquidationPrice[a])) {
                double d = Math.abs(liquidationPrice[a] / book.assets().price(a) - 1);
                if (d < distance) {
                    distance = d;
                    nearest = a;
                }
            }
        }
        return nearest;
    }

    private static boolean isSettlement(SubAccountTable subs, int s, int b) {
        return subs.settlementSlot(s) == b && subs.balanceUnits(b) > 0; // a positive settlement balance moves with 1 USD
    }

    /** Liquidatable first, then the lowest health factor, then the lowest index. */
    static final java.util.Comparator<AccountRow> RISK = (x, y) -> {
        if (x.liquidatable() != y.liquidatable()) {
            return x.liquidatable() ? -1 : 1;
        }
        int c = Double.compare(x.healthFactor(), y.healthFactor());
        return c != 0 ? c : Integer.compare(x.sub(), y.sub());
    };

    private AccountRow row(MarginBook book, int s, double distance, int distanceAsset) {
        return rowOf(book.subAccounts(), block, s, distance, distanceAsset < 0 ? ""
                : book.assets().symbol(distanceAsset));
    }

    /**
     * @param subs          the sub-accounts' identities
     * @param ev            an evaluation holding {@code s}
     * @param s             dense index
     * @param distance      its distance to liquidation
     * @param distanceAsset the asset of that distance, or empty
     * @return its row
     */
    public static AccountRow rowOf(SubAccountTable subs, Evaluations ev, int s, double distance, String distanceAsset) {
        double equity = ev.equity(s);
        double notional = ev.notional(s);
        return new AccountRow(s, subs.accountId(s), subs.subAccountId(s), equity, ev.maintenanceHealth(s),
                ev.healthFactor(s), notional, equity > 0 ? notional / equity : Double.NaN,
                equity > 0 ? ev.requirement(s) / equity : Double.NaN, distance, distanceAsset, ev.liquidatable(s));
    }

    private static int bin(double[] edges, double v) {
        int i = Arrays.binarySearch(edges, v);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(edges.length - 1, i));
    }

    private static Distribution distribution(String name, String unit, double[] edges, int[] counts, double[] usd,
                                             int excluded) {
        List<Integer> c = new ArrayList<>(counts.length);
        for (int x : counts) {
            c.add(x);
        }
        return new Distribution(name, unit, boxed(edges), c, boxed(usd), excluded);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** A page being filled: the matched sub-accounts' sort keys, then the rows of the page. */
    private static final class Page {
        private final AccountQuery q;
        private final SubAccountTable subs;
        private final MarginBook book;
        private final int market;
        private final String id;
        private final int keep;
        private final PriorityQueue<AccountRow> best;
        private final java.util.Comparator<AccountRow> order;
        private int matched;

        Page(AccountQuery q, SubAccountTable subs, MarginBook book) {
            this.q = q;
            this.subs = subs;
            this.book = book;
            this.market = q.market().isEmpty() ? -1 : indexOfMarket(book, q.market());
            this.id = q.idFilter().toLowerCase(Locale.ROOT);
            this.keep = q.offset() + q.limit();
            this.order = order(q);
            this.best = new PriorityQueue<>(Math.min(keep, 1 << 16) + 1, order.reversed());
        }

        private static int indexOfMarket(MarginBook book, String symbol) {
            for (int m = 0; m < book.markets().size(); m++) {
                if (book.markets().symbol(m).equals(symbol)) {
                    return m;
                }
            }
            return -2; // no such market: nothing matches
        }

        void offer(int s, Evaluations ev, double distance, int distanceAsset, AccountRow made) {
            if (market != -1 && !holds(s)) {
                return;
            }
            boolean liquidatable = ev.liquidatable(s);
            double hf = ev.healthFactor(s);
            if (q.show() == AccountQuery.Show.LIQUIDATABLE && !liquidatable
                    || q.show() == AccountQuery.Show.AT_RISK && !(hf < AT_RISK)) {
                return;
            }
            if (!id.isEmpty() && !subs.accountId(s).toLowerCase(Locale.ROOT).contains(id)) {
                return;
            }
            matched++;
            if (best.size() >= keep && !before(s, ev, distance, best.peek())) {
                return; // a row is made only when it enters the page
            }
            AccountRow row = made != null ? made : rowOf(subs, ev, s, distance, distanceAsset < 0 ? ""
                    : book.assets().symbol(distanceAsset));
            best.add(row);
            if (best.size() > keep) {
                best.poll();
            }
        }

        /** @return whether sub-account s comes before {@code than} in the page's order */
        private boolean before(int s, Evaluations ev, double distance, AccountRow than) {
            int c;
            if (q.sort() == AccountQuery.Column.ACCOUNT) {
                c = subs.accountId(s).compareTo(than.account());
                if (c == 0) {
                    c = subs.subAccountId(s).compareTo(than.subAccount());
                }
            } else {
                double equity = ev.equity(s);
                double v = switch (q.sort()) {
                    case HEALTH_FACTOR -> nanLast(ev.healthFactor(s), q);
                    case MAINTENANCE_HEALTH -> ev.maintenanceHealth(s);
                    case EQUITY -> equity;
                    case NOTIONAL -> ev.notional(s);
                    case LEVERAGE -> nanLast(equity > 0 ? ev.notional(s) / equity : Double.NaN, q);
                    case DISTANCE -> distance;
                    case ACCOUNT -> throw new IllegalStateException();
                };
                double w = switch (q.sort()) {
                    case HEALTH_FACTOR -> nanLast(than.healthFactor(), q);
                    case MAINTENANCE_HEALTH -> than.maintenanceHealthUsd();
                    case EQUITY -> than.equityUsd();
                    case NOTIONAL -> than.notionalUsd();
                    case LEVERAGE -> nanLast(than.leverage(), q);
                    case DISTANCE -> than.distanceToLiquidation();
                    case ACCOUNT -> throw new IllegalStateException();
                };
                c = Double.compare(v, w);
            }
            if (!q.ascending()) {
                c = -c;
            }
            return c != 0 ? c < 0 : s < than.sub();
        }

        private boolean holds(int s) {
            for (int p = subs.positionStart(s); p < subs.positionStart(s + 1); p++) {
                if (subs.positionMarket(p) == market && subs.positionSize(p) != 0) {
                    return true;
                }
            }
            return false;
        }

        AccountPage finish(long asOfMs, long position, int total) {
            List<AccountRow> rows = new ArrayList<>(best);
            rows.sort(order);
            List<AccountRow> window = rows.subList(Math.min(rows.size(), q.offset()), rows.size());
            return new AccountPage(q, asOfMs, position, total, matched, window);
        }

        private static java.util.Comparator<AccountRow> order(AccountQuery q) {
            java.util.Comparator<AccountRow> key = switch (q.sort()) {
                case HEALTH_FACTOR -> java.util.Comparator.comparingDouble(r -> nanLast(r.healthFactor(), q));
                case MAINTENANCE_HEALTH -> java.util.Comparator.comparingDouble(AccountRow::maintenanceHealthUsd);
                case EQUITY -> java.util.Comparator.comparingDouble(AccountRow::equityUsd);
                case NOTIONAL -> java.util.Comparator.comparingDouble(AccountRow::notionalUsd);
                case LEVERAGE -> java.util.Comparator.comparingDouble(r -> nanLast(r.leverage(), q));
                case DISTANCE -> java.util.Comparator.comparingDouble(AccountRow::distanceToLiquidation);
                case ACCOUNT -> java.util.Comparator.comparing(AccountRow::account)
                        .thenComparing(AccountRow::subAccount);
            };
            if (!q.ascending()) {
                key = key.reversed();
            }
            return key.thenComparingInt(AccountRow::sub);
        }

        /** NaN (no liabilities, no equity) sorts after every number whichever the direction. */
        private static double nanLast(double v, AccountQuery q) {
            return Double.isNaN(v) ? (q.ascending() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : v;
        }
    }
}
