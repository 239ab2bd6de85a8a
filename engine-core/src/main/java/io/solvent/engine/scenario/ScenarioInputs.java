package io.solvent.engine.scenario;

import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.population.PopulationParameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario says happened, which no fork or parameter change can alter: the book's accounts and opening prices,
 * the feeds and how their symbols price the assets, the window replayed, the markets' depth, the shocks, the insurance
 * fund's opening balance and the seed. The rules it is run under are {@link Parameters}.
 *
 * @param book             the book, prices included (the opening prices); its market and asset definitions are the
 *                         scenario's parameters' ({@link Scenario} sees to it)
 * @param files            every input file the scenario read, for the manifest's checksums
 * @param settlementAsset  the asset realized PnL and fees settle in, such as USDC
 * @param feeds            the price sources, merged into one time-ordered stream
 * @param symbols          feed symbol to asset symbol
 * @param priceSources     asset to how several feed symbols make its one price (median, or the first fresh in an
 *                         order); an asset not listed has at most one feed symbol
 * @param window           the simulated time replayed: feed events outside it are skipped
 * @param depth            each market's book: a scenario-wide constant depth, and per market a constant or a recorded
 *                         one
 * @param shocks           hypothetical shocks applied on top of the feeds, in order
 * @param insuranceFundUsd the venue-wide insurance fund's opening balance, USD, {@code >= 0}
 * @param seed             the scenario's random seed (synthetic feeds derive theirs from it unless given)
 * @param population       the generator's parameters when the book was generated rather than read, else null
 */
public record ScenarioInputs(Book book, List<Path> files, String settlementAsset, List<Scenario.Feed> feeds,
                             Map<String, String> symbols, Map<String, Scenario.PriceSource> priceSources,
                             Scenario.Window window, Scenario.Depth depth, List<Shock> shocks,
                             double insuranceFundUsd, long seed, PopulationParameters population) {

    public ScenarioInputs {
        Objects.requireNonNull(book, "book");
        files = List.copyOf(files);
        feeds = List.copyOf(feeds);
        symbols = Map.copyOf(symbols);
        shocks = List.copyOf(shocks);
        priceSources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priceSources));
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(depth, "depth");
    }

    /**
     * @param p parameters whose markets and assets are the book's, by symbol and underlying
     * @return these inputs over a book with the parameters' market and asset definitions (this when they are its own)
     * @throws IllegalArgumentException when the parameters define other markets or assets than the book's
     */
    ScenarioInputs withDefinitions(Parameters p) {
        List<Market> markets = p.marketList();
        List<Asset> assets = p.assetList();
        if (markets.equals(book.markets()) && assets.equals(book.assets())) {
            return this;
        }
        List<String> bookMarkets = book.markets().stream().map(Market::symbol).toList();
        List<String> bookAssets = book.assets().stream().map(Asset::symbol).toList();
        if (!bookMarkets.equals(List.copyOf(p.markets().keySet()))
                || !bookAssets.equals(List.copyOf(p.assets().keySet()))) {
            throw new IllegalArgumentException("the parameters define markets " + p.markets().keySet() + " and assets "
                    + p.assets().keySet() + "; the book has " + bookMarkets + " and " + bookAssets);
        }
        for (int i = 0; i < markets.size(); i++) {
            if (!markets.get(i).underlying().equals(book.markets().get(i).underlying())) {
                throw new IllegalArgumentException("market " + markets.get(i).symbol() + ": the parameters' underlying "
                        + markets.get(i).underlying() + " is not the book's " + book.markets().get(i).underlying());
            }
        }
        return withBook(new Book(assets, markets, book.accounts(), book.prices()), population);
    }

    /** @param f the feeds @return a copy with them */
    public ScenarioInputs withFeeds(List<Scenario.Feed> f) {
        return new ScenarioInputs(book, files, settlementAsset, f, symbols, priceSources, window, depth, shocks,
                insuranceFundUsd, seed, population);
    }

    /** @param d the markets' depth @return a copy with it */
    public ScenarioInputs withDepth(Scenario.Depth d) {
        return new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, window, d, shocks,
                insuranceFundUsd, seed, population);
    }

    /** @param usd the fund's opening balance, USD @return a copy with it */
    public ScenarioInputs withInsuranceFundUsd(double usd) {
        return new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, window, depth, shocks,
                usd, seed, population);
    }

    /** @param s the shocks @return a copy with them */
    public ScenarioInputs withShocks(List<Shock> s) {
        return new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, window, depth, s,
                insuranceFundUsd, seed, population);
    }

    /** @param s the seed @return a copy with it */
    public ScenarioInputs withSeed(long s) {
        return new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, window, depth, shocks,
                insuranceFundUsd, s, population);
    }

    /** @param w the window @return a copy with it */
    public ScenarioInputs withWindow(Scenario.Window w) {
        return new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, w, depth, shocks,
                insuranceFundUsd, seed, population);
    }

    /**
     * @param b    another book
     * @param from the generator's parameters when it was generated, else null
     * @return a copy over that book
     */
    public ScenarioInputs withBook(Book b, PopulationParameters from) {
        return new ScenarioInputs(b, files, settlementAsset, feeds, symbols, priceSources, window, depth, shocks,
                insuranceFundUsd, seed, from);
    }
}
