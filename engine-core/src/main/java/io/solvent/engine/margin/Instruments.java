package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data a margin evaluation looks up: assets and markets by symbol, with each market's tier schedule
 * precomputed. Immutable.
 */
public final class Instruments {
    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, TierSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, Integer> assetOrder = new LinkedHashMap<>();

    private Instruments(List<Asset> assetList, List<Market> marketList) {
        for (Asset a : assetList) {
            assetOrder.put(a.symbol(), assets.size());
            assets.put(a.symbol(), a);
        }
        for (Market m : marketList) {
            markets.put(m.symbol(), m);
            schedules.put(m.symbol(), TierSchedule.of(m.tiers()));
        }
    }

    /**
     * @param book a validated book
     * @return its assets and markets
     */
    public static Instruments of(Book book) {
        return new Instruments(book.assets(), book.markets());
    }

    /**
     * @param assets  assets, symbols unique
     * @param markets markets, symbols unique, underlyings among {@code assets}
     * @return the instruments
     */
    public static Instruments of(List<Asset> assets, List<Market> markets) {
        return new Instruments(assets, markets);
    }

    /**
     * @param symbol asset symbol
     * @return the asset
     * @throws IllegalArgumentException when unknown
     */
    public Asset asset(String symbol) {
        Asset a = assets.get(symbol);
        if (a == null) {
            throw new IllegalArgumentException("unknown asset '" + symbol + "'");
        }
        return a;
    }

    /**
     * @param symbol market symbol
     * @return the market
     * @throws IllegalArgumentException when unknown
     */
    public Market market(String symbol) {
        Market m = markets.get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("unknown market '" + symbol + "'");
        }
        return m;
    }

    /**
     * @param market market symbol
     * @return its precomputed tier schedule
     */
    public TierSchedule schedule(String market) {
        market(market);
        return schedules.get(market);
    }

    /**
     * @param symbol asset symbol
     * @return its position in the book's list of assets, used to order per-asset figures
     */
    public int assetOrder(String symbol) {
        asset(symbol);
        return assetOrder.get(symbol);
    }

    /** @return the assets in book order */
    public List<Asset> assets() {
        return List.copyOf(assets.values());
    }

    /** @return the markets in book order */
    public List<Market> markets() {
        return List.copyOf(markets.values());
    }
}
