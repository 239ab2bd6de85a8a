package io.solvent.engine.ledger;

/**
 * One ledger entry as a value, for consumers that keep or buffer entries (the ledger itself does not).
 *
 * @param sequence  posting order, from 0
 * @param timeMs    simulated time, ms since the Unix epoch, UTC
 * @param amountUsd amount moved, USD, {@code > 0}
 * @param from      encoded party that gave ({@link Parties})
 * @param to        encoded party that received
 * @param reason    why
 */
public record LedgerEntry(long sequence, long timeMs, double amountUsd, int from, int to, TransferReason reason) {

    @Override
    public String toString() {
        return "#" + sequence + " @" + timeMs + " " + amountUsd + " USD " + Parties.describe(from) + " -> "
                + Parties.describe(to) + " (" + reason + ")";
    }
}
