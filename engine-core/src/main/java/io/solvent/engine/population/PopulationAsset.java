package io.solvent.engine.population;

import io.solvent.engine.model.Asset;

/**
 * An asset of the population's universe.
 *
 * @param asset            the asset as it is written to the book (its collateral weights)
 * @param price            its price written to the book, USD per unit
 * @param collateralWeight relative frequency with which a cross sub-account holds it besides USDC; 0 when it is
 *                         never held
 * @param decimals         decimals to which a balance of it is rounded (USDC: 2, cents)
 */
public record PopulationAsset(Asset asset, double price, double collateralWeight, int decimals) {

    public PopulationAsset {
        if (!(price > 0) || !(collateralWeight >= 0) || decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("invalid population asset " + asset.symbol());
        }
    }

    /** @return the asset's symbol */
    public String symbol() {
        return asset.symbol();
    }
}
