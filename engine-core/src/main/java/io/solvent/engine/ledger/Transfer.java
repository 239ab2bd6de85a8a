package io.solvent.engine.ledger;

import java.util.Objects;

/**
 * A transfer to be posted: what the liquidation and deleveraging code returns and the simulation posts.
 *
 * @param from      encoded party that gives ({@link Parties})
 * @param to        encoded party that receives, different from {@code from}
 * @param amountUsd amount, USD, finite and {@code > 0}
 * @param reason    why
 */
public record Transfer(int from, int to, double amountUsd, TransferReason reason) {

    public Transfer {
        Parties.kind(from);
        Parties.kind(to);
        Objects.requireNonNull(reason, "reason");
        if (from == to) {
            throw new IllegalArgumentException("a transfer needs two parties, both were " + Parties.describe(from));
        }
        if (!(amountUsd > 0) || !Double.isFinite(amountUsd)) {
            throw new IllegalArgumentException("transfer amount must be finite and > 0 USD, was " + amountUsd);
        }
    }

    /**
     * Posts this transfer.
     *
     * @param ledger the ledger
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public void postTo(Ledger ledger, long timeMs) {
        ledger.post(timeMs, amountUsd, from, to, reason);
    }

    @Override
    public String toString() {
        return amountUsd + " USD " + Parties.describe(from) + " -> " + Parties.describe(to) + " (" + reason + ")";
    }
}
