package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.Ladder;
import io.solvent.engine.sim.view.MarketSample;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One asset's market over the run: the feed's price, the oracle's, and the price accounts are valued at, one point per
 * simulated second, with the run's liquidations and bankruptcies on that asset's markets and the venue's own
 * liquidations (live) as markers. Reads the engine's append-only logs from where it stopped, at most
 * {@value #PER_PULSE} items of each per pulse; switching asset rebuilds from the logs.
 */
public final class MarketViewModel {
    /** The most log items of each kind taken in one pulse. */
    public static final int PER_PULSE = 5_000;

    private final StringProperty asset = new SimpleStringProperty("");
    private final ObservableList<String> assets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("waiting for prices");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final XYSeries price = new XYSeries("price accounts see (USD)");
    private final XYSeries oracle = new XYSeries("oracle price (USD)");
    private final XYSeries feed = new XYSeries("feed price (USD)");
    private final XYSeries liquidations = new XYSeries("simulated liquidations (fill, USD)");
    private final XYSeries bankruptcies = new XYSeries("bankruptcies (mark, USD)");
    private final XYSeries venueLiquidations = new XYSeries("venue's own liquidations (USD)");
    private final Function<String, String> feedSymbolToAsset;
    private final PulseWork work;
    private final Map<String, String> marketAsset = new HashMap<>();

    private int assetIndex = -1;
    private final LogCursor rowsAt = new LogCursor(PER_PULSE);
    private final LogCursor samplesAt = new LogCursor(PER_PULSE);
    private final LogCursor eventsAt = new LogCursor(PER_PULSE);
    private final LogCursor venueAt = new LogCursor(PER_PULSE);

    /**
     * @param feedSymbolToAsset the asset a venue's feed symbol prices (for the venue's own liquidations); null for
     *                          none
     * @param work              where the FX thread's work is counted
     */
    public MarketViewModel(Function<String, String> feedSymbolToAsset, PulseWork work) {
        this.feedSymbolToAsset = feedSymbolToAsset == null ? s -> "" : feedSymbolToAsset;
        this.work = work;
        asset.addListener((o, a, b) -> {
            rowsAt.restart();
            samplesAt.restart();
            eventsAt.restart();
            venueAt.restart();
            assetIndex = -1;
        });
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        if (assets.size() != v.assets().size()) {
            List<String> withFeed = new ArrayList<>();
            for (AssetView a : v.assets()) {
                if (a.freshness() != AssetView.Freshness.NO_FEED) {
                    withFeed.add(a.symbol());
                }
            }
            for (AssetView a : v.assets()) {
                if (a.freshness() == AssetView.Freshness.NO_FEED) {
                    withFeed.add(a.symbol());
                }
            }
            assets.setAll(withFeed);
        }
        if ((asset.get() == null || asset.get().isEmpty()) && !assets.isEmpty()) {
            asset.set(assets.getFirst()); // also when a chooser cleared it while its items changed
        }
        if (asset.get() == null) {
            return;
        }
        for (Ladder l : v.risk().ladders()) {
            marketAsset.putIfAbsent(l.market(), l.asset());
        }
        if (assetIndex < 0) {
            for (int i = 0; i < v.assets().size(); i++) {
                if (v.assets().get(i).symbol().equals(asset.get())) {
                    assetIndex = i;
                }
            }
            if (assetIndex < 0) {
                return;
            }
        }
        int a = assetIndex;
        String symbol = asset.get();
        long handed = 0;
        for (ReplaySink.MetricsRow r : rowsAt.take(v.series(), price::reset)) {
            if (a < r.prices().length) {
                price.append(r.timeMs() / 1000.0, r.prices()[a]);
                handed++;
            }
        }
        for (MarketSample s : samplesAt.take(v.samples(), () -> {
            oracle.reset();
            feed.reset();
        })) {
            if (!Double.isNaN(s.oracleUsd()[a])) {
                oracle.append(s.timeMs() / 1000.0, s.oracleUsd()[a]);
                handed++;
            }
            if (!Double.isNaN(s.feedUsd()[a])) {
                feed.append(s.timeMs() / 1000.0, s.feedUsd()[a]);
                handed++;
            }
        }
        for (EngineView.RecentEvent e : eventsAt.take(v.events(), () -> {
            liquidations.reset();
            bankruptcies.reset();
        })) {
            SimulationEvent ev = e.event();
            if (!symbol.equals(assetOf(e.market()))) {
                continue;
            }
            if (ev.kind() == SimulationEvent.Kind.LIQUIDATION && !Double.isNaN(ev.priceUsd())) {
                liquidations.append(ev.timeMs() / 1000.0, ev.priceUsd());
                handed++;
            } else if (ev.kind() == SimulationEvent.Kind.BANKRUPTCY && !Double.isNaN(price.lastY())) {
                bankruptcies.append(ev.timeMs() / 1000.0, price.lastY());
                handed++;
            }
        }
        for (VenueLiquidationEvent l : venueAt.take(v.venueLiquidations(), venueLiquidations::reset)) {
            if (symbol.equals(feedSymbolToAsset.apply(l.symbol()))) {
                venueLiquidations.append(l.timestampMs() / 1000.0, l.price());
                handed++;
            }
        }
        work.points(handed);
        if (handed > 0) {
            revision.set(revision.get() + 1);
        }
        AssetView now = v.assets().get(a);
        headline.set(symbol + "  " + Format.price(now.priceUsd()) + " accounts see · oracle "
                + Format.price(now.oraclePriceUsd()) + " · feed " + Format.price(now.feedPriceUsd())
                + (now.halfSpreadUsd() > 0 ? " · ± " + Format.price(now.halfSpreadUsd()) : "")
                + " · " + now.freshness().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (now.ageMs() >= 0 ? " (" + Format.duration(now.ageMs()) + " old)" : "")
                + (now.paused() ? " · LIQUIDATIONS PAUSED" : "")
                + (now.marginMultiplier() != 1 ? " · margin ×" + now.marginMultiplier() : "")
                + " · " + Format.count(liquidations.size()) + " liquidations, " + Format.count(bankruptcies.size())
                + " bankruptcies" + (venueLiquidations.size() > 0 ? ", " + Format.count(venueLiquidations.size())
                + " venue liquidations" : ""));
    }

    private String assetOf(String market) {
        if (market.isEmpty()) {
            return "";
        }
        String a = marketAsset.get(market);
        if (a != null) {
            return a;
        }
        int dash = market.indexOf('-');
        return dash > 0 ? market.substring(0, dash) : market;
    }

    /** @return the asset shown */
    public StringProperty assetProperty() {
        return asset;
    }

    /** @return the assets to choose from, those with a feed first */
    public ObservableList<String> assets() {
        return assets;
    }

    /** @return one line on the asset now */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** @return +1 whenever a series got points */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** @return the price accounts are valued at */
    public XYSeries price() {
        return price;
    }

    /** @return the oracle's price */
    public XYSeries oracle() {
        return oracle;
    }

    /** @return the feed's price */
    public XYSeries feed() {
        return feed;
    }

    /** @return liquidation fills on the asset's markets */
    public XYSeries liquidations() {
        return liquidations;
    }

    /** @return bankruptcies on the asset's markets, at the price then */
    public XYSeries bankruptcies() {
        return bankruptcies;
    }

    /** @return the venue's own liquidations of the asset */
    public XYSeries venueLiquidations() {
        return venueLiquidations;
    }
}
