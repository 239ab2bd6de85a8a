package io.solvent.engine.margin;

/**
 * Drift's size-based haircut: large balances are worth less as collateral and cost more as debt.
 *
 * <ul>
 *   <li>positive balance of {@code b} units: {@code w(b) = min(w, 1.1 / (1 + k·√|b|))}</li>
 *   <li>negative balance: {@code l(b) = max(l, 0.8·l + k·√|b|)}</li>
 * </ul>
 * With {@code k = 0} both reduce to the base weight. The results stay within {@code (0, w]} and {@code [l, ∞)}.
 */
public final class SizeAdjustedWeightCalculator {
    private SizeAdjustedWeightCalculator() {
    }

    /**
     * @param baseWeight the asset's weight for the margin type, 0..1
     * @param sizeFactor k, per square root of a unit of the asset, {@code >= 0}
     * @param units      the balance in units of the asset (its sign is ignored)
     * @return the weight of a positive balance of that size, {@code <= baseWeight}
     */
    public static double assetWeight(double baseWeight, double sizeFactor, double units) {
        if (sizeFactor == 0) {
            return baseWeight;
        }
        return Math.min(baseWeight, 1.1 / (1 + sizeFactor * Math.sqrt(Math.abs(units))));
    }

    /**
     * @param baseWeight the asset's liability weight for the margin type, {@code >= 1}
     * @param sizeFactor k, per square root of a unit of the asset, {@code >= 0}
     * @param units      the balance in units of the asset (its sign is ignored)
     * @return the weight of a negative balance of that size, {@code >= baseWeight}
     */
    public static double liabilityWeight(double baseWeight, double sizeFactor, double units) {
        if (sizeFactor == 0) {
            return baseWeight;
        }
        return Math.max(baseWeight, 0.8 * baseWeight + sizeFactor * Math.sqrt(Math.abs(units)));
    }

    /**
     * @param baseAssetWeight     weight of a positive balance, 0..1
     * @param baseLiabilityWeight weight of a negative balance, {@code >= 1}
     * @param sizeFactor          k, per square root of a unit
     * @param units               signed balance in units of the asset
     * @return the weight that applies to this balance: the asset weight when it is positive, else the liability
     *         weight
     */
    public static double weightFor(double baseAssetWeight, double baseLiabilityWeight, double sizeFactor,
                                   double units) {
        return units > 0 ? assetWeight(baseAssetWeight, sizeFactor, units)
                : liabilityWeight(baseLiabilityWeight, sizeFactor, units);
    }
}
