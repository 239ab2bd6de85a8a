package io.solvent.engine.oracle;

/** The freshness of an asset's published price at the oracle's current time. */
public enum OracleStatus {
    /** nothing published yet */
    NO_PRICE,
    /** published, age within the limit */
    FRESH,
    /** published, age beyond the limit */
    STALE
}
