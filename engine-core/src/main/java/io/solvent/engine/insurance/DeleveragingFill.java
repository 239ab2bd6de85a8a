package io.solvent.engine.insurance;

/**
 * A position that ranked ADL closed (wholly or partly) at the bankruptcy price.
 *
 * @param subAccount  dense index of the counterparty sub-account
 * @param market      dense index of the market
 * @param sizeChange  change to apply to its position, units of the underlying, opposite in sign to the position
 *                    and no larger in magnitude
 * @param priceUsd    fill price, USD per unit (the bankruptcy price after the fund's payment)
 * @param transferUsd what the counterparty gives up relative to closing at the mark,
 *                    {@code |sizeChange| × |price − mark|}, USD; also found in the result's transfers
 * @param rankKey     the ranking key that put it in the queue (larger goes first)
 */
public record DeleveragingFill(int subAccount, int market, double sizeChange, double priceUsd, double transferUsd,
                               double rankKey) {
}
