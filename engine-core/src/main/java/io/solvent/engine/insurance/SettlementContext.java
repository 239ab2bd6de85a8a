package io.solvent.engine.insurance;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.ledger.Posting;
import io.solvent.engine.liquidity.TradeSide;

/**
 * What a bankruptcy settlement is given by the engine step that calls it: the state it reads and moves, and where it
 * reports what happened (the engine counts it, checks it for plausibility and tells its listener). Owned by the engine
 * thread for the duration of a step.
 */
public interface SettlementContext {

    /** @return the hot state */
    MarginBook book();

    /** @return the insurance funds and which backs each market */
    InsuranceFunds funds();

    /** @return the deleveraging policy */
    DeleveragingPolicy policy();

    /** @return the kept ADL queues, or null (a policy other than ranked ADL, or no trigger index) */
    AdlQueues adlQueues();

    /** @return posts transfers to the ledger and the book */
    Posting posting();

    /**
     * @param market dense index
     * @param side   the side of the book a trade consumes
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     * @return the backstop distance of that side of the market's book in force, a fraction of the price
     */
    double band(int market, TradeSide side, long timeMs);

    /** @param asset dense index @return its oracle price, USD per unit */
    double oracle(int asset);

    /** @param asset dense index @return its first market, or −1 when none trades it */
    int primaryMarket(int asset);

    /** @param sub a sub-account whose figures a settlement changed */
    void touched(int sub);

    /** A sub-account went bankrupt with this deficit (market −1 for a lending bankruptcy). */
    void bankrupt(long timeMs, int sub, int market, double markUsd, double deficitUsd);

    /** A fund paid towards a bankrupt's deficit. */
    void fundPaid(long timeMs, int sub, int market, double usd, String fund);

    /** A holder was charged its share of a socialized loss. */
    void socialized(long timeMs, int holder, int market, double usd, int bankrupt);

    /** A counterparty position was closed by deleveraging, at a price, for a bankrupt. */
    void deleveraged(long timeMs, int sub, int market, double closedSize, double priceUsd, double transferUsd,
                     int bankrupt);

    /** A deleveraging fill, to hold to the plausibility checks (price within the band, counterparty solvent). */
    void counterpartyFilled(long timeMs, int sub, int market, double priceUsd, double markUsd, double band,
                            int bankrupt);

    /** Deficit was recorded for a bankrupt (an event). */
    void deficitRecorded(long timeMs, int sub, int market, double usd, String detail);

    /** Adds to the run's deficit total, USD. */
    void addDeficit(double usd);
}
