package io.solvent.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Oracle prices per asset.
 *
 * @param bySymbol asset symbol to price in USD per unit, each finite and {@code > 0}; iteration order is insertion
 *                 order
 */
public record Prices(Map<String, Double> bySymbol) {

    public Prices {
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : bySymbol.entrySet()) {
            Double p = e.getValue();
            if (p == null || !Double.isFinite(p) || p <= 0) {
                throw new ModelValidationException(e.getKey(), "expected a finite price > 0, was " + p);
            }
            copy.put(e.getKey(), p);
        }
        bySymbol = Collections.unmodifiableMap(copy);
    }

    /** @return no prices at all */
    public static Prices none() {
        return new Prices(Map.of());
    }

    /**
     * @param symbol asset symbol
     * @return the price in USD per unit
     * @throws IllegalArgumentException when the asset has no price
     */
    public double of(String symbol) {
        Double p = bySymbol.get(symbol);
        if (p == null) {
            throw new IllegalArgumentException("no price for asset '" + symbol + "'");
        }
        return p;
    }

    /**
     * @param symbol asset symbol
     * @return the price in USD per unit, or empty when there is none
     */
    public OptionalDouble find(String symbol) {
        Double p = bySymbol.get(symbol);
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    /**
     * @param overrides prices that replace or add to these
     * @return these prices with {@code overrides} applied
     */
    public Prices with(Prices overrides) {
        Map<String, Double> merged = new LinkedHashMap<>(bySymbol);
        merged.putAll(overrides.bySymbol);
        return new Prices(merged);
    }
}
