package io.solvent.engine.sim.lab;

import io.solvent.engine.insurance.AdlRanking;
import io.solvent.engine.insurance.DeleveragingCandidate;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunViews;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.view.MarketHolder;
import io.solvent.engine.sim.view.MarketHolders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, in one fork, how the target bankruptcy was settled under one policy: on its {@code bankruptcy} event (the
 * engine has handed its positions over and paid nothing yet) it reads every market's holders, exact, as they stand
 * before the settlement; then it gathers the fund's payment, the deleveraging fills, the socialized shares and the
 * recorded deficit until the bankruptcy's events end.
 */
final class PolicyCollector implements ReplaySink {
    private final ShortfallFinder.Found target;
    private final String policy;
    private final AdlRanking ranking; // null unless ranked ADL
    private Replay replay;
    private boolean active;
    private boolean done;
    private double deficitUsd;
    private double fundPaidUsd;
    private double bankruptcyDeficitUsd;
    private double adlPrice = Double.NaN;
    private double notionalClosed;
    private final Map<Integer, Map<Integer, MarketHolder>> before = new HashMap<>();
    private final Map<Integer, Double> markOf = new HashMap<>();
    private final Map<Integer, Integer> fillsOf = new HashMap<>();
    private final LinkedHashMap<Long, Draft> drafts = new LinkedHashMap<>();

    /** A payer being assembled: one position (sub-account, market). */
    private static final class Draft {
        final int sub;
        final int market;
        final String account;
        final String subAccount;
        final String marketSymbol;
        double closed;
        double paid;
        int rank;
        boolean adl;

        Draft(int sub, int market, String account, String subAccount, String marketSymbol) {
            this.sub = sub;
            this.market = market;
            this.account = account;
            this.subAccount = subAccount;
            this.marketSymbol = marketSymbol;
        }
    }

    PolicyCollector(ShortfallFinder.Found target, String policy, AdlRanking ranking) {
        this.target = target;
        this.policy = policy;
        this.ranking = ranking;
    }

    /** @param r the fork whose events this collects (read on its thread, inside its step) */
    void attach(Replay r) {
        this.replay = r;
    }

    @Override
    public void event(SimulationEvent e, String account, String subaccount, String market) {
        if (done) {
            return;
        }
        if (!active) {
            if (e.kind() == SimulationEvent.Kind.BANKRUPTCY && e.subAccount() == target.sub()
                    && e.timeMs() == target.timeMs()) {
                active = true;
                bankruptcyDeficitUsd = e.amountUsd();
                readHolders();
            }
            return;
        }
        String forTarget = "for " + target.sub();
        switch (e.kind()) {
            case FUND_PAYMENT -> {
                if (e.subAccount() == target.sub()) {
                    fundPaidUsd += e.amountUsd();
                }
            }
            case DEFICIT -> {
                if (e.subAccount() == target.sub()) {
                    deficitUsd += e.amountUsd();
                }
            }
            case DELEVERAGING -> {
                if (forTarget.equals(e.detail())) {
                    Draft d = draft(e, account, subaccount, market);
                    if (!d.adl) {
                        d.adl = true;
                        d.rank = fillsOf.merge(e.market(), 1, Integer::sum);
                    }
                    d.closed += Math.abs(e.size());
                    d.paid += e.amountUsd();
                    notionalClosed += Math.abs(e.size()) * e.priceUsd();
                    if (Double.isNaN(adlPrice)) {
                        adlPrice = e.priceUsd();
                    }
                }
            }
            case SOCIALIZED_LOSS -> {
                if (forTarget.equals(e.detail())) {
                    draft(e, account, subaccount, market).paid += e.amountUsd();
                }
            }
            default -> {
                // the next thing the step does: this bankruptcy is settled. The rest of the step is not needed (a
                // crash tick can settle many more bankruptcies, each socialized over every holder): the fork is
                // abandoned here, unwinding its step
                done = true;
                throw Settled.INSTANCE;
            }
        }
    }

    /**
     * Thrown from inside a fork's step once the target bankruptcy is settled, to stop the step there; the fork is
     * then closed, never stepped again. Carries no stack trace.
     */
    static final class Settled extends RuntimeException {
        static final Settled INSTANCE = new Settled();

        private Settled() {
            super("the target bankruptcy is settled", null, false, false);
        }
    }

    @Override
    public void metrics(MetricsRow row) {
    }

    /** The step ended. */
    void stepEnded() {
        if (active) {
            done = true;
        }
    }

    private Draft draft(SimulationEvent e, String account, String subaccount, String market) {
        long key = ((long) e.subAccount() << 20) | e.market();
        return drafts.computeIfAbsent(key, k -> new Draft(e.subAccount(), e.market(), account, subaccount, market));
    }

    private void readHolders() {
        for (int m = 0; m < RunViews.marketCount(replay); m++) {
            MarketHolders h = RunViews.holders(replay, m);
            Map<Integer, MarketHolder> bySub = new HashMap<>(h.holders().size() * 2);
            for (MarketHolder x : h.holders()) {
                bySub.put(x.sub(), x);
            }
            before.put(m, bySub);
            markOf.put(m, h.markUsd());
        }
    }

    /**
     * @return the outcome
     * @throws IllegalStateException when the fork never settled the target bankruptcy (it diverged before it)
     */
    PolicyOutcome outcome() {
        if (!active) {
            throw new IllegalStateException("under " + policy + " the bankruptcy of " + target.account() + "/"
                    + target.subAccount() + " at " + target.timeMs() + " ms did not happen in the fork");
        }
        double shortfall = Math.max(0, bankruptcyDeficitUsd - fundPaidUsd);
        List<Payer> payers = new ArrayList<>(drafts.size());
        Map<Integer, Double> takenBySub = new LinkedHashMap<>();
        double paid = 0;
        double taken = 0;
        double fromPrincipal = 0;
        for (Draft d : drafts.values()) {
            MarketHolder h = before.getOrDefault(d.market, Map.of()).get(d.sub);
            double mark = markOf.getOrDefault(d.market, Double.NaN);
            double sizeBefore = h == null ? 0 : h.size();
            double upnl = h == null ? 0 : h.unrealizedPnlUsd(mark);
            double equity = h == null ? Double.NaN : h.equityUsd();
            double t;
            double charged;
            double key = Double.NaN;
            if (d.adl) {
                t = OvershootCalculator.takenByClose(d.paid, upnl, sizeBefore, d.closed);
                charged = OvershootCalculator.closedProfitUsd(upnl, sizeBefore, d.closed);
                if (ranking != null && h != null) {
                    key = ranking.key(new DeleveragingCandidate(d.sub, d.market, h.size(), h.entryPriceUsd(),
                            h.equityUsd(), h.maintenanceRequirementUsd()), mark);
                }
            } else {
                t = d.paid;
                charged = upnl;
            }
            paid += d.paid;
            taken += t;
            fromPrincipal += OvershootCalculator.fromPrincipalUsd(d.paid, charged);
            takenBySub.merge(d.sub, t, Double::sum);
            payers.add(new Payer(d.account, d.subAccount, d.marketSymbol, sizeBefore, d.adl ? d.closed : 0, d.paid,
                    upnl, equity, t, d.adl ? d.rank : 0, key));
        }
        if (ranking == null) {
            payers.sort(Comparator.comparingDouble(Payer::paidUsd).reversed().thenComparing(Payer::id)
                    .thenComparing(Payer::market));
        }
        double largest = 0;
        for (double v : takenBySub.values()) {
            largest = Math.max(largest, v);
        }
        double overshoot = OvershootCalculator.overshootUsd(taken, paid);
        return new PolicyOutcome(policy, shortfall, paid, deficitUsd, takenBySub.size(), largest, taken, overshoot,
                shortfall > 0 ? overshoot / shortfall * 100 : 0, notionalClosed, fromPrincipal, adlPrice, payers);
    }
}
