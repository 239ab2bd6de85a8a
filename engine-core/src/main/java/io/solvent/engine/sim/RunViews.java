package io.solvent.engine.sim;

import io.solvent.engine.book.Evaluations;
import io.solvent.engine.book.LiquidationPriceSolver;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.oracle.AssetOracle;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.view.AccountRow;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.RiskPass;
import io.solvent.engine.sim.view.VenueFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a replay into the immutable views a reader gets ({@code io.solvent.engine.sim.view}), on the thread that
 * steps it: the one place that turns engine state into figures, the metrics rows of {@code metrics.csv} included. No
 * view holds a reference to engine state.
 */
public final class RunViews {
    private RunViews() {
    }

    /**
     * The one builder of a run's venue-wide figures, for {@code metrics.csv} and for the views.
     *
     * @param engine the engine
     * @param timeMs the time they are stamped with, ms since the Unix epoch, UTC
     * @return prices, fund, at risk, liquidatable, open interest, liquidated notional and bad debt, exact now
     */
    static ReplaySink.MetricsRow row(SimulationEngine engine, long timeMs) {
        MarginBook b = engine.book();
        double[] prices = new double[b.assets().size()];
        for (int a = 0; a < prices.length; a++) {
            prices[a] = b.assets().price(a);
        }
        // counted by the engine's trigger indexes, without a scan; not engine.summary(), which re-verifies the ledger
        return new ReplaySink.MetricsRow(timeMs, prices, engine.funds().totalBalance(), engine.atRiskCount(),
                engine.liquidatableCount(), b.openInterestUsd(), engine.liquidatedNotionalUsd(), engine.badDebtUsd());
    }

    /**
     * @param r a replay
     * @return its venue-wide figures now, exact
     */
    public static VenueFigures figures(Replay r) {
        return new VenueFigures(r.position(), row(r.engine(), r.timeMs()), r.engine().summarySoFar());
    }

    /**
     * @param s a snapshot
     * @return the venue-wide figures it holds
     */
    public static VenueFigures figures(Replay.Snapshot s) {
        return new VenueFigures(s.position(), row(s.engine(), s.lastEventTime()), s.engine().summarySoFar());
    }

    /**
     * @param r a replay
     * @return every asset as the console shows it: the price accounts are valued at, the oracle's and the feed's, the
     *         half-spread, freshness and pause, in book order
     */
    public static List<AssetView> assets(Replay r) {
        SimulationEngine e = r.engine();
        MarginBook b = e.book();
        AssetPriceRouter router = r.router();
        long now = r.timeMs();
        List<AssetView> out = new ArrayList<>(b.assets().size());
        for (int a = 0; a < b.assets().size(); a++) {
            int[] sources = router.sourcesOf(a);
            AssetView.Freshness freshness;
            long observed = Long.MIN_VALUE;
            double feed = Double.NaN;
            if (sources.length == 0) {
                freshness = AssetView.Freshness.NO_FEED;
            } else {
                feed = feedPrice(r, sources);
                boolean any = false;
                boolean fresh = false;
                for (int i = 0; i < sources.length; i++) {
                    AssetOracle o = r.oracles().oracle(sources[i]);
                    if (o.hasPrice()) {
                        any = true;
                        observed = Math.max(observed, o.observedAtMs());
                        fresh |= AssetPriceRouter.freshAt(o, now);
                    }
                }
                freshness = !any ? AssetView.Freshness.NO_PRICE : fresh ? AssetView.Freshness.FRESH
                        : AssetView.Freshness.STALE;
            }
            out.add(new AssetView(b.assets().symbol(a), b.assets().price(a), router.lastPrice(a), feed, b.spread(a),
                    freshness, observed, observed == Long.MIN_VALUE || now == Long.MIN_VALUE ? -1 : now - observed,
                    e.paused(a), b.marginMultiplier(a)));
        }
        return out;
    }

    /**
     * @param r      a replay
     * @param timeMs the time to stamp it with (that of the metrics row it goes with), ms since the Unix epoch, UTC
     * @return its market now: each asset's feed and oracle price, the funds' cumulative inflows and payouts
     */
    public static io.solvent.engine.sim.view.MarketSample sample(Replay r, long timeMs) {
        MarginBook b = r.engine().book();
        AssetPriceRouter router = r.router();
        int n = b.assets().size();
        double[] feed = new double[n];
        double[] oracle = new double[n];
        for (int a = 0; a < n; a++) {
            feed[a] = feedPrice(r, router.sourcesOf(a));
            oracle[a] = router.lastPrice(a);
        }
        var funds = r.engine().funds();
        double inflow = 0;
        double payout = 0;
        for (int f = 0; f < funds.size(); f++) {
            inflow += funds.fund(f).totalInflow();
            payout += funds.fund(f).totalPaidOut();
        }
        return new io.solvent.engine.sim.view.MarketSample(timeMs, feed, oracle, inflow, payout);
    }

    /** @return the preferred source's market price (the next source's while it has none), NaN for none */
    private static double feedPrice(Replay r, int[] sources) {
        double feed = Double.NaN;
        for (int i = 0; i < sources.length && Double.isNaN(feed); i++) {
            feed = r.oracles().oracle(sources[i]).observedPrice();
        }
        return feed;
    }

    /**
     * @param r          a replay
     * @param account    an account's id
     * @param subAccount a sub-account's id within it
     * @return its dense index, or −1 when there is none
     */
    public static int subAccount(Replay r, String account, String subAccount) {
        SubAccountTable subs = r.engine().book().subAccounts();
        for (int s = 0; s < subs.size(); s++) {
            if (subs.accountId(s).equals(account) && subs.subAccountId(s).equals(subAccount)) {
                return s;
            }
        }
        return -1;
    }

    /**
     * @param r   a replay
     * @param sub a dense index
     * @return that sub-account in full, exact now
     */
    public static AccountDetail detail(Replay r, int sub) {
        MarginBook b = r.engine().book();
        SubAccountTable subs = b.subAccounts();
        Evaluations ev = new Evaluations(1);
        b.evaluate(sub, sub + 1, ev);
        int assets = b.assets().size();
        double[] liquidationPrice = new double[assets];
        int[] seen = new int[assets];
        java.util.Arrays.fill(seen, -1);
        int nearest = -1;
        if (!Double.isNaN(ev.healthFactor(sub))) {
            nearest = RiskPass.liquidationPrices(b, new LiquidationPriceSolver(b), sub, ev.maintenanceHealth(sub),
                    liquidationPrice, seen);
        }
        double distance = ev.liquidatable(sub) ? 0 : nearest < 0 ? Double.POSITIVE_INFINITY
                : Math.abs(liquidationPrice[nearest] / b.assets().price(nearest) - 1);
        List<AccountDetail.Balance> balances = new ArrayList<>();
        for (int i = subs.balanceStart(sub); i < subs.balanceStart(sub + 1); i++) {
            int a = subs.balanceAsset(i);
            double units = subs.balanceUnits(i);
            double price = b.assets().price(a) - b.spread(a) * Math.signum(units);
            balances.add(new AccountDetail.Balance(b.assets().symbol(a), units, price, units * price,
                    b.balanceMaintenanceWeight(i)));
        }
        List<AccountDetail.OpenPosition> positions = new ArrayList<>();
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            double size = subs.positionSize(p);
            if (size == 0) {
                continue;
            }
            int m = subs.positionMarket(p);
            int a = b.markets().underlying(m);
            double mark = b.assets().price(a) - b.spread(a) * Math.signum(size);
            positions.add(new AccountDetail.OpenPosition(b.markets().symbol(m), size, subs.positionEntry(p), mark,
                    Math.abs(size) * mark, size * (mark - subs.positionEntry(p)), b.positionMaintenanceRequirement(p),
                    seen[a] == sub ? liquidationPrice[a] : Double.NaN));
        }
        AccountRow row = RiskPass.rowOf(subs, ev, sub, distance, nearest < 0 ? "" : b.assets().symbol(nearest));
        return new AccountDetail(row, subs.mode(sub).name().toLowerCase(Locale.ROOT), r.timeMs(), r.position(),
                ev.initialHealth(sub), ev.requirement(sub), balances, positions);
    }

    /**
     * @param r     a replay
     * @param pass  the pass (its scratch is reused)
     * @param query the page asked for, or null
     * @return the riskiest sub-accounts, distributions, ladders and the page, exact now
     */
    public static RiskPass.Result risk(Replay r, RiskPass pass, AccountQuery query) {
        return pass.run(r.engine().book(), r.timeMs(), r.position(), query);
    }

    /**
     * The open positions of a market and their sub-accounts' figures, exact now (computed beside the book, which is
     * not changed): safe to call from a listener while the engine settles a bankruptcy. O(holders of the market).
     *
     * @param r      a replay
     * @param market dense index of a market
     * @return the market's holders, by ascending dense index
     * @throws IllegalArgumentException for an index outside the book's markets
     */
    public static io.solvent.engine.sim.view.MarketHolders holders(Replay r, int market) {
        MarginBook b = r.engine().book();
        if (market < 0 || market >= b.markets().size()) {
            throw new IllegalArgumentException("expected a market index 0.." + (b.markets().size() - 1) + ", was "
                    + market);
        }
        SubAccountTable subs = b.subAccounts();
        var exposure = b.exposureByMarket();
        int n = exposure.count(market);
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[i] = exposure.member(market, i);
        }
        java.util.Arrays.sort(members);
        Evaluations ev = new Evaluations(1);
        List<io.solvent.engine.sim.view.MarketHolder> out = new ArrayList<>(n);
        int previous = -1;
        for (int c : members) {
            if (c == previous) {
                continue;
            }
            previous = c;
            for (int p = subs.positionStart(c); p < subs.positionStart(c + 1); p++) {
                double size = subs.positionSize(p);
                if (subs.positionMarket(p) == market && size != 0) {
                    b.evaluate(c, c + 1, ev);
                    out.add(new io.solvent.engine.sim.view.MarketHolder(c, subs.accountId(c), subs.subAccountId(c),
                            size, subs.positionEntry(p), ev.equity(c), ev.requirement(c)));
                    break;
                }
            }
        }
        return new io.solvent.engine.sim.view.MarketHolders(market, b.markets().symbol(market),
                b.assets().price(b.markets().underlying(market)), out);
    }

    /** @param r a replay @return how many markets its book defines */
    public static int marketCount(Replay r) {
        return r.engine().book().markets().size();
    }
}
