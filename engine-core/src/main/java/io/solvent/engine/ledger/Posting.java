package io.solvent.engine.ledger;

import io.solvent.engine.book.MarginBook;

import java.util.function.IntConsumer;

/**
 * Posts a movement of value to the ledger and applies it to the hot state at the same time — the settlement balance of
 * every sub-account it touches, re-evaluated — so that the ledger and the book never disagree. The one way every rule
 * (close-out, collateral sale, bankruptcy settlement) moves value.
 */
public final class Posting {
    private final Ledger ledger;
    private final MarginBook book;
    private final IntConsumer touched;

    /**
     * @param ledger  the ledger
     * @param book    the hot state, built with a settlement asset
     * @param touched told of every sub-account a transfer touched, after it was re-evaluated
     */
    public Posting(Ledger ledger, MarginBook book, IntConsumer touched) {
        this.ledger = ledger;
        this.book = book;
        this.touched = touched;
    }

    /**
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     * @param usd    the amount, USD, {@code > 0}
     * @param from   the party paying ({@link Parties})
     * @param to     the party paid
     * @param reason why
     */
    public void transfer(long timeMs, double usd, int from, int to, TransferReason reason) {
        ledger.post(timeMs, usd, from, to, reason);
        if (Parties.kind(from) == PartyKind.SUB_ACCOUNT) {
            touch(Parties.index(from), -usd);
        }
        if (Parties.kind(to) == PartyKind.SUB_ACCOUNT) {
            touch(Parties.index(to), usd);
        }
    }

    private void touch(int sub, double usd) {
        book.settle(sub, usd);
        book.revalue(sub);
        touched.accept(sub);
    }
}
