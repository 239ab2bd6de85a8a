package io.solvent.engine.sim.view;

import java.util.List;
import java.util.Objects;

/**
 * A page of sub-accounts for a query, sorted and filtered on the engine thread.
 *
 * @param query    the query it answers
 * @param asOfMs   simulated time the rows are exact at, ms since the Unix epoch, UTC
 * @param position feed events processed then
 * @param total    sub-accounts in the book
 * @param matched  sub-accounts the filter matched
 * @param rows     rows {@code offset .. offset+limit-1} of those matched, in order
 */
public record AccountPage(AccountQuery query, long asOfMs, long position, int total, int matched,
                          List<AccountRow> rows) {
    public AccountPage {
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
    }
}
