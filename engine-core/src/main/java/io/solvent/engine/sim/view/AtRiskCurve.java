package io.solvent.engine.sim.view;

import java.util.List;

/**
 * The liquidations-at-risk curve: the notional of positions whose sub-accounts become liquidatable if every asset's
 * price moves by the same relative amount at once, for moves from −50% to +50% in steps of 1%. A sub-account exposed to
 * one asset counts at its exact liquidation price; one exposed to several counts at the uniform move that takes its
 * maintenance health to zero to first order (its health's slope in each price at today's prices: tiers, size weights
 * and haircuts held at their level) — {@link #firstOrder()} says how many were counted so.
 *
 * @param movesPct        the moves, % (−50 to +50, ascending, 0 included)
 * @param liquidatableUsd per move: notional of the positions of sub-accounts liquidatable at that move (those
 *                        liquidatable already included at every move), USD; non-decreasing away from 0
 * @param firstOrder      sub-accounts exposed to several assets, counted at their first-order move
 */
public record AtRiskCurve(List<Double> movesPct, List<Double> liquidatableUsd, int firstOrder) {
    public AtRiskCurve {
        movesPct = List.copyOf(movesPct);
        liquidatableUsd = List.copyOf(liquidatableUsd);
        if (movesPct.size() != liquidatableUsd.size()) {
            throw new IllegalArgumentException("expected as many moves as notionals");
        }
    }

    /** No pass yet. */
    public static final AtRiskCurve NONE = new AtRiskCurve(List.of(), List.of(), 0);
}
