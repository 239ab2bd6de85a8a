package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Parties;

import java.util.Objects;

/**
 * One insurance fund: its balance, what flowed in (its share of liquidation fees) and out (bad debt it paid), and
 * the lowest balance it reached. The balance never goes below zero: the fund pays at most what it holds, and at most
 * what is left of its payout cap. Allocation-free; single-threaded.
 *
 * <p>The ledger balance of {@link #party()} equals {@code balance() − openingBalance()} when every inflow and payout
 * was also posted: pass that to {@link io.solvent.engine.ledger.Ledger#reconcile(int, double)}.
 */
public final class InsuranceFund {
    private final int key;
    private final FundSpec spec;
    private double balance;
    private double inflow;
    private double paidOut;
    private double minimum;
    private long minimumAtMs = Long.MIN_VALUE;
    private double unpaidRequested;
    private long firstUnpaidAtMs = Long.MIN_VALUE;
    private long inflows;
    private long payouts;

    /**
     * @param key  the fund's key (its index in {@link InsuranceFunds} and in the ledger)
     * @param spec how it starts
     */
    public InsuranceFund(int key, FundSpec spec) {
        if (key < 0 || key > Parties.MAX_INDEX) {
            throw new IllegalArgumentException("fund key must be 0.." + Parties.MAX_INDEX + ", was " + key);
        }
        this.key = key;
        this.spec = Objects.requireNonNull(spec, "spec");
        balance = spec.openingBalanceUsd();
        minimum = balance;
    }

    /** @return an independent copy in the same state, for a snapshot or a fork */
    public InsuranceFund copy() {
        InsuranceFund c = new InsuranceFund(key, spec);
        c.balance = balance;
        c.inflow = inflow;
        c.paidOut = paidOut;
        c.minimum = minimum;
        c.minimumAtMs = minimumAtMs;
        c.unpaidRequested = unpaidRequested;
        c.firstUnpaidAtMs = firstUnpaidAtMs;
        c.inflows = inflows;
        c.payouts = payouts;
        return c;
    }

    /**
     * Adds an inflow (the fund's share of a liquidation fee).
     *
     * @param timeMs    simulated time, ms since the Unix epoch, UTC
     * @param amountUsd amount, USD, finite and {@code >= 0} (0 is ignored)
     */
    public void receive(long timeMs, double amountUsd) {
        if (!(amountUsd >= 0) || amountUsd == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("inflow must be finite and >= 0 USD, was " + amountUsd);
        }
        if (amountUsd == 0) {
            return;
        }
        balance += amountUsd;
        inflow += amountUsd;
        inflows++;
    }

    /**
     * Pays as much of a bad debt as the fund can: {@code min(requested, available())}.
     *
     * @param timeMs       simulated time, ms since the Unix epoch, UTC
     * @param requestedUsd the bad debt to cover, USD, finite and {@code >= 0}
     * @return the amount paid, USD, {@code 0 <= paid <= requested}
     */
    public double pay(long timeMs, double requestedUsd) {
        if (!(requestedUsd >= 0) || requestedUsd == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("payout request must be finite and >= 0 USD, was " + requestedUsd);
        }
        double paid = Math.min(requestedUsd, available());
        if (paid < requestedUsd) {
            unpaidRequested += requestedUsd - paid;
            if (firstUnpaidAtMs == Long.MIN_VALUE) {
                firstUnpaidAtMs = timeMs;
            }
        }
        if (paid > 0) {
            balance -= paid;
            if (balance < 0) {
                balance = 0; // rounding only: paid <= balance
            }
            paidOut = Math.min(spec.payoutCapUsd(), paidOut + paid); // the sum may round one ulp past the cap
            payouts++;
            if (balance < minimum) {
                minimum = balance;
                minimumAtMs = timeMs;
            }
        }
        return paid;
    }

    /** @return what the fund can pay now: {@code min(balance, payoutCap − paidOut)}, USD, {@code >= 0} */
    public double available() {
        return Math.max(0, Math.min(balance, spec.payoutCapUsd() - paidOut));
    }

    /** @return the key (index among the funds, and the ledger index of {@link #party()}) */
    public int key() {
        return key;
    }

    /** @return the encoded ledger party of this fund */
    public int party() {
        return Parties.insuranceFund(key);
    }

    /** @return the encoded ledger party of the deficit book this fund backs (same index as the fund) */
    public int deficitParty() {
        return Parties.deficit(key);
    }

    /** @return how the fund started */
    public FundSpec spec() {
        return spec;
    }

    /** @return the name summaries show */
    public String name() {
        return spec.name();
    }

    /** @return the balance at the start, USD */
    public double openingBalance() {
        return spec.openingBalanceUsd();
    }

    /** @return the balance now, USD, {@code >= 0} */
    public double balance() {
        return balance;
    }

    /** @return the sum of inflows, USD */
    public double totalInflow() {
        return inflow;
    }

    /** @return the sum of payouts, USD */
    public double totalPaidOut() {
        return paidOut;
    }

    /** @return the number of non-zero inflows */
    public long inflowCount() {
        return inflows;
    }

    /** @return the number of non-zero payouts */
    public long payoutCount() {
        return payouts;
    }

    /** @return the lowest balance reached, USD (the opening balance if it never fell below it) */
    public double minimumBalance() {
        return minimum;
    }

    /** @return when the lowest balance was reached, ms since the Unix epoch; {@link Long#MIN_VALUE} if never below the opening */
    public long minimumAtMs() {
        return minimumAtMs;
    }

    /** @return bad debt the fund was asked for and could not pay, summed, USD */
    public double totalUnpaid() {
        return unpaidRequested;
    }

    /** @return when the fund first could not pay a request in full, ms since the Unix epoch; {@link Long#MIN_VALUE} if never */
    public long firstUnpaidAtMs() {
        return firstUnpaidAtMs;
    }

    /** @return whether the fund has ever been unable to pay a request in full */
    public boolean exhausted() {
        return firstUnpaidAtMs != Long.MIN_VALUE;
    }
}
