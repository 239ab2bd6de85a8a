package io.solvent.engine.sim.view;

import java.util.List;

/**
 * What needs every sub-account evaluated: the riskiest sub-accounts, the distributions and the ladders. Made by a pass
 * over the whole book on the engine thread, as often as a budget allows (a share of the engine thread's time), so it
 * can lag the run: {@code asOfMs} says when it was exact.
 *
 * @param asOfMs         simulated time it is exact at, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} before
 *                       the first pass
 * @param position       feed events processed then
 * @param passNanos      how long the pass took on the engine thread, ns of wall time (0 when not measured)
 * @param passes         passes the loop has made so far, this one included (0 when not counted)
 * @param riskiest       the sub-accounts with the lowest health factor (liquidatable ones first), at most the
 *                       number asked
 * @param healthFactors  the health factor distribution
 * @param distances      the distance-to-liquidation distribution
 * @param ladders        one per market, in book order
 * @param atRiskCurve    the liquidations-at-risk curve
 */
public record RiskView(long asOfMs, long position, long passNanos, long passes, List<AccountRow> riskiest,
                       Distribution healthFactors, Distribution distances, List<Ladder> ladders,
                       AtRiskCurve atRiskCurve) {
    public RiskView {
        riskiest = List.copyOf(riskiest);
        ladders = List.copyOf(ladders);
        java.util.Objects.requireNonNull(atRiskCurve, "atRiskCurve");
    }

    /**
     * @param nanos  how long the pass took, ns
     * @param number passes made so far, this one included
     * @return a copy saying so
     */
    public RiskView measured(long nanos, long number) {
        return new RiskView(asOfMs, position, nanos, number, riskiest, healthFactors, distances, ladders,
                atRiskCurve);
    }

    /** Before the first pass. */
    public static final RiskView NONE = new RiskView(Long.MIN_VALUE, 0, 0, 0, List.of(),
            new Distribution("health factor", "×", List.of(), List.of(), List.of(), 0),
            new Distribution("distance to liquidation", "%", List.of(), List.of(), List.of(), 0), List.of(),
            AtRiskCurve.NONE);
}
