package io.solvent.engine.liquidation;

import io.solvent.engine.insurance.HandedOver;
import io.solvent.engine.insurance.SettlementContext;
import io.solvent.engine.liquidity.Execution;
import io.solvent.engine.liquidity.MarketLiquidity;

/**
 * What a liquidation rule is given by the engine step that calls it: besides what a settlement gets, each market's
 * liquidity and fee, the liquidation parameters, the price accounts see, scratch, and where closes and sales are
 * reported (the engine counts them, checks their fills and tells its listener). Owned by the engine thread for the
 * duration of a step.
 */
public interface LiquidationContext extends SettlementContext {

    /** @param market dense index @return its liquidity (the book, its consumption and recovery) */
    MarketLiquidity liquidity(int market);

    /** @param market dense index @return its liquidation fee, a fraction of closed notional */
    double feeRate(int market);

    /** @return the liquidation parameters */
    LiquidationParameters params();

    /**
     * @param asset  dense index
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     * @return the price accounts see: the oracle's, displaced by its first market's impact when cascade feedback is on
     */
    double seenPrice(int asset, long timeMs);

    /** @return a fill's scratch, reused */
    Execution execution();

    /** @return the scratch of a hand-over, reused */
    HandedOver handedOver();

    /** @return one flag per position, all false between uses: which a liquidation has looked at */
    boolean[] positionFlags();

    /** A position was closed (or handed over) by a liquidation. */
    void liquidated(long timeMs, int sub, int market, double closedSize, double priceUsd, double notionalUsd,
                    double feeUsd, String detail);

    /** Collateral was sold to repay debt. */
    void collateralSold(long timeMs, int sub, int market, double unitsSold, double fillUsd, double repaidUsd,
                        double feeUsd, double saleUsd, String detail);

    /** A fill against a market's book, to hold to the plausibility check (within the band of the oracle price). */
    void checkFill(long timeMs, int sub, int market, double fillUsd, double oracleUsd, double band);

    /** Adds to the run's bad debt, USD (a rounding residue written off at a hand-over). */
    void addBadDebt(double usd);
}
