package io.solvent.engine.ledger;

/** The kinds of party value can move between (margin-model.md, rule 7), in the order summaries list them. */
public enum PartyKind {
    /** A sub-account, indexed like the engine's book (dense index). */
    SUB_ACCOUNT,
    /** An insurance fund, indexed by its fund key (the venue's fund, or one per isolated market). */
    INSURANCE_FUND,
    /** A liquidator (usually one aggregate liquidator, index 0), which earns its share of liquidation fees. */
    LIQUIDATOR,
    /** The outside market of one market index: the liquidity positions trade against (PnL, slippage). */
    OUTSIDE_MARKET,
    /** A book of recorded protocol deficit (Aave's {@code reserve.deficit}), indexed like the funds. */
    DEFICIT
}
