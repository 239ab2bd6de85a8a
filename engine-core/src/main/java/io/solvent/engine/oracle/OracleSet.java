package io.solvent.engine.oracle;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The oracles of several assets, one {@link AssetOracle} per feed symbol, indexed densely in symbol order (so that
 * iteration is deterministic whatever map the caller built). Routes price events to their symbol's oracle;
 * depth and venue-liquidation events are not prices and are ignored.
 */
public final class OracleSet {
    private final AssetOracle[] oracles;
    private final Map<String, AssetOracle> bySymbol = new HashMap<>();
    private long unrouted;

    /**
     * @param parameters each feed symbol's rules
     * @param listener   told of every publication of every asset; {@code null} for none
     */
    public OracleSet(Map<String, OracleParameters> parameters, OracleListener listener) {
        List<AssetOracle> list = new ArrayList<>();
        for (Map.Entry<String, OracleParameters> e : new TreeMap<>(parameters).entrySet()) {
            AssetOracle o = new AssetOracle(e.getKey(), e.getValue(), listener);
            list.add(o);
            bySymbol.put(e.getKey(), o);
        }
        this.oracles = list.toArray(new AssetOracle[0]);
    }

    private OracleSet(AssetOracle[] oracles, long unrouted) {
        this.oracles = oracles;
        for (AssetOracle o : oracles) {
            bySymbol.put(o.symbol(), o);
        }
        this.unrouted = unrouted;
    }

    /**
     * @param listener told of the copy's publications; {@code null} for none
     * @return a copy of every oracle in its current state: for snapshots and forks
     */
    public OracleSet copy(OracleListener listener) {
        AssetOracle[] copies = new AssetOracle[oracles.length];
        for (int i = 0; i < oracles.length; i++) {
            copies[i] = oracles[i].copy(listener);
        }
        return new OracleSet(copies, unrouted);
    }

    /**
     * A fork of every oracle under new rules ({@link AssetOracle#fork}: the state carries over, in-flight updates
     * stay scheduled under the old latency).
     *
     * @param parameters each feed symbol's new rules: exactly this set's symbols
     * @param listener   told of the fork's publications; {@code null} for none
     * @return the fork
     * @throws IllegalArgumentException if the symbols differ, or a mark's venue sources change
     */
    public OracleSet fork(Map<String, OracleParameters> parameters, OracleListener listener) {
        if (!parameters.keySet().equals(bySymbol.keySet())) {
            throw new IllegalArgumentException("a fork's oracles must be those of the original: " + new TreeMap<>(
                    bySymbol).keySet() + ", was " + new TreeMap<>(parameters).keySet());
        }
        AssetOracle[] forks = new AssetOracle[oracles.length];
        for (int i = 0; i < oracles.length; i++) {
            forks[i] = oracles[i].fork(parameters.get(oracles[i].symbol()), listener);
        }
        return new OracleSet(forks, unrouted);
    }

    /**
     * @return when the last update in flight at any oracle is due, ms since the Unix epoch, UTC;
     * {@link Long#MIN_VALUE} when none is in flight
     */
    public long lastDueMs() {
        long last = Long.MIN_VALUE;
        for (AssetOracle o : oracles) {
            last = Math.max(last, o.lastDueMs());
        }
        return last;
    }

    /**
     * @param e a feed event, in time order with the others given to the same symbol
     * @return whether it was a price of a symbol this set has an oracle for (and was observed)
     */
    public boolean observe(FeedEvent e) {
        if (e instanceof PriceEvent pe) {
            AssetOracle o = bySymbol.get(pe.symbol());
            if (o != null) {
                o.observe(pe);
                return true;
            }
        }
        unrouted++;
        return false;
    }

    /**
     * Advances every oracle to {@code timeMs}, delivering what falls due across all of them in time order (ties by
     * index), so that publications — and the engine steps they cause — never go back in time from one symbol to the
     * next; call before reading a state at that time.
     *
     * @param timeMs ms since the Unix epoch, UTC, at or after every oracle's current time
     */
    public void advanceTo(long timeMs) {
        while (true) {
            AssetOracle next = null;
            long due = Long.MAX_VALUE;
            for (AssetOracle o : oracles) {
                long d = o.nextDueMs();
                if (d < due) {
                    due = d;
                    next = o;
                }
            }
            if (next == null || due > timeMs) {
                break;
            }
            next.advanceTo(due);
        }
        for (AssetOracle o : oracles) {
            o.advanceTo(timeMs);
        }
    }

    /** @param symbol feed symbol @return its oracle, or {@code null} */
    public AssetOracle get(String symbol) {
        return bySymbol.get(symbol);
    }

    /** @param index 0 .. size − 1 @return the oracle at that index (symbols in ascending order) */
    public AssetOracle oracle(int index) {
        return oracles[index];
    }

    /** @return the number of assets */
    public int size() {
        return oracles.length;
    }

    /** @return events that were not prices of a known symbol */
    public long unroutedCount() {
        return unrouted;
    }
}
