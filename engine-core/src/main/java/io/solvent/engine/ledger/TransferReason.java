package io.solvent.engine.ledger;

/** Why value moved; each entry of the ledger has one. The usual direction is given for each. */
public enum TransferReason {
    /** Liquidator's share of a liquidation fee: sub-account → liquidator. */
    LIQUIDATION_FEE_TO_LIQUIDATOR,
    /** Insurance fund's share of a liquidation fee: sub-account → insurance fund. */
    LIQUIDATION_FEE_TO_FUND,
    /** PnL realized by closing a position at the oracle price against outside liquidity, either direction. */
    CLOSE_OUT_PNL,
    /** Cost of a fill worse than the oracle price (liquidity model), including collateral sales: sub-account → outside market. */
    SLIPPAGE,
    /** Mark-to-market PnL settled while a position stays open, for engines that settle continuously; either direction. */
    MARK_TO_MARKET,
    /** Bad debt covered by the insurance fund: insurance fund → bankrupt sub-account. */
    BAD_DEBT_PAYOUT,
    /** Ranked auto-deleveraging: a counterparty closed at the bankruptcy price gives up the difference to the mark: counterparty → bankrupt sub-account. */
    ADL_TRANSFER,
    /** Loss spread over open interest pro rata (Drift): position holder → bankrupt sub-account. */
    SOCIALIZED_LOSS,
    /** Bad debt left on the books as protocol deficit (Aave): deficit book → bankrupt sub-account. */
    DEFICIT
}
