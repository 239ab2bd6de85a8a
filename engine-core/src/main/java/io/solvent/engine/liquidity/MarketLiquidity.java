package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

/**
 * One market's liquidity as the engine sees it: the book in force (from its {@link DepthHistory}), the stressed
 * regime, and the price displacement that fills leave behind (cascade feedback). Mutable, owned by the engine
 * thread; deterministic (no clock: every time is an argument, ms since the Unix epoch, UTC); {@link #execute} and the
 * queries allocate nothing.
 *
 * <p><b>Formulas</b>, for a trade of notional q (USD, valued at the reference price) at time t, against an oracle
 * price P:
 * <pre>
 *   m        = stressedDepthMultiplier while stressed, else 1
 *   d(t)     = d0 · 2^(−(t − t0) / impactHalfLifeMs)        (StrictMath; 0 when cascade feedback is off)
 *   ref      = P · (1 + d(t))                               the price the accounts see
 *   s        = s_book(q / m),  x = x_book(q / m)            slippage and marginal distance ({@link DepthCurve})
 *   fill     = ref · (1 − s)  for a sale,  ref · (1 + s)  for a purchase
 *   beyond   = max(0, q − m · capacity)                     notional priced beyond the book's points
 * </pre>
 * With cascade feedback on, the trade then leaves the price at its marginal fill price,
 * {@code ref · (1 ∓ x)}: {@code d0 ← (1 + d(t)) · (1 ∓ x) − 1}, {@code t0 ← t}, and the displacement decays back
 * toward 0 with the half-life. Since {@code x ≤ maxDistance < 1}, the price seen stays positive, and decay alone
 * never changes the displacement's sign. The displacement is relative: when the oracle moves, the price seen moves
 * with it.
 *
 * <p>The book in force at t is the history's latest snapshot at or before t (the first one before its start).
 */
public final class MarketLiquidity {
    private final String market;
    private final DepthHistory depth;
    private LiquidityParameters parameters;
    private int cursor;
    private boolean stressed;
    private double displacement;
    private long displacementAtMs;

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
     * Changes the rules from now on (an operator's parameter change). Turning cascade feedback off clears the
     * displacement; a new half-life applies to the displacement still decaying, from its last fill.
     *
     * @param p the new rules
     */
    public void setParameters(LiquidityParameters p) {
        if (p == null) {
            throw new ModelValidationException("parameters", "expected liquidity parameters, was missing");
        }
        if (!p.cascadeFeedback()) {
            displacement = 0;
        }
        this.parameters = p;
    }

    /** @param stressed whether the stressed depth multiplier applies from now on (the caller decides when) */
    public void setStressed(boolean stressed) {
        this.stressed = stressed;
    }

    /** @return whether the market is in the stressed regime */
    public boolean stressed() {
        return stressed;
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
     * USD: trades above it go beyond the book
     */
    public double capacityUsd(TradeSide side, long nowMs) {
        return book(nowMs).consumedBy(side).capacityUsd() * depthMultiplier();
    }

    /**
     * @param nowMs ms since the Unix epoch, UTC, not before the last fill
     * @return the displacement d(t) of the price seen from the oracle price, a fraction (0 without cascade feedback)
     * @throws IllegalArgumentException if nowMs is before the last fill that moved the price
     */
    public double displacement(long nowMs) {
        if (!parameters.cascadeFeedback() || displacement == 0) {
            return 0;
        }
        long dt = nowMs - displacementAtMs;
        if (dt < 0) {
            throw new IllegalArgumentException(market + ": time " + nowMs + " ms is before the last fill at "
                    + displacementAtMs + " ms");
        }
        if (dt == 0) {
            return displacement;
        }
        return displacement * StrictMath.pow(2.0, -(double) dt / parameters.impactHalfLifeMs());
    }

    /**
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return the price the accounts see: {@code P · (1 + d(t))}, USD per unit (P itself without cascade feedback)
     */
    public double price(double oraclePrice, long nowMs) {
        return checkPrice(oraclePrice) * (1 + displacement(nowMs));
    }

    /**
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return the trade's slippage {@code s(q / m)} on the book in force, a fraction
     */
    public double slippage(TradeSide side, double notionalUsd, long nowMs) {
        return book(nowMs).consumedBy(side).slippage(notionalUsd, depthMultiplier());
    }

    /**
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return the marginal distance {@code x(q / m)} on the book in force, a fraction
     */
    public double marginalDistance(TradeSide side, double notionalUsd, long nowMs) {
        return book(nowMs).consumedBy(side).marginalDistance(notionalUsd, depthMultiplier());
    }

    /**
     * The average fill price a trade would get now, without executing it (no price impact).
     *
     * @param side        the trade's side
     * @param notionalUsd q, USD, finite, {@code >= 0}
     * @param oraclePrice P, USD per unit, {@code > 0}
     * @param nowMs       ms since the Unix epoch, UTC
     * @return {@code ref · (1 ∓ s)}, USD per unit
     */
    public double fillPrice(TradeSide side, double notionalUsd, double oraclePrice, long nowMs) {
        double ref = price(oraclePrice, nowMs);
        return ref * (1 + side.sign() * slippage(side, notionalUsd, nowMs));
    }

    /**
     * Executes a closing trade: prices it on the book in force and, with cascade feedback on, moves the market's
     * price to the marginal fill price.
     *
     * @param side        the trade's side
     * @param notionalUsd q, the notional closed, valued at the reference price {@link #price}, USD, finite,
     *                    {@code >= 0} (0: nothing happens, fill = reference)
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
        double d = displacement(nowMs);
        double ref = checkPrice(oraclePrice) * (1 + d);
        DepthCurve curve = book(nowMs).consumedBy(side);
        double m = depthMultiplier();
        double s = curve.slippage(notionalUsd, m);
        double x = curve.marginalDistance(notionalUsd, m);
        int sign = side.sign();
        out.side = side;
        out.notionalUsd = notionalUsd;
        out.referencePrice = ref;
        out.slippage = s;
        out.marginalDistance = x;
        out.fillPrice = ref * (1 + sign * s);
        out.beyondBookUsd = Math.max(0, notionalUsd - curve.capacityUsd() * m);
        out.depthMultiplier = m;
        if (parameters.cascadeFeedback() && x > 0) {
            displacement = (1 + d) * (1 + sign * x) - 1;
            displacementAtMs = nowMs;
            out.priceAfter = ref * (1 + sign * x);
        } else {
            out.priceAfter = ref;
        }
    }

    /** @return the mutable state, for snapshots, forks and the state hash */
    public LiquidityState state() {
        return new LiquidityState(stressed, displacement, displacementAtMs);
    }

    /** @param s a state from {@link #state()} (of this market or of the one it was forked from) */
    public void restore(LiquidityState s) {
        this.stressed = s.stressed();
        this.displacement = s.displacement();
        this.displacementAtMs = s.displacementAtMs();
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

    private double checkPrice(double p) {
        if (!(p > 0) || p == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(market + ": expected an oracle price > 0 USD, was " + p);
        }
        return p;
    }
}
