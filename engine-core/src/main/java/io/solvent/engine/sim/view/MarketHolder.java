package io.solvent.engine.sim.view;

/**
 * An open position of one market, with the figures of the sub-account that holds it, exact at the moment read: what
 * a deleveraging policy sees of a counterparty ({@code DeleveragingCandidate}), with its ids for display.
 *
 * @param sub                       dense index of the sub-account
 * @param account                   its account's id
 * @param subAccount                its id within the account
 * @param size                      signed size, units of the underlying (+ long, − short)
 * @param entryPriceUsd             average entry price, USD per unit
 * @param equityUsd                 the sub-account's equity (collateral + unrealized PnL of all its positions), USD
 * @param maintenanceRequirementUsd the sub-account's maintenance requirement, USD
 */
public record MarketHolder(int sub, String account, String subAccount, double size, double entryPriceUsd,
                           double equityUsd, double maintenanceRequirementUsd) {

    /**
     * @param markUsd the market's mark price, USD per unit
     * @return unrealized PnL of this position at that price, {@code size × (mark − entry)}, USD
     */
    public double unrealizedPnlUsd(double markUsd) {
        return size * (markUsd - entryPriceUsd);
    }
}
