package io.solvent.engine.sim;

import io.solvent.engine.book.AssetTable;
import io.solvent.engine.oracle.AssetOracle;
import io.solvent.engine.oracle.MedianCalculator;
import io.solvent.engine.oracle.OracleListener;
import io.solvent.engine.oracle.OracleSet;
import io.solvent.engine.scenario.Scenario;

import java.util.Arrays;
import java.util.List;

/**
 * Between a scenario's oracles (one per feed symbol) and the engine: gives each asset one price, never an interleave of
 * several sources' prices. An asset priced by one feed symbol takes that oracle's publications as they come. An asset
 * with a {@link Scenario.PriceSource} combines its sources' oracles:
 * <ul>
 *   <li>{@code priority}: the price of the first source, in the scenario's order, whose oracle is fresh at the time
 *       (its published price observed no more than {@code staleAfterMs} ago); a lower source's publication is ignored
 *       while a higher one is fresh;</li>
 *   <li>{@code median}: the median of the latest published prices of the sources fresh at the time.</li>
 * </ul>
 * Each source contributes the price a margin engine values at — its mark when its oracle forms one — and its
 * half-spread when its confidence was too wide ({@link AssetOracle#valuationPrice()},
 * {@link AssetOracle#valuationSpread()}); a median takes the widest half-spread of its fresh sources.
 * When every source of an asset is stale, its last price stands (and the staleness policy decides what that means for
 * liquidations). A source turning stale or fresh again is found between feed events ({@link #refresh}), where the
 * combination is recomputed, so that a hole in the preferred source hands over to the next one at once, visibly.
 * Owned by the thread that drives the replay.
 */
final class AssetPriceRouter implements OracleListener {
    /** Receives each asset price decided. */
    @FunctionalInterface
    interface Target {
        void price(long timeMs, int asset, double usd, double halfSpread, boolean paused);
    }

    private final Scenario.PriceSource.Method[] method; // null: a single source
    private final int[][] sources;                      // per asset: oracle indexes, in the scenario's order
    private final int[] assetOfOracle;
    private final java.util.Map<String, Integer> oracleIndex;
    private final double[] last;                        // per asset: the last price sent, NaN before any
    private final double[] lastSpread;                  // per asset: the last half-spread sent
    private final double[] scratch;
    private OracleSet oracles;
    private Target target;

    /**
     * @param scenario the scenario (its symbol map and price sources)
     * @param assets   the book's assets
     * @param oracles  the oracles' feed symbols, in the {@link OracleSet}'s order
     */
    AssetPriceRouter(Scenario scenario, AssetTable assets, List<String> oracles) {
        int n = assets.size();
        this.method = new Scenario.PriceSource.Method[n];
        this.sources = new int[n][];
        this.assetOfOracle = new int[oracles.size()];
        this.oracleIndex = new java.util.HashMap<>();
        for (int i = 0; i < oracles.size(); i++) {
            oracleIndex.put(oracles.get(i), i);
        }
        this.last = new double[n];
        this.lastSpread = new double[n];
        Arrays.fill(last, Double.NaN);
        int most = 1;
        for (int a = 0; a < n; a++) {
            List<String> feedSymbols = scenario.sourcesOf(assets.symbol(a));
            sources[a] = feedSymbols.stream().mapToInt(oracles::indexOf).toArray();
            Scenario.PriceSource ps = scenario.priceSources().get(assets.symbol(a));
            method[a] = ps == null ? null : ps.method();
            most = Math.max(most, sources[a].length);
            for (int o : sources[a]) {
                assetOfOracle[o] = a;
            }
        }
        this.scratch = new double[most];
    }

    /**
     * @param set    the oracles (built with this router as their listener)
     * @param engine where the asset prices go
     * @return this router
     */
    AssetPriceRouter bind(OracleSet set, Target engine) {
        this.oracles = set;
        this.target = engine;
        return this;
    }

    /** @return a router with this one's state (the last prices sent), unbound */
    AssetPriceRouter copy() {
        return new AssetPriceRouter(this);
    }

    private AssetPriceRouter(AssetPriceRouter o) {
        this.method = o.method;
        this.sources = o.sources;
        this.assetOfOracle = o.assetOfOracle;
        this.oracleIndex = o.oracleIndex;
        this.last = o.last.clone();
        this.lastSpread = o.lastSpread.clone();
        this.scratch = new double[o.scratch.length];
    }

    /** @return the oracles it is bound to */
    OracleSet oracles() {
        return oracles;
    }

    /** @param o a feed symbol's oracle, index in the set @return the asset it prices */
    int assetOf(int o) {
        return assetOfOracle[o];
    }

    /** @param asset dense index @return whether it combines several sources */
    boolean combined(int asset) {
        return method[asset] != null;
    }

    /** @param asset dense index @return its sources' oracle indexes, in the scenario's order */
    int[] sourcesOf(int asset) {
        return sources[asset];
    }

    @Override
    public void published(AssetOracle o) {
        long t = o.nowMs(); // a publication's time, or a mark-moving venue delivery's
        Integer index = oracleIndex.get(o.symbol());
        if (index == null) {
            return;
        }
        int asset = assetOfOracle[index];
        if (method[asset] == null) {
            send(t, asset, o.valuationPrice(), o.valuationSpread());
        } else {
            combine(t, asset);
        }
    }

    /**
     * Recomputes a combined asset's price at a time (a source turned stale or fresh) and sends it when it changed.
     *
     * @param timeMs ms since the Unix epoch, UTC
     * @param asset  dense index, a combined asset
     */
    void refresh(long timeMs, int asset) {
        if (method[asset] != null) {
            combine(timeMs, asset);
        }
    }

    private void combine(long t, int asset) {
        int n = 0;
        double spread = 0;
        for (int i : sources[asset]) {
            AssetOracle s = oracles.oracle(i);
            if (freshAt(s, t)) {
                scratch[n++] = s.valuationPrice();
                spread = Math.max(spread, s.valuationSpread()); // the median: the widest doubt among its sources
                if (method[asset] == Scenario.PriceSource.Method.PRIORITY) {
                    break;
                }
            }
        }
        if (n == 0) {
            return; // every source stale: the last price stands
        }
        double p = method[asset] == Scenario.PriceSource.Method.PRIORITY ? scratch[0]
                : MedianCalculator.median(scratch, n);
        if (p != last[asset] || spread != lastSpread[asset]) {
            send(t, asset, p, Math.min(spread, 0.5 * p));
        }
    }

    /** @return whether an oracle's published price is fresh at t (not its own clock: oracles advance one by one) */
    static boolean freshAt(AssetOracle o, long t) {
        return o.hasPrice() && t - o.observedAtMs() <= o.parameters().staleAfterMs();
    }

    private void send(long t, int asset, double p, double halfSpread) {
        last[asset] = p;
        lastSpread[asset] = halfSpread;
        target.price(t, asset, p, halfSpread, paused(asset)); // the pause state as of this very price
    }

    /**
     * @param asset dense index
     * @return whether liquidations on it are paused: it has sources and none allows them
     *         ({@link AssetOracle#liquidationsAllowed()}: stale, or no price yet, under the {@code pause} policy)
     */
    boolean paused(int asset) {
        int[] src = sources[asset];
        if (src.length == 0) {
            return false;
        }
        for (int i : src) {
            AssetOracle o = oracles.oracle(i);
            if (o.parameters().stalenessPolicy() == io.solvent.engine.oracle.StalenessPolicy.KEEP_LAST
                    || o.liquidationsAllowed()) {
                return false;
            }
        }
        return true;
    }

    /** @param asset dense index @return the last price sent for it, USD per unit; NaN before any */
    double lastPrice(int asset) {
        return last[asset];
    }
}
