package io.solvent.engine.model;

/**
 * A token that can be held as a balance (USDC, ETH, wBTC, ...), with its collateral weights.
 *
 * @param symbol                     unique name of the asset
 * @param initialWeight              weight of a positive balance for initial margin (Aave's LTV), 0..1
 * @param maintenanceWeight          weight of a positive balance for maintenance (Aave's liquidation threshold),
 *                                   {@code initialWeight..1}
 * @param initialLiabilityWeight     weight of a negative balance (a borrow) for initial margin,
 *                                   {@code >= maintenanceLiabilityWeight}
 * @param maintenanceLiabilityWeight weight of a negative balance for maintenance, {@code >= 1}
 * @param sizeFactor                 k, the size-based haircut (Drift's IMF factor), per square root of a unit of
 *                                   the asset, {@code >= 0}
 */
public record Asset(String symbol, double initialWeight, double maintenanceWeight, double initialLiabilityWeight,
                    double maintenanceLiabilityWeight, double sizeFactor) {

    public Asset {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.between("initialWeight", initialWeight, 0, "0", 1, "1");
        FieldChecks.between("maintenanceWeight", maintenanceWeight, initialWeight, "initialWeight (" + initialWeight + ")",
                1, "1");
        FieldChecks.finite("maintenanceLiabilityWeight", maintenanceLiabilityWeight);
        if (maintenanceLiabilityWeight < 1) {
            throw new ModelValidationException("maintenanceLiabilityWeight",
                    "expected a number >= 1, was " + maintenanceLiabilityWeight);
        }
        FieldChecks.finite("initialLiabilityWeight", initialLiabilityWeight);
        if (initialLiabilityWeight < maintenanceLiabilityWeight) {
            throw new ModelValidationException("initialLiabilityWeight", "expected a number >= maintenanceLiabilityWeight ("
                    + maintenanceLiabilityWeight + "), was " + initialLiabilityWeight);
        }
        FieldChecks.finite("sizeFactor", sizeFactor);
        if (sizeFactor < 0) {
            throw new ModelValidationException("sizeFactor", "expected a number >= 0, was " + sizeFactor);
        }
    }

    /**
     * @param symbol unique name
     * @return an asset with every weight 1 and no size factor (a stablecoin valued at par)
     */
    public static Asset of(String symbol) {
        return new Asset(symbol, 1, 1, 1, 1, 0);
    }

    /**
     * @param type initial or maintenance
     * @return the base weight of a positive balance for that margin type
     */
    public double assetWeight(MarginType type) {
        return type == MarginType.INITIAL ? initialWeight : maintenanceWeight;
    }

    /**
     * @param type initial or maintenance
     * @return the base weight of a negative balance for that margin type
     */
    public double liabilityWeight(MarginType type) {
        return type == MarginType.INITIAL ? initialLiabilityWeight : maintenanceLiabilityWeight;
    }
}
