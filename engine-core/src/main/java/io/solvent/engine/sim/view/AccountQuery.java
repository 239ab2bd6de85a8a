package io.solvent.engine.sim.view;

import java.util.Objects;

/**
 * Which sub-accounts a page shows and in what order: sorted and filtered on the engine thread, never on the console's.
 *
 * @param sort      the column sorted by
 * @param ascending whether ascending (ties broken by dense index, ascending)
 * @param idFilter  only accounts whose id contains this text (case-insensitive); empty for all
 * @param market    only sub-accounts with an open position in this market; empty for all
 * @param show      which sub-accounts by their state
 * @param offset    index of the first row of the page among those matched, {@code >= 0}
 * @param limit     rows per page, 1 to {@value #MAX_LIMIT}
 */
public record AccountQuery(Column sort, boolean ascending, String idFilter, String market, Show show, int offset,
                           int limit) {
    /** The most rows one page holds. */
    public static final int MAX_LIMIT = 1_000;

    public AccountQuery {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(idFilter, "idFilter");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(show, "show");
        if (offset < 0) {
            throw new IllegalArgumentException("expected an offset >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("expected a limit from 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** @param limit rows @return the riskiest first: health factor ascending, every sub-account */
    public static AccountQuery riskiest(int limit) {
        return new AccountQuery(Column.HEALTH_FACTOR, true, "", "", Show.ALL, 0, limit);
    }

    /** The columns a page sorts by. */
    public enum Column {
        /** Maintenance health factor (no liabilities sort last ascending). */
        HEALTH_FACTOR,
        /** Maintenance health, USD. */
        MAINTENANCE_HEALTH,
        /** Equity, USD. */
        EQUITY,
        /** Σ notional, USD. */
        NOTIONAL,
        /** Notional / equity. */
        LEVERAGE,
        /** Distance to liquidation. */
        DISTANCE,
        /** Account id, then sub-account id. */
        ACCOUNT
    }

    /** Which sub-accounts by their state. */
    public enum Show {
        /** Every sub-account. */
        ALL,
        /** Those with a maintenance health factor below 1.1. */
        AT_RISK,
        /** Those liquidatable now. */
        LIQUIDATABLE
    }
}
