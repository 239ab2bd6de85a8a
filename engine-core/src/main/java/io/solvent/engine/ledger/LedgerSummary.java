package io.solvent.engine.ledger;

import java.util.List;

/**
 * A ledger's figures for a run summary.
 *
 * @param entries                  entries posted
 * @param grossFlowUsd             sum of all amounts posted, USD
 * @param lastImbalance            the latest check's {@code |Σ balances| / max(grossFlow, 1 USD)}
 * @param maxImbalance             the largest such value any check found
 * @param maxImbalanceAtMs         time of the latest entry when it was found, ms since the Unix epoch
 *                                 ({@link Long#MIN_VALUE} when never above 0)
 * @param maxReconciliationGap     the largest {@code |balance − expected| / max(grossFlow, 1 USD)} a reconciliation
 *                                 found
 * @param maxReconciliationGapAtMs time of the latest entry when it was found ({@link Long#MIN_VALUE} when none)
 * @param maxReconciliationParty   encoded party of that gap, −1 when none
 * @param kinds                    per kind of party, in {@link PartyKind} order
 * @param reasons                  per reason, in {@link TransferReason} order
 */
public record LedgerSummary(long entries, double grossFlowUsd, double lastImbalance, double maxImbalance,
                            long maxImbalanceAtMs, double maxReconciliationGap, long maxReconciliationGapAtMs,
                            int maxReconciliationParty, List<KindTotal> kinds, List<ReasonTotal> reasons) {

    public LedgerSummary {
        kinds = List.copyOf(kinds);
        reasons = List.copyOf(reasons);
    }

    /** @return whether both the imbalance and the reconciliation gaps stayed within the 1e-9 bar */
    public boolean conserved() {
        return maxImbalance <= Ledger.CONSERVATION_TOLERANCE && maxReconciliationGap <= Ledger.CONSERVATION_TOLERANCE;
    }

    /** @param kind a kind of party @return its totals */
    public KindTotal of(PartyKind kind) {
        return kinds.get(kind.ordinal());
    }

    /** @param reason a reason @return its totals */
    public ReasonTotal of(TransferReason reason) {
        return reasons.get(reason.ordinal());
    }

    /**
     * Totals of one kind of party.
     *
     * @param kind       the kind
     * @param netUsd     inflow − outflow, USD (the sum of the balances of that kind)
     * @param inflowUsd  value received, USD
     * @param outflowUsd value given, USD
     */
    public record KindTotal(PartyKind kind, double netUsd, double inflowUsd, double outflowUsd) {
    }

    /**
     * Totals of one reason.
     *
     * @param reason    the reason
     * @param count     entries
     * @param amountUsd sum of their amounts, USD
     */
    public record ReasonTotal(TransferReason reason, long count, double amountUsd) {
    }
}
