package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.Market;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Markets by dense index: underlying asset index, positive-PnL weight and tier schedule. */
public final class MarketTable {
    private final String[] symbol;
    private final int[] underlying;
    private final double[] positivePnlWeight;
    private final TierSchedule[] schedule;
    private final Map<String, Integer> index = new HashMap<>();

    MarketTable(List<Market> markets, AssetTable assets) {
        int n = markets.size();
        symbol = new String[n];
        underlying = new int[n];
        positivePnlWeight = new double[n];
        schedule = new TierSchedule[n];
        for (int i = 0; i < n; i++) {
            Market m = markets.get(i);
            symbol[i] = m.symbol();
            underlying[i] = assets.indexOf(m.underlying());
            positivePnlWeight[i] = m.positivePnlWeight();
            schedule[i] = TierSchedule.of(m.tiers());
            index.put(symbol[i], i);
        }
    }

    /** @return the number of markets */
    public int size() {
        return symbol.length;
    }

    /**
     * @param symbol market symbol
     * @return its dense index
     * @throws IllegalArgumentException when unknown
     */
    public int indexOf(String symbol) {
        Integer i = index.get(symbol);
        if (i == null) {
            throw new IllegalArgumentException("unknown market '" + symbol + "'");
        }
        return i;
    }

    /**
     * @param market dense index
     * @return its symbol
     */
    public String symbol(int market) {
        return symbol[market];
    }

    /**
     * @param market dense index
     * @return dense index of its underlying asset
     */
    public int underlying(int market) {
        return underlying[market];
    }

    /**
     * @param market dense index
     * @return weight of positive unrealized PnL, 0..1
     */
    public double positivePnlWeight(int market) {
        return positivePnlWeight[market];
    }

    /**
     * @param market dense index
     * @return its tier schedule
     */
    public TierSchedule schedule(int market) {
        return schedule[market];
    }
}
