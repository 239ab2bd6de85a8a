package io.solvent.engine.sim;

/**
 * What the engine did, for events.csv and the console's event log.
 *
 * @param timeMs     simulated time, ms since the Unix epoch, UTC
 * @param kind       what happened
 * @param subAccount dense index of the sub-account concerned (the bankrupt one for deleveraging), or −1
 * @param market     dense index of the market concerned, or −1
 * @param size       units closed (signed, as the position was) for liquidations and ADL fills, units of collateral
 *                   sold (negative) for collateral sales; 0 otherwise
 * @param priceUsd   fill price, USD per unit, or NaN
 * @param amountUsd  the event's money: closed notional (liquidation), deficit (bankruptcy), payout (fund),
 *                   transfer (deleveraging), debt repaid (collateral sale), USD
 * @param feeUsd     liquidation fee charged, USD (0 for other kinds)
 * @param detail     a short explanation (policy name, counterparty, ...)
 */
public record SimulationEvent(long timeMs, Kind kind, int subAccount, int market, double size, double priceUsd,
                              double amountUsd, double feeUsd, String detail) {

    /** The kinds of event. */
    public enum Kind {
        /** A (partial) liquidation fill. */
        LIQUIDATION,
        /** A sub-account ended with negative equity and nothing left to close. */
        BANKRUPTCY,
        /** The insurance fund paid bad debt. */
        FUND_PAYMENT,
        /** A counterparty position closed by ranked ADL. */
        DELEVERAGING,
        /** Loss spread over open interest. */
        SOCIALIZED_LOSS,
        /** Bad debt nobody covered, left as protocol deficit. */
        DEFICIT,
        /**
         * A lending liquidation: collateral sold against the market to repay debt (size: units of collateral sold,
         * negative; price: its fill; amount: the debt repaid, USD; fee: the bonus charged).
         */
        COLLATERAL_SALE,
        /** A margin parameter changed while running (dynamic margin): the detail says which, from and to. */
        MARGIN_CHANGE,
        /**
         * A price source's oracle turned stale (no price for longer than {@code staleAfterMs}); no sub-account; the
         * market of its asset; price: its last published price; the detail names the source, the asset and the age.
         */
        ORACLE_STALE,
        /** A stale price source published again (as {@link #ORACLE_STALE}). */
        ORACLE_FRESH,
        /**
         * The run's parameters were changed while it ran (an operator's change, not a rule of the engine): no
         * sub-account, no market; the detail lists each changed key as {@code key: from → to}, separated by "; ".
         */
        PARAMETER_CHANGE
    }
}
