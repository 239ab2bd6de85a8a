package io.solvent.engine.model;

/** How a sub-account's balances back its positions. */
public enum MarginMode {
    /** Every balance backs every position of the sub-account. */
    CROSS,
    /** At most one position, backed only by this sub-account's own balances (the "collateral lock"). */
    ISOLATED;

    /** @return the name used in files: {@code cross} or {@code isolated} */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
