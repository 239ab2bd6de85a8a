package io.solvent.engine.model;

/** The two margin levels of the model: initial (to open risk) and maintenance (to avoid liquidation). */
public enum MarginType {
    /** Initial margin: the level an account must meet to add risk; its free collateral is measured against it. */
    INITIAL,
    /** Maintenance margin: below it a sub-account is liquidatable. */
    MAINTENANCE
}
