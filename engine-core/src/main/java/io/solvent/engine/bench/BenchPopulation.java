package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.MarginBookBuilder;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.population.PopulationParameters;

import java.util.Iterator;
import java.util.List;

/**
 * The population every benchmark uses: {@link PopulationGenerator}'s calibrated universe (USDC and ten assets, ten
 * perpetual markets), an exact number of sub-accounts, a fixed seed.
 */
public final class BenchPopulation {
    /** The seed of every benchmark population. */
    public static final long SEED = 20251010L;
    /** The settlement asset of the benchmark books. */
    public static final String SETTLEMENT = "USDC";

    private BenchPopulation() {
    }

    /**
     * @param subAccounts number of sub-accounts, {@code > 0}
     * @return the generator of that population
     */
    public static PopulationGenerator generator(int subAccounts) {
        return new PopulationGenerator(PopulationParameters.ofSubAccounts(subAccounts, SEED));
    }

    /**
     * @param subAccounts number of sub-accounts, {@code > 0}
     * @param markets     market symbols of the standard universe to trade
     * @return the generator of that population on those markets
     */
    public static PopulationGenerator generator(int subAccounts, List<String> markets) {
        return new PopulationGenerator(PopulationParameters.ofSubAccounts(subAccounts, SEED).withMarkets(markets));
    }

    /**
     * Streams the generated accounts straight into the hot state, without a {@link Book} of records.
     *
     * @param generator the population
     * @return its hot state, with the USDC settlement slot, evaluated at the universe's prices
     */
    public static MarginBook hotState(PopulationGenerator generator) {
        int n = Math.max(0, generator.parameters().subaccounts());
        MarginBookBuilder builder = new MarginBookBuilder(SETTLEMENT, n);
        for (Iterator<Account> it = generator.accounts(); it.hasNext(); ) {
            builder.add(it.next());
        }
        Book u = generator.universe();
        return builder.build(u.assets(), u.markets(), u.prices());
    }
}
