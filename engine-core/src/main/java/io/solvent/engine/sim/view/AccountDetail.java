package io.solvent.engine.sim.view;

import java.util.List;
import java.util.Objects;

/**
 * One sub-account in full, exact at a feed position: its figures, every balance with the weight it counts at, every
 * position with its requirement and liquidation price.
 *
 * @param row       its figures
 * @param mode      {@code cross} or {@code isolated}
 * @param asOfMs    simulated time they are exact at, ms since the Unix epoch, UTC
 * @param position  feed events processed then
 * @param initialHealthUsd initial health (free collateral), USD
 * @param requirementUsd   maintenance requirement of its positions, USD
 * @param balances  its balances, in book order
 * @param positions its open positions, in book order
 */
public record AccountDetail(AccountRow row, String mode, long asOfMs, long position, double initialHealthUsd,
                            double requirementUsd, List<Balance> balances, List<OpenPosition> positions) {
    public AccountDetail {
        Objects.requireNonNull(row, "row");
        balances = List.copyOf(balances);
        positions = List.copyOf(positions);
    }

    /**
     * A balance.
     *
     * @param asset             the asset's symbol
     * @param units             units held (negative: borrowed)
     * @param priceUsd          the price it is valued at (the conservative side under a wide confidence), USD
     * @param valueUsd          units × price, USD
     * @param maintenanceWeight the weight it counts at for maintenance (size-adjusted, dynamic margin's haircut
     *                          applied): a holding's collateral weight, a borrow's liability weight
     */
    public record Balance(String asset, double units, double priceUsd, double valueUsd, double maintenanceWeight) {
    }

    /**
     * An open position.
     *
     * @param market                 the market's symbol
     * @param size                   units, positive long, negative short
     * @param entryPriceUsd          entry price, USD per unit
     * @param markUsd                the price it is valued at, USD per unit
     * @param notionalUsd            |size| × mark, USD
     * @param pnlUsd                 unrealized PnL, USD
     * @param maintenanceUsd         its maintenance requirement (tiers and margin multiplier applied), USD
     * @param liquidationPriceUsd    the underlying's price at which the sub-account becomes liquidatable, every other
     *                               price held, USD per unit; NaN when none
     */
    public record OpenPosition(String market, double size, double entryPriceUsd, double markUsd, double notionalUsd,
                               double pnlUsd, double maintenanceUsd, double liquidationPriceUsd) {
    }
}
