package io.solvent.engine.population;

import java.util.Locale;

/** Variants of the population's distributions; {@link #CALIBRATED} is the default. */
public enum PopulationProfile {
    /**
     * The distributions of {@code docs/population.md}: equity and leverage from the 2025-10-10 Hyperliquid
     * statistics, a multi-asset collateral mix with some borrows.
     */
    CALIBRATED,
    /** As {@link #CALIBRATED}, but every sub-account holds only USDC, nothing borrowed (Hyperliquid's own rule). */
    USDC_ONLY,
    /**
     * As {@link #CALIBRATED}, with every drawn leverage multiplied by {@link #STRESSED_LEVERAGE_MULTIPLIER}: a book
     * with many more sub-accounts near their limits, for crash scenarios. Not calibrated on any data.
     */
    STRESSED;

    /** Factor applied to the drawn leverage by {@link #STRESSED}. */
    public static final double STRESSED_LEVERAGE_MULTIPLIER = 3.0;

    /** @return the name used on the command line: {@code calibrated}, {@code usdc-only}, {@code stressed} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a name as {@link #cliName()} gives it
     * @return the profile
     * @throws IllegalArgumentException when there is none of that name
     */
    public static PopulationProfile ofCliName(String name) {
        for (PopulationProfile p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name
                + "'; expected calibrated, usdc-only or stressed");
    }
}
