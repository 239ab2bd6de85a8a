package io.solvent.engine.ledger;

/**
 * Receives every entry as it is posted, in posting order: the ledger keeps balances and totals, not entries, so
 * whoever needs the log (an events.csv writer, the console's event view, a test) listens here. Called on the
 * engine thread; arguments are primitives so that posting allocates nothing.
 */
@FunctionalInterface
public interface LedgerListener {
    /** A listener that ignores every entry. */
    LedgerListener NONE = (sequence, timeMs, amountUsd, from, to, reason) -> {
    };

    /**
     * @param sequence  0 for the ledger's first entry, then 1, 2, ... (a copied ledger continues the numbering)
     * @param timeMs    simulated time of the transfer, ms since the Unix epoch, UTC
     * @param amountUsd amount moved, USD, {@code > 0}
     * @param from      encoded party that gave ({@link Parties})
     * @param to        encoded party that received
     * @param reason    why
     */
    void onEntry(long sequence, long timeMs, double amountUsd, int from, int to, TransferReason reason);
}
