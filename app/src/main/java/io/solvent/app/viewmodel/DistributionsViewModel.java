package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AtRiskCurve;
import io.solvent.engine.sim.view.Distribution;
import io.solvent.engine.sim.view.Ladder;
import io.solvent.engine.sim.view.RiskView;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The venue's risk as distributions, from the engine's whole-book pass (stamped with the time it is exact at): the
 * health-factor histogram, one market's liquidation ladder (notional that liquidates at each price level of its
 * underlying, longs below and shorts above, on an absolute price scale), and the liquidations-at-risk curve. The
 * sizes are fixed by the engine (11 bins, 100 levels, 101 moves) whatever the venue's size.
 */
public final class DistributionsViewModel {
    private final XYSeries healthCounts = new XYSeries("sub-accounts per health-factor bin");
    private final XYSeries ladderLongs = new XYSeries("longs liquidated at the level (USD)");
    private final XYSeries ladderShorts = new XYSeries("shorts liquidated at the level (USD)");
    private final XYSeries atRisk = new XYSeries("notional liquidated by a uniform move (USD)");
    private final StringProperty market = new SimpleStringProperty("");
    private final ObservableList<String> markets = FXCollections.observableArrayList();
    private final ObservableList<String> healthLabels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("waiting for the first whole-book pass");
    private final ReadOnlyStringWrapper ladderCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final PulseWork work;
    private RiskView shown;
    private double ladderPrice = Double.NaN;

    /** @param work where the FX thread's work is counted */
    public DistributionsViewModel(PulseWork work) {
        this.work = work;
        market.addListener((o, a, b) -> {
            if (shown != null) {
                ladder(shown);
                revision.set(revision.get() + 1);
            }
        });
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        RiskView r = v.risk();
        if (r == shown || r.asOfMs() == Long.MIN_VALUE) {
            return;
        }
        shown = r;
        if (markets.size() != r.ladders().size()) {
            markets.setAll(r.ladders().stream().map(Ladder::market).toList());
        }
        if ((market.get() == null || market.get().isEmpty()) && !markets.isEmpty()) {
            market.set(markets.getFirst());
        }
        Distribution h = r.healthFactors();
        int n = h.counts().size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        if (healthLabels.size() != n) {
            List<String> labels = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(i + 1 < n ? trim(h.edges().get(i)) + "–" + trim(h.edges().get(i + 1))
                        : "≥ " + trim(h.edges().get(i)));
            }
            healthLabels.setAll(labels);
        }
        int belowOne = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = h.counts().get(i);
            if (h.edges().get(i) < 1) {
                belowOne += h.counts().get(i);
            }
        }
        healthCounts.setAll(xs, ys);
        AtRiskCurve c = r.atRiskCurve();
        double[] mx = new double[c.movesPct().size()];
        double[] my = new double[mx.length];
        for (int i = 0; i < mx.length; i++) {
            mx[i] = c.movesPct().get(i);
            my[i] = c.liquidatableUsd().get(i);
        }
        atRisk.setAll(mx, my);
        ladder(r);
        work.points(n + mx.length + 2L * ladderLongs.size());
        caption.set("whole book as of " + Format.time(r.asOfMs()) + " · " + Format.count(belowOne)
                + " sub-accounts below health factor 1 · " + Format.count(h.excluded()) + " without liabilities"
                + " not counted" + (c.firstOrder() > 0 ? " · " + Format.count(c.firstOrder())
                + " multi-asset sub-accounts at their first-order move" : "")
                + " · pass " + Format.duration(r.passNanos() / 1_000_000));
        revision.set(revision.get() + 1);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void ladder(RiskView r) {
        for (Ladder l : r.ladders()) {
            if (l.market().equals(market.get())) { // null matches none
                int n = l.levelsUsd().size();
                double[] xs = new double[n];
                double[] longs = new double[n];
                double[] shorts = new double[n];
                double longSum = 0;
                double shortSum = 0;
                for (int i = 0; i < n; i++) {
                    double lo = l.levelsUsd().get(i);
                    double hi = i + 1 < n ? l.levelsUsd().get(i + 1) : lo * 1.01;
                    xs[i] = (lo + hi) / 2;
                    longs[i] = l.longNotionalUsd().get(i);
                    shorts[i] = l.shortNotionalUsd().get(i);
                    longSum += longs[i];
                    shortSum += shorts[i];
                }
                ladderLongs.setAll(xs, longs);
                ladderShorts.setAll(xs, shorts);
                ladderPrice = l.priceUsd();
                ladderCaption.set(l.market() + " on " + l.asset() + " at " + Format.price(l.priceUsd())
                        + " · within ±50%: longs " + Format.usd(longSum) + ", shorts " + Format.usd(shortSum)
                        + " · liquidatable now " + Format.usd(l.liquidatableUsd()) + " · beyond ±50% or none "
                        + Format.usd(l.beyondUsd()));
                return;
            }
        }
    }

    /** @return sub-accounts per health-factor bin (x: the bin's index) */
    public XYSeries healthCounts() {
        return healthCounts;
    }

    /** @return the bins' labels, such as {@code 1.0–1.1} */
    public ObservableList<String> healthLabels() {
        return healthLabels;
    }

    /** @return long notional per price level of the chosen market (x: level's middle, USD per unit) */
    public XYSeries ladderLongs() {
        return ladderLongs;
    }

    /** @return short notional per price level of the chosen market */
    public XYSeries ladderShorts() {
        return ladderShorts;
    }

    /** @return the underlying's price now, USD per unit (the ladder's marker) */
    public double ladderPrice() {
        return ladderPrice;
    }

    /** @return the liquidations-at-risk curve (x: move, %; y: USD) */
    public XYSeries atRisk() {
        return atRisk;
    }

    /** @return the market whose ladder is shown */
    public StringProperty marketProperty() {
        return market;
    }

    /** @return the markets to choose from */
    public ObservableList<String> markets() {
        return markets;
    }

    /** @return when the figures are from and what they leave out */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** @return the ladder's totals */
    public ReadOnlyStringProperty ladderCaptionProperty() {
        return ladderCaption.getReadOnlyProperty();
    }

    /** @return +1 whenever the figures changed */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
