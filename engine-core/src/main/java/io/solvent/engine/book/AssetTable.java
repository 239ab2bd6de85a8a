package io.solvent.engine.book;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Prices;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assets by dense index, with their current prices. */
public final class AssetTable {
    private final String[] symbol;
    final double[] price; // read directly by MarginBook.revalue
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Asset> assets;

    AssetTable(List<Asset> assets, Prices prices) {
        this.assets = List.copyOf(assets);
        int n = assets.size();
        symbol = new String[n];
        price = new double[n];
        for (int i = 0; i < n; i++) {
            symbol[i] = assets.get(i).symbol();
            index.put(symbol[i], i);
            price[i] = prices.find(symbol[i]).orElse(Double.NaN);
        }
    }

    /** A copy whose prices can move independently; the reference data is shared. */
    AssetTable(AssetTable other) {
        this.assets = other.assets;
        this.symbol = other.symbol;
        this.price = other.price.clone();
        this.index.putAll(other.index);
    }

    /**
     * A copy with other definitions of the same assets (weights, size factors), the prices carried over.
     *
     * @param other       the table to copy
     * @param definitions the assets' new definitions, in the same order, with the same symbols
     */
    AssetTable(AssetTable other, List<Asset> definitions) {
        if (definitions.size() != other.symbol.length) {
            throw new IllegalArgumentException("expected " + other.symbol.length + " asset definitions, was "
                    + definitions.size());
        }
        for (int i = 0; i < definitions.size(); i++) {
            if (!definitions.get(i).symbol().equals(other.symbol[i])) {
                throw new IllegalArgumentException("asset " + i + " is " + other.symbol[i] + ", not "
                        + definitions.get(i).symbol());
            }
        }
        this.assets = List.copyOf(definitions);
        this.symbol = other.symbol;
        this.price = other.price.clone();
        this.index.putAll(other.index);
    }

    /** @return the number of assets */
    public int size() {
        return symbol.length;
    }

    /**
     * @param symbol asset symbol
     * @return its dense index
     * @throws IllegalArgumentException when unknown
     */
    public int indexOf(String symbol) {
        Integer i = index.get(symbol);
        if (i == null) {
            throw new IllegalArgumentException("unknown asset '" + symbol + "'");
        }
        return i;
    }

    /**
     * @param asset dense index
     * @return the symbol
     */
    public String symbol(int asset) {
        return symbol[asset];
    }

    /**
     * @param asset dense index
     * @return the record it was built from
     */
    public Asset asset(int asset) {
        return assets.get(asset);
    }

    /**
     * @param asset dense index
     * @return current price, USD per unit; NaN when never priced
     */
    public double price(int asset) {
        return price[asset];
    }

    void setPrice(int asset, double usdPerUnit) {
        price[asset] = usdPerUnit;
    }
}
