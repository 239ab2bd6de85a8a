package io.solvent.engine.liquidity;

/**
 * The outcome of one closing trade, written by {@link MarketLiquidity#execute}. A mutable holder that the caller
 * owns and reuses, so that the per-fill path allocates nothing; read it before the next {@code execute} overwrites
 * it. Every figure refers to the trade last executed into it.
 */
public final class Execution {
    TradeSide side;
    double notionalUsd;
    double referencePrice;
    double slippage;
    double marginalDistance;
    double fillPrice;
    double priceAfter;
    double beyondBookUsd;
    double depthMultiplier;

    /** @return the trade's side; null before the first execution */
    public TradeSide side() {
        return side;
    }

    /** @return the trade's notional q at the reference price, USD */
    public double notionalUsd() {
        return notionalUsd;
    }

    /** @return the price the trade was measured from: oracle × (1 + displacement) before it, USD per unit */
    public double referencePrice() {
        return referencePrice;
    }

    /** @return the average distance of the fills from the reference price, a fraction in [0, maxDistance] */
    public double slippage() {
        return slippage;
    }

    /** @return where the last unit filled, distance from the reference price, a fraction in [0, maxDistance] */
    public double marginalDistance() {
        return marginalDistance;
    }

    /** @return the average fill price, reference × (1 − slippage) for a sale, × (1 + slippage) for a purchase,
     * USD per unit */
    public double fillPrice() {
        return fillPrice;
    }

    /** @return the units traded at the fill price: notional / reference price, units of the asset */
    public double quantity() {
        return referencePrice == 0 ? 0 : notionalUsd / referencePrice;
    }

    /** @return what the trade lost to the book against the reference price: notional × slippage, USD, {@code >= 0} */
    public double slippageCostUsd() {
        return notionalUsd * slippage;
    }

    /** @return the price seen right after the trade: the marginal fill price with cascade feedback on, else the
     * reference price, USD per unit */
    public double priceAfter() {
        return priceAfter;
    }

    /** @return the part of the notional beyond the book's points (priced by extrapolation, not by recorded
     * depth), USD, {@code >= 0} */
    public double beyondBookUsd() {
        return beyondBookUsd;
    }

    /** @return whether part of the trade went beyond the book's points */
    public boolean beyondBook() {
        return beyondBookUsd > 0;
    }

    /** @return the depth multiplier in force: 1, or the stressed multiplier */
    public double depthMultiplier() {
        return depthMultiplier;
    }

    @Override
    public String toString() {
        return "Execution[" + side + " " + notionalUsd + " USD at " + referencePrice + ": slippage " + slippage
                + ", marginal " + marginalDistance + ", fill " + fillPrice + ", after " + priceAfter
                + ", beyond book " + beyondBookUsd + " USD]";
    }
}
