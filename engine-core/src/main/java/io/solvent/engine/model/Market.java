package io.solvent.engine.model;

import java.util.List;

/**
 * A perpetual future marked by the oracle price of its underlying asset.
 *
 * @param symbol            unique name of the market
 * @param underlying        symbol of the asset whose price marks this market
 * @param tiers             progressive margin brackets, {@code upTo} strictly ascending, the last one unbounded
 * @param liquidationFee    fraction of closed notional charged on liquidation, {@code 0 <= fee < } the first
 *                          tier's maintenance fraction
 * @param positivePnlWeight weight of positive unrealized PnL as collateral, 0..1
 */
public record Market(String symbol, String underlying, List<MarginTier> tiers, double liquidationFee,
                     double positivePnlWeight) {

    /** Default liquidation fee: 1% of closed notional. */
    public static final double DEFAULT_LIQUIDATION_FEE = 0.01;

    public Market {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.nonEmpty("underlying", underlying);
        if (tiers == null || tiers.isEmpty()) {
            throw new ModelValidationException("tiers", "expected at least one tier");
        }
        tiers = List.copyOf(tiers);
        for (int i = 0; i < tiers.size(); i++) {
            MarginTier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (last && !tier.unbounded()) {
                throw new ModelValidationException("tiers[" + i + "].upTo",
                        "expected null (no bound) on the last tier, was " + tier.upTo());
            }
            if (!last && tier.unbounded()) {
                throw new ModelValidationException("tiers[" + i + "].upTo",
                        "expected a bound: only the last tier may be unbounded (null)");
            }
            if (i > 0 && !(tier.upTo() > tiers.get(i - 1).upTo())) {
                throw new ModelValidationException("tiers[" + i + "].upTo", "expected tiers strictly ascending: "
                        + tier.upTo() + " is not above the previous tier's " + tiers.get(i - 1).upTo());
            }
        }
        double firstMmf = tiers.getFirst().maintenanceMarginFraction();
        FieldChecks.finite("liquidationFee", liquidationFee);
        if (liquidationFee < 0 || liquidationFee >= firstMmf) {
            throw new ModelValidationException("liquidationFee",
                    "expected 0 <= fee < the first tier's maintenanceMarginFraction (" + firstMmf + "), was "
                            + liquidationFee);
        }
        FieldChecks.between("positivePnlWeight", positivePnlWeight, 0, "0", 1, "1");
    }
}
