package io.solvent.engine.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The double-entry ledger of a run: every movement of value is one entry from one party to another, and every
 * party's balance (net value received since the ledger was created) is kept in a primitive array.
 *
 * <p><b>Conservation.</b> Each entry adds its amount to one balance and subtracts it from another, so the balances
 * of all parties sum to zero. {@link #checkStep()} verifies that after a step: it sums the balances (compensated
 * summation), updating only the parties touched since the previous check, and reports
 * {@code |Σ balances| / max(grossFlow, 1 USD)}, where {@code grossFlow} is the sum of all amounts ever posted. The
 * largest value seen is kept for the run summary; the bar is {@link #CONSERVATION_TOLERANCE}. {@link #verifyAll()}
 * does the same from scratch over every party. {@link #reconcile(int, double)} compares a balance with what the
 * simulation's own state says it should be (for example an insurance fund's holding minus its opening balance), and
 * keeps the largest gap: a transfer the simulation applied to its state but forgot to post shows there.
 *
 * <p>{@link #post} allocates nothing and costs O(1); entries go to the {@link LedgerListener}, not into memory.
 * Times must not decrease. Not thread-safe: the engine thread owns the ledger.
 */
public final class Ledger {
    /** The conservation bar: the largest imbalance a run may show, relative to its gross flow (1e-9). */
    public static final double CONSERVATION_TOLERANCE = 1e-9;

    private static final PartyKind[] KINDS = PartyKind.values();
    private static final TransferReason[] REASONS = TransferReason.values();
    private static final int SHIFT = 28;

    private final LedgerShape shape;
    private final double[][] balance;
    private final double[][] checked;
    private final boolean[][] dirtyFlag;
    private final int[] dirty;
    private int dirtyCount;

    private final double[] kindInflow = new double[KINDS.length];
    private final double[] kindOutflow = new double[KINDS.length];
    private final double[] reasonAmount = new double[REASONS.length];
    private final long[] reasonCount = new long[REASONS.length];

    private double grossFlow;
    private long entries;
    private long lastTimeMs = Long.MIN_VALUE;

    private double checkedSum;
    private double checkedCompensation;
    private double lastImbalance;
    private double maxImbalance;
    private long maxImbalanceAtMs = Long.MIN_VALUE;
    private double maxReconciliationGap;
    private long maxReconciliationGapAtMs = Long.MIN_VALUE;
    private int maxReconciliationGapParty = -1;

    private LedgerListener listener;

    /**
     * @param shape    how many parties of each kind
     * @param listener receives every entry as it is posted ({@link LedgerListener#NONE} to ignore them)
     */
    public Ledger(LedgerShape shape, LedgerListener listener) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.listener = Objects.requireNonNull(listener, "listener");
        balance = new double[KINDS.length][];
        checked = new double[KINDS.length][];
        dirtyFlag = new boolean[KINDS.length][];
        for (PartyKind k : KINDS) {
            int n = shape.count(k);
            balance[k.ordinal()] = new double[n];
            checked[k.ordinal()] = new double[n];
            dirtyFlag[k.ordinal()] = new boolean[n];
        }
        dirty = new int[shape.total()];
    }

    private Ledger(Ledger o, LedgerListener listener) {
        shape = o.shape;
        this.listener = Objects.requireNonNull(listener, "listener");
        balance = new double[KINDS.length][];
        checked = new double[KINDS.length][];
        dirtyFlag = new boolean[KINDS.length][];
        for (int k = 0; k < KINDS.length; k++) {
            balance[k] = o.balance[k].clone();
            checked[k] = o.checked[k].clone();
            dirtyFlag[k] = o.dirtyFlag[k].clone();
        }
        dirty = o.dirty.clone();
        dirtyCount = o.dirtyCount;
        System.arraycopy(o.kindInflow, 0, kindInflow, 0, kindInflow.length);
        System.arraycopy(o.kindOutflow, 0, kindOutflow, 0, kindOutflow.length);
        System.arraycopy(o.reasonAmount, 0, reasonAmount, 0, reasonAmount.length);
        System.arraycopy(o.reasonCount, 0, reasonCount, 0, reasonCount.length);
        grossFlow = o.grossFlow;
        entries = o.entries;
        lastTimeMs = o.lastTimeMs;
        checkedSum = o.checkedSum;
        checkedCompensation = o.checkedCompensation;
        lastImbalance = o.lastImbalance;
        maxImbalance = o.maxImbalance;
        maxImbalanceAtMs = o.maxImbalanceAtMs;
        maxReconciliationGap = o.maxReconciliationGap;
        maxReconciliationGapAtMs = o.maxReconciliationGapAtMs;
        maxReconciliationGapParty = o.maxReconciliationGapParty;
    }

    /**
     * An independent copy with the same balances, totals and checks, for a snapshot or a fork.
     *
     * @param listener receives the copy's future entries
     * @return the copy
     */
    public Ledger copy(LedgerListener listener) {
        return new Ledger(this, listener);
    }

    /** @param listener receives the entries posted from now on */
    public void setListener(LedgerListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** @return how many parties of each kind */
    public LedgerShape shape() {
        return shape;
    }

    /**
     * Records one transfer. O(1), allocation-free.
     *
     * @param timeMs    simulated time, ms since the Unix epoch, UTC; not before the previous entry's
     * @param amountUsd amount, USD, finite and {@code > 0}
     * @param from      encoded party that gives ({@link Parties})
     * @param to        encoded party that receives, not {@code from}
     * @param reason    why
     * @throws IllegalArgumentException when an argument breaks these rules (a bug in the caller)
     */
    public void post(long timeMs, double amountUsd, int from, int to, TransferReason reason) {
        if (!(amountUsd > 0) || amountUsd == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("amount must be finite and > 0 USD, was " + amountUsd + " ("
                    + reason + ")");
        }
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
        if (from == to) {
            throw new IllegalArgumentException("a transfer needs two parties, both were " + Parties.describe(from));
        }
        if (timeMs < lastTimeMs) {
            throw new IllegalArgumentException("entry at " + timeMs + " ms is before the previous one at "
                    + lastTimeMs + " ms");
        }
        int fk = kindOf(from);
        int fi = indexOf(from, fk);
        int tk = kindOf(to);
        int ti = indexOf(to, tk);
        balance[fk][fi] -= amountUsd;
        balance[tk][ti] += amountUsd;
        markDirty(fk, fi, from);
        markDirty(tk, ti, to);
        kindOutflow[fk] += amountUsd;
        kindInflow[tk] += amountUsd;
        reasonAmount[reason.ordinal()] += amountUsd;
        reasonCount[reason.ordinal()]++;
        grossFlow += amountUsd;
        lastTimeMs = timeMs;
        listener.onEntry(entries++, timeMs, amountUsd, from, to, reason);
    }

    /**
     * Records a transfer when its amount is positive and does nothing when it is exactly zero (a fee cut to zero,
     * say).
     *
     * @return whether an entry was posted
     * @throws IllegalArgumentException as {@link #post} does, and for a negative or non-finite amount
     */
    public boolean postIfPositive(long timeMs, double amountUsd, int from, int to, TransferReason reason) {
        if (amountUsd == 0) {
            return false;
        }
        post(timeMs, amountUsd, from, to, reason);
        return true;
    }

    private int kindOf(int party) {
        int k = party >>> SHIFT;
        if (party < 0 || k >= KINDS.length) {
            throw new IllegalArgumentException("not an encoded party: " + party);
        }
        return k;
    }

    private int indexOf(int party, int kind) {
        int i = party & Parties.MAX_INDEX;
        if (i >= balance[kind].length) {
            throw new IllegalArgumentException(Parties.describe(party) + " is outside this ledger, which has "
                    + balance[kind].length + " " + KINDS[kind]);
        }
        return i;
    }

    private void markDirty(int kind, int index, int party) {
        if (!dirtyFlag[kind][index]) {
            dirtyFlag[kind][index] = true;
            dirty[dirtyCount++] = party;
        }
    }

    /**
     * The conservation check after a step: brings the sum of all balances up to date with the parties touched since
     * the previous check (cost proportional to those, allocation-free) and returns its size relative to the gross
     * flow. The largest value is kept ({@link #maxImbalance()}).
     *
     * @return {@code |Σ balances| / max(grossFlow, 1 USD)}
     */
    public double checkStep() {
        for (int d = 0; d < dirtyCount; d++) {
            int party = dirty[d];
            int k = party >>> SHIFT;
            int i = party & Parties.MAX_INDEX;
            double delta = balance[k][i] - checked[k][i];
            checked[k][i] = balance[k][i];
            dirtyFlag[k][i] = false;
            addToCheckedSum(delta);
        }
        dirtyCount = 0;
        return recordImbalance(Math.abs(checkedSum + checkedCompensation));
    }

    /**
     * The conservation check from scratch: sums every party's balance (O(parties)), resets the incremental sum of
     * {@link #checkStep()} to it, and returns the imbalance relative to the gross flow. For the end of a run.
     *
     * @return {@code |Σ balances| / max(grossFlow, 1 USD)}
     */
    public double verifyAll() {
        checkedSum = 0;
        checkedCompensation = 0;
        for (int k = 0; k < KINDS.length; k++) {
            double[] b = balance[k];
            double[] c = checked[k];
            boolean[] f = dirtyFlag[k];
            for (int i = 0; i < b.length; i++) {
                addToCheckedSum(b[i]);
                c[i] = b[i];
                f[i] = false;
            }
        }
        dirtyCount = 0;
        return recordImbalance(Math.abs(checkedSum + checkedCompensation));
    }

    /** Neumaier's compensated summation into (checkedSum, checkedCompensation). */
    private void addToCheckedSum(double x) {
        double t = checkedSum + x;
        if (Math.abs(checkedSum) >= Math.abs(x)) {
            checkedCompensation += (checkedSum - t) + x;
        } else {
            checkedCompensation += (x - t) + checkedSum;
        }
        checkedSum = t;
    }

    private double recordImbalance(double absolute) {
        double relative = absolute / Math.max(grossFlow, 1.0);
        lastImbalance = relative;
        if (relative > maxImbalance || Double.isNaN(relative)) {
            maxImbalance = relative;
            maxImbalanceAtMs = lastTimeMs;
        }
        return relative;
    }

    /**
     * Compares a party's balance with what the simulation's state says it should be, and keeps the largest gap.
     *
     * @param party           encoded party
     * @param expectedBalance the net value the simulation's state says the party received since the ledger began,
     *                        USD (e.g. an insurance fund's holding minus its opening balance)
     * @return {@code |balance − expected| / max(grossFlow, 1 USD)}
     */
    public double reconcile(int party, double expectedBalance) {
        double gap = Math.abs(balance(party) - expectedBalance) / Math.max(grossFlow, 1.0);
        if (gap > maxReconciliationGap || Double.isNaN(gap)) {
            maxReconciliationGap = gap;
            maxReconciliationGapAtMs = lastTimeMs;
            maxReconciliationGapParty = party;
        }
        return gap;
    }

    /** @param party encoded party @return its balance: value received minus value given, USD */
    public double balance(int party) {
        int k = kindOf(party);
        return balance[k][indexOf(party, k)];
    }

    /** @return the balance of a sub-account, USD */
    public double subAccountBalance(int subAccount) {
        return balance[PartyKind.SUB_ACCOUNT.ordinal()][subAccount];
    }

    /** @param kind a kind of party @return the value all parties of that kind received, USD */
    public double inflow(PartyKind kind) {
        return kindInflow[kind.ordinal()];
    }

    /** @param kind a kind of party @return the value all parties of that kind gave, USD */
    public double outflow(PartyKind kind) {
        return kindOutflow[kind.ordinal()];
    }

    /** @param reason a reason @return the sum of the amounts posted for it, USD */
    public double total(TransferReason reason) {
        return reasonAmount[reason.ordinal()];
    }

    /** @param reason a reason @return how many entries were posted for it */
    public long count(TransferReason reason) {
        return reasonCount[reason.ordinal()];
    }

    /** @return the sum of all amounts ever posted, USD */
    public double grossFlow() {
        return grossFlow;
    }

    /** @return how many entries were posted */
    public long entries() {
        return entries;
    }

    /** @return the time of the latest entry, ms since the Unix epoch, or {@link Long#MIN_VALUE} before any */
    public long lastTimeMs() {
        return lastTimeMs;
    }

    /** @return the imbalance found by the latest check, relative to the gross flow */
    public double lastImbalance() {
        return lastImbalance;
    }

    /** @return the largest imbalance any check found, relative to the gross flow */
    public double maxImbalance() {
        return maxImbalance;
    }

    /** @return the largest gap {@link #reconcile} found, relative to the gross flow */
    public double maxReconciliationGap() {
        return maxReconciliationGap;
    }

    /** @return whether every check so far is within {@link #CONSERVATION_TOLERANCE} */
    public boolean conserved() {
        return maxImbalance <= CONSERVATION_TOLERANCE && maxReconciliationGap <= CONSERVATION_TOLERANCE;
    }

    /** @return the figures a run summary shows; allocates, so call it at the end or at a low rate */
    public LedgerSummary summary() {
        List<LedgerSummary.KindTotal> kinds = new ArrayList<>(KINDS.length);
        for (PartyKind k : KINDS) {
            int o = k.ordinal();
            kinds.add(new LedgerSummary.KindTotal(k, kindInflow[o] - kindOutflow[o], kindInflow[o], kindOutflow[o]));
        }
        List<LedgerSummary.ReasonTotal> reasons = new ArrayList<>(REASONS.length);
        for (TransferReason r : REASONS) {
            reasons.add(new LedgerSummary.ReasonTotal(r, reasonCount[r.ordinal()], reasonAmount[r.ordinal()]));
        }
        return new LedgerSummary(entries, grossFlow, lastImbalance, maxImbalance, maxImbalanceAtMs,
                maxReconciliationGap, maxReconciliationGapAtMs, maxReconciliationGapParty, kinds, reasons);
    }
}
