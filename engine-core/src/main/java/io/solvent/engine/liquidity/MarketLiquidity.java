package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

/**
 * One market's liquidity as the engine sees it: the book in force (from its {@link DepthHistory}), how much of each
 * side fills have consumed (recovering over time), the stressed regime, and — with cascade feedback — the price the
 * consumed book leaves for the accounts. Mutable, owned by the engine thread; deterministic (no clock: every time is
 * an argument, ms since the Unix epoch, UTC); {@link #execute} and the queries allocate nothing.
 *
 * <p><b>The book is a resource.</b> Each side has a consumed notional {@code C} (USD), which every fill on that side
 * adds to, and which recovers as makers return: {@code C(t) = C0 · 2^(−(t − t0) / impactHalfLifeMs)} (StrictMath).
 * A trade walks the side's depth curve from where earlier fills left it, not from its top, so two liquidations in the
 * same millisecond share one book.
 *
 * <p><b>Formulas</b>, for a trade of notional q (USD, at the reference price) at time t against an oracle price P,
 * with x(·) and s(·) the side's marginal distance and slippage ({@link DepthCurve}):
 * <pre>
 *   m        = stressedDepthMultiplier while stressed, else 1      (the book scaled: x_m(u) = x(u/m))
 *   I(u)     = u · s(u/m)                                          (= ∫_0^u x_m: the distance walked to consume u)
 *   a        = (I(C + q) − I(C)) / q                               the trade's average distance from P,
 *                                                                  within [x_m(C), x_m(C + q)]
 *   with cascade feedback:  f_bid = 1 − x_m(C_bid),  f_ask = 1 + x_m(C_ask);  without: f_bid = f_ask = 1
 *   ref      = P · f_bid · f_ask                                   the price the accounts see ({@link #price})
 *   fill     = P · f_ask · (1 − a)  for a sale (it consumes the bids),
 *              P · f_bid · (1 + a)  for a purchase (the asks)
 *   slippage = |fill − ref| / ref                                  >= 0: a fill is never better than ref
 * </pre>
 * and the side's {@code C} grows by q. Every distance is at most the curve's backstop {@code maxDistance < 1}, so every
 * fill and every price seen lies within {@code [P·(1 − maxDistance_bid), P·(1 + maxDistance_ask)]} — positive, and
 * within one documented band of the oracle price however many fills a step makes. The displacement is relative: when
 * the oracle moves, the price seen moves with it.
 *
 * <p><b>Stressed regime</b>: each oracle price is {@linkplain #observe observed}; the market is stressed while
 * {@code |P / R − 1| >= stressedMove}, where R is the moving reference: an exponentially weighted average of the
 * oracle price over time, the price held between observations, so that at an observation after Δt
 * {@code R = P_last + (R_last − P_last) · 2^(−Δt / stressedHalfLifeMs)} (started at the first price). A sudden move
 * thins the book; it thickens again as the reference catches up with the new price.
 *
 * <p>The book in force at t is the history's latest snapshot at or before t (the first one before its start).
 */
public final class MarketLiquidity {
    private final String market;
    private final DepthHistory depth;
    private LiquidityParameters parameters;
    private int cursor;
    private boolean stressed;
    private double bidsConsumed;
    private double asksConsumed;
    private long consumedAtMs = Long.MIN_VALUE;
    private double reference = Double.NaN;
    private double lastPrice = Double.NaN;
    private long referenceAtMs = Long.MIN_VALUE;

    /**
     * @param market     the market's name, for messages
     * @param parameters the stressed multiplier and cascade rules
     * @param depth      the book over time
     * @throws ModelValidationException naming {@code market}, {@code parameters} or {@code depth} when missing
     */
    public MarketLiquidity(String market, LiquidityParameters parameters, DepthHistory depth) {
        if (market == null || market.isBlank()) {
            throw new ModelValidationException("market", "expected a non-empty name");
        }
        if (parameters == null) {
            throw new ModelValidationException("parameters", "expected liquidity parameters, was missing");
        }
        if (depth == null) {
            throw new ModelValidationException("depth", "expected a depth history, was missing");
        }
        this.market = market;
        this.parameters = parameters;
        this.depth = depth;
    }

    /** @return the market's name */
    public String market() {
        return market;
    }

    /** @return the rules in force */
    public LiquidityParameters parameters() {
        return parameters;
    }

    /** @return the book over time */
    public DepthHistory depth() {
        return depth;
    }

    /**
     * Changes the rules from now on (an operator's parameter change). The consumed book and the stress reference
     * carry over; a new half-life applies to what is still recovering, from the last fill.
     *
     * @param p the new rules
     */
    public void setParameters(LiquidityParameters p) {
        if (p == null) {
            throw new ModelValidationException("parameters", "expected liquidity parameters, was missing");
        }
        this.parameters = p;
    }

    /**
     * Forces the stressed regime on or off until the next {@link #observe} decides again (tests, operators).
     *
     * @param stressed whether the stressed depth multiplier applies
     */
    public void setStressed(boolean stressed) {
        this.stressed = stressed;
    }

    /**
     * Takes an oracle price: updates the stress reference and decides the regime (see the class comment).
     *
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC, not before the last observation
     * @return whether the market is stressed now
     */
    public boolean observe(double oraclePrice, long nowMs) {
        checkPrice(oraclePrice);
        if (Double.isNaN(reference)) {
            reference = oraclePrice;
        } else {
            long dt = nowMs - referenceAtMs;
            if (dt < 0) {
                throw new IllegalArgumentException(market + ": time " + nowMs + " ms is before the last price at "
                        + referenceAtMs + " ms");
            }
            double lambda = dt == 0 ? 1 : StrictMath.pow(2.0, -(double) dt / parameters.stressedHalfLifeMs());
            reference = lastPrice + (reference - lastPrice) * lambda;
            stressed = Math.abs(oraclePrice / reference - 1) >= parameters.stressedMove();
        }
        lastPrice = oraclePrice;
        referenceAtMs = nowMs;
        return stressed;
    }

    /** @return whether the market is in the stressed regime */
    public boolean stressed() {
        return stressed;
    }

    /**
     * @return the stress rule's moving reference price at the last observation, USD per unit; NaN before the first
     * observed price
     */
    public double referencePrice() {
        return reference;
    }

    /** @return the factor on the book's depth now: the stressed multiplier while stressed, else 1 */
    public double depthMultiplier() {
        return stressed ? parameters.stressedDepthMultiplier() : 1.0;
    }

    /**
     * @param nowMs ms since the Unix epoch, UTC
     * @return the book in force at that time (unscaled)
     */
    public DepthSnapshot book(long nowMs) {
        cursor = depth.indexFrom(cursor, nowMs);
        return depth.get(cursor);
    }

    /**
     * @param side  the trade's side
     * @param nowMs ms since the Unix epoch, UTC
     * @return the notional the book's points hold on the side the trade consumes, scaled by the depth multiplier,
     * USD (not net of what is consumed): trades that take the consumed notional above it go beyond the book
     */
    public double capacityUsd(TradeSide side, long nowMs) {
        return book(nowMs).consumedBy(side).capacityUsd() * depthMultiplier();
    }

    /**
     * @param side  a side of the book, by the trade that consumes it
     * @param nowMs ms since the Unix epoch, UTC, not before the last fill
     * @return the notional consumed from that side and not yet recovered, USD
     * @throws IllegalArgumentException if nowMs is before the last fill
     */
    public double consumedUsd(TradeSide side, long nowMs) {
        double c = side == TradeSide.SELL ? bidsConsumed : asksConsumed;
        if (c == 0) {
            return 0;
        }
        long dt = nowMs - consumedAtMs;
        if (dt < 0) {
            throw new IllegalArgumentException(market + ": time " + nowMs + " ms is before the last fill at "
                    + consumedAtMs + " ms");
        }
        return dt == 0 ? c : c * StrictMath.pow(2.0, -(double) dt / parameters.impactHalfLifeMs());
    }

    /** @return the factor the consumed bids leave on the price seen: {@code 1 − x_m(C_bid)} (1 without feedback) */
    private double bidFactor(DepthSnapshot b, double m, long nowMs) {
        if (!parameters.cascadeFeedback()) {
            return 1;
        }
        double c = consumedUsd(TradeSide.SELL, nowMs);
        return c == 0 ? 1 : 1 - b.bids().marginalDistance(c, m);
    }

    /** @return the factor the consumed asks leave on the price seen: {@code 1 + x_m(C_ask)} (1 without feedback) */
    private double askFactor(DepthSnapshot b, double m, long nowMs) {
        if (!parameters.cascadeFeedback()) {
            return 1;
        }
        double c = consumedUsd(TradeSide.BUY, nowMs);
        return c == 0 ? 1 : 1 + b.asks().marginalDistance(c, m);
    }

    /**
     * @param nowMs ms since the Unix epoch, UTC, not before the last fill
     * @return the displacement of the price seen from the oracle price, a fraction ({@code ref / P − 1}; 0 without
     * cascade feedback)
     * @throws IllegalArgumentException if nowMs is before the last fill
     */
    public double displacement(long nowMs) {
        if (!parameters.cascadeFeedback()) {
            return 0;
        }
        DepthSnapshot b = book(nowMs);
        double m = depthMultiplier();
        return bidFactor(b, m, nowMs) * askFactor(b, m, nowMs) - 1;
    }

    /**
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return the price the accounts see: {@code P · f_bid · f_ask}, USD per unit (P itself without cascade feedback)
     */
    public double price(double oraclePrice, long nowMs) {
        checkPrice(oraclePrice);
        return parameters.cascadeFeedback() ? oraclePrice * (1 + displacement(nowMs)) : oraclePrice;
    }

    /**
     * The average distance from the oracle price of a trade of q taken from a side whose consumed notional is c:
     * {@code (I(c + q) − I(c)) / q}, clamped to {@code [x_m(c), x_m(c + q)]} against rounding.
     */
    private static double walk(DepthCurve curve, double c, double q, double m) {
        double lo = c == 0 ? 0 : curve.marginalDistance(c, m);
        if (q == 0) {
            return lo;
        }
        double hi = curve.marginalDistance(c + q, m);
        double before = c == 0 ? 0 : c * curve.slippage(c, m);
        double a = ((c + q) * curve.slippage(c + q, m) - before) / q;
        return Math.min(Math.max(a, lo), hi);
    }

    /**
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return the trade's slippage now, from the price seen, a fraction in [0, 1) (without executing it)
     */
    public double slippage(TradeSide side, double notionalUsd, long nowMs) {
        double ref = price(1.0, nowMs);
        return Math.abs(fillPrice(side, notionalUsd, 1.0, nowMs) - ref) / ref;
    }

    /**
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return where the trade's last unit would fill: the marginal distance {@code x_m(C + q)} from the oracle
     * price on the side it consumes, a fraction
     */
    public double marginalDistance(TradeSide side, double notionalUsd, long nowMs) {
        checkNotional(notionalUsd);
        return book(nowMs).consumedBy(side).marginalDistance(consumedUsd(side, nowMs) + notionalUsd,
                depthMultiplier());
    }

    /**
     * The average fill price a trade would get now, without executing it.
     *
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return {@code P · f_ask · (1 − a)} for a sale, {@code P · f_bid · (1 + a)} for a purchase, USD per unit
     */
    public double fillPrice(TradeSide side, double notionalUsd, double oraclePrice, long nowMs) {
        checkNotional(notionalUsd);
        checkPrice(oraclePrice);
        DepthSnapshot b = book(nowMs);
        double m = depthMultiplier();
        double a = walk(b.consumedBy(side), consumedUsd(side, nowMs), notionalUsd, m);
        return side == TradeSide.SELL
                ? oraclePrice * askFactor(b, m, nowMs) * (1 - a)
                : oraclePrice * bidFactor(b, m, nowMs) * (1 + a);
    }

    /**
     * Executes a closing trade: prices it on what is left of the book and consumes that much of it (which, with
     * cascade feedback on, moves the price seen).
     *
     * @param side        the trade's side
     * @param notionalUsd q, the notional closed, valued at the reference price {@link #price}, USD, finite,
     *                    {@code >= 0} (0: nothing is consumed, fill = reference)
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC, not before the last fill
     * @param out         receives the outcome (reused by the caller)
     * @throws IllegalArgumentException on a negative or non-finite notional, a non-positive price, or a time before
     *                                  the last fill
     */
    public void execute(TradeSide side, double notionalUsd, double oraclePrice, long nowMs, Execution out) {
        if (!(notionalUsd >= 0) || notionalUsd == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(market + ": expected a finite notional >= 0 USD, was " + notionalUsd);
        }
        checkPrice(oraclePrice);
        DepthSnapshot b = book(nowMs);
        double m = depthMultiplier();
        DepthCurve curve = b.consumedBy(side);
        double bids = consumedUsd(TradeSide.SELL, nowMs);
        double asks = consumedUsd(TradeSide.BUY, nowMs);
        double c = side == TradeSide.SELL ? bids : asks;
        double fBid = bidFactor(b, m, nowMs);
        double fAsk = askFactor(b, m, nowMs);
        double ref = oraclePrice * fBid * fAsk;
        double a = walk(curve, c, notionalUsd, m);
        double fill = side == TradeSide.SELL ? oraclePrice * fAsk * (1 - a) : oraclePrice * fBid * (1 + a);
        double s = Math.max(0, side == TradeSide.SELL ? (ref - fill) / ref : (fill - ref) / ref);
        double capacity = curve.capacityUsd() * m;
        out.side = side;
        out.notionalUsd = notionalUsd;
        out.referencePrice = ref;
        out.slippage = s;
        out.marginalDistance = curve.marginalDistance(c + notionalUsd, m);
        out.fillPrice = side == TradeSide.SELL ? Math.min(fill, ref) : Math.max(fill, ref);
        out.beyondBookUsd = Math.max(0, c + notionalUsd - capacity) - Math.max(0, c - capacity);
        out.depthMultiplier = m;
        if (notionalUsd > 0) {
            bidsConsumed = side == TradeSide.SELL ? bids + notionalUsd : bids;
            asksConsumed = side == TradeSide.BUY ? asks + notionalUsd : asks;
            consumedAtMs = nowMs;
        }
        out.priceAfter = price(oraclePrice, nowMs);
    }

    /** @return the mutable state, for snapshots, forks and the state hash */
    public LiquidityState state() {
        return new LiquidityState(stressed, bidsConsumed, asksConsumed, consumedAtMs, reference, lastPrice,
                referenceAtMs);
    }

    /** @param s a state from {@link #state()} (of this market or of the one it was forked from) */
    public void restore(LiquidityState s) {
        this.stressed = s.stressed();
        this.bidsConsumed = s.bidsConsumedUsd();
        this.asksConsumed = s.asksConsumedUsd();
        this.consumedAtMs = s.consumedAtMs();
        this.reference = s.referencePrice();
        this.lastPrice = s.lastPrice();
        this.referenceAtMs = s.referenceAtMs();
    }

    /**
     * @param p the fork's rules
     * @return an independent copy with the same book history and state, under other rules (a fork)
     */
    public MarketLiquidity fork(LiquidityParameters p) {
        MarketLiquidity copy = new MarketLiquidity(market, parameters, depth);
        copy.restore(state());
        copy.cursor = cursor;
        copy.setParameters(p);
        return copy;
    }

    private static void checkNotional(double q) {
        if (!(q >= 0) || q == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("expected a finite notional >= 0 USD, was " + q);
        }
    }

    private double checkPrice(double p) {
        if (!(p > 0) || p == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(market + ": expected an oracle price > 0 USD, was " + p);
        }
        return p;
    }
}
