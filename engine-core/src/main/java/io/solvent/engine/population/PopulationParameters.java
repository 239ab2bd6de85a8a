package io.solvent.engine.population;

import java.util.List;

/**
 * What to generate: how many accounts (or sub-accounts), from which seed, on which markets, with which profile.
 * Exactly one of {@code accounts} and {@code subaccounts} is positive.
 *
 * @param accounts    number of accounts to generate (each with 1–3 sub-accounts), or 0 when {@code subaccounts} sets
 *                    the size
 * @param subaccounts number of sub-accounts to generate exactly (the last account keeps only as many of its
 *                    sub-accounts as fit), or 0 when {@code accounts} sets the size
 * @param seed        the seed: the same parameters give the same book on any machine
 * @param markets     symbols of markets of the default universe ({@link PopulationUniverse#standardMarketSymbols()}),
 *                    at least one
 * @param profile     the distributions' variant
 */
public record PopulationParameters(int accounts, int subaccounts, long seed, List<String> markets,
                                   PopulationProfile profile) {

    /** The largest population this generator makes: 50 million accounts or sub-accounts. */
    public static final int MAX_SIZE = 50_000_000;

    public PopulationParameters {
        if (accounts < 0 || subaccounts < 0 || (accounts > 0) == (subaccounts > 0)) {
            throw new IllegalArgumentException("expected exactly one of accounts and subaccounts > 0, were "
                    + accounts + " and " + subaccounts);
        }
        if (accounts > MAX_SIZE || subaccounts > MAX_SIZE) {
            throw new IllegalArgumentException("expected at most " + MAX_SIZE + " accounts or sub-accounts");
        }
        markets = List.copyOf(markets);
        PopulationUniverse.of(markets);
        if (profile == null) {
            throw new IllegalArgumentException("expected a profile");
        }
    }

    /**
     * @param accounts number of accounts, {@code > 0}
     * @param seed     the seed
     * @return every market of the default universe, the calibrated profile
     */
    public static PopulationParameters ofAccounts(int accounts, long seed) {
        return new PopulationParameters(accounts, 0, seed, PopulationUniverse.standardMarketSymbols(),
                PopulationProfile.CALIBRATED);
    }

    /**
     * @param subaccounts number of sub-accounts, {@code > 0}
     * @param seed        the seed
     * @return every market of the default universe, the calibrated profile
     */
    public static PopulationParameters ofSubAccounts(int subaccounts, long seed) {
        return new PopulationParameters(0, subaccounts, seed, PopulationUniverse.standardMarketSymbols(),
                PopulationProfile.CALIBRATED);
    }

    /**
     * @param symbols market symbols
     * @return these parameters on those markets only
     */
    public PopulationParameters withMarkets(List<String> symbols) {
        return new PopulationParameters(accounts, subaccounts, seed, symbols, profile);
    }

    /**
     * @param p a profile
     * @return these parameters with that profile
     */
    public PopulationParameters withProfile(PopulationProfile p) {
        return new PopulationParameters(accounts, subaccounts, seed, markets, p);
    }
}
