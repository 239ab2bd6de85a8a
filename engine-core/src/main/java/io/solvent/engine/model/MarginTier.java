package io.solvent.engine.model;

/**
 * One bracket of a market's progressive margin schedule: the fractions apply to the part of a position's notional
 * between the previous tier's {@code upTo} (0 for the first tier) and this one's.
 *
 * @param upTo                      upper bound of the bracket in USD of notional, exclusive of the next bracket;
 *                                  {@link Double#POSITIVE_INFINITY} for the last, unbounded bracket (JSON null)
 * @param initialMarginFraction     initial margin per USD of notional in this bracket, {@code mmf..1}
 * @param maintenanceMarginFraction maintenance margin per USD of notional in this bracket, {@code (0, imf]}
 */
public record MarginTier(double upTo, double initialMarginFraction, double maintenanceMarginFraction) {

    public MarginTier {
        if (Double.isNaN(upTo) || upTo <= 0) {
            throw new ModelValidationException("upTo", "expected a notional > 0 or null (no bound), was " + upTo);
        }
        FieldChecks.finite("maintenanceMarginFraction", maintenanceMarginFraction);
        if (maintenanceMarginFraction <= 0 || maintenanceMarginFraction > 1) {
            throw new ModelValidationException("maintenanceMarginFraction",
                    "expected 0 < value <= 1, was " + maintenanceMarginFraction);
        }
        FieldChecks.between("initialMarginFraction", initialMarginFraction, maintenanceMarginFraction,
                "maintenanceMarginFraction (" + maintenanceMarginFraction + ")", 1, "1");
    }

    /** @return true for the last bracket, which has no upper bound */
    public boolean unbounded() {
        return upTo == Double.POSITIVE_INFINITY;
    }

    /**
     * @param type initial or maintenance
     * @return this bracket's fraction for that margin type
     */
    public double fraction(MarginType type) {
        return type == MarginType.INITIAL ? initialMarginFraction : maintenanceMarginFraction;
    }
}
