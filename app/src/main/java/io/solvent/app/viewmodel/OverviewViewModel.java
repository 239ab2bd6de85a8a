package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.AtRiskCurve;
import io.solvent.engine.sim.view.Ladder;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overview's figures, each with its threshold level: the insurance fund and its coverage, bad debt, sub-accounts
 * at risk, liquidations per minute (with a sparkline of the last hour), open interest with its long/short imbalance
 * per market, the net delta the venue's counterparty holds, and how fresh the oracles are. Read from the engine's
 * views in O(assets + markets) per view: nothing here walks the book.
 */
public final class OverviewViewModel {
    /** Minutes the liquidation sparkline spans. */
    public static final int SPARK_MINUTES = 60;
    /** The uniform move the fund's coverage is measured against. */
    public static final int COVERAGE_MOVE_PCT = -10;

    private final ObjectProperty<Figure> fund = new SimpleObjectProperty<>(Figure.none("Insurance fund", "USD"));
    private final ObjectProperty<Figure> coverage = new SimpleObjectProperty<>(Figure.none("Fund coverage", "%"));
    private final ObjectProperty<Figure> badDebt = new SimpleObjectProperty<>(Figure.none("Bad debt", "USD"));
    private final ObjectProperty<Figure> atRisk = new SimpleObjectProperty<>(Figure.none("At risk", "sub-accounts"));
    private final ObjectProperty<Figure> liquidationRate =
            new SimpleObjectProperty<>(Figure.none("Liquidations", "per min"));
    private final ObjectProperty<Figure> openInterest = new SimpleObjectProperty<>(Figure.none("Open interest", "USD"));
    private final ObjectProperty<Figure> netDelta = new SimpleObjectProperty<>(Figure.none("Venue net delta", "USD"));
    private final ObjectProperty<Figure> freshness = new SimpleObjectProperty<>(Figure.none("Oracles fresh", "assets"));
    private final ObservableList<MarketLine> markets = FXCollections.observableArrayList();
    private final XYSeries liquidationsPerMinute = new XYSeries("liquidations per minute");
    private final PulseWork work;

    private double openingFund = Double.NaN;
    /** The most events taken in one pulse. */
    public static final int PER_PULSE = 5_000;
    private long minute = Long.MIN_VALUE;       // the simulated minute being counted
    private long inMinute;                      // liquidations in it so far
    private final LogCursor eventsAt = new LogCursor(PER_PULSE);
    private long riskAsOf = Long.MIN_VALUE + 1;

    /**
     * One market's open interest.
     *
     * @param market    its symbol
     * @param longUsd   long open interest, USD
     * @param shortUsd  short open interest, USD
     * @param netUsd    users' net delta, long − short, USD
     */
    public record MarketLine(String market, double longUsd, double shortUsd, double netUsd) {
        /** @return long share of the open interest, 0..1 (NaN when none) */
        public double longShare() {
            double oi = longUsd + shortUsd;
            return oi > 0 ? longUsd / oi : Double.NaN;
        }
    }

    /** @param work where the FX thread's work is counted */
    public OverviewViewModel(PulseWork work) {
        this.work = work;
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        RunSummary s = v.summary();
        double f = v.fundUsd();
        if (Double.isNaN(openingFund) && v.series().size() > 0) {
            openingFund = v.series().all().getFirst().fundUsd(); // the run's first second
        }
        double left = openingFund > 0 ? f / openingFund : Double.NaN;
        fund.set(new Figure("Insurance fund", f, "USD",
                "opening " + Format.usd(openingFund) + " · low " + Format.usd(s.fundMinimumUsd()),
                f <= 0 ? Level.ALARM : left < 0.5 ? Level.WARN : Level.OK));
        badDebt.set(new Figure("Bad debt", s.badDebtUsd(), "USD",
                "deficit " + Format.usd(s.deficitUsd()) + " · " + Format.count(s.bankruptcies()) + " bankruptcies",
                s.deficitUsd() > 0 || s.badDebtUsd() > f ? Level.ALARM : s.badDebtUsd() > 0 ? Level.WARN : Level.OK));
        atRisk.set(new Figure("At risk", v.atRisk(), "sub-accounts",
                Format.count(v.liquidatable()) + " liquidatable now · health factor < 1.1",
                v.liquidatable() > 0 ? Level.ALARM : v.atRisk() > 0 ? Level.WARN : Level.OK));
        rate(v);
        freshness(v.assets());
        if (v.risk().asOfMs() != riskAsOf) {
            riskAsOf = v.risk().asOfMs();
            positions(v, f);
        }
        work.nodes(8);
    }

    private void rate(EngineView v) {
        io.solvent.engine.sim.view.AppendLog.Window<EngineView.RecentEvent> w = v.events();
        // a new run or a seek back: count again from its start
        for (EngineView.RecentEvent e : eventsAt.take(w, () -> {
            minute = Long.MIN_VALUE;
            inMinute = 0;
            liquidationsPerMinute.reset();
        })) {
            if (e.event().kind() != io.solvent.engine.sim.SimulationEvent.Kind.LIQUIDATION) {
                continue;
            }
            close(Math.floorDiv(e.event().timeMs(), 60_000L));
            inMinute++;
        }
        if (v.timeMs() != Long.MIN_VALUE && eventsAt.taken() == w.size()) {
            close(Math.floorDiv(v.timeMs(), 60_000L));
        }
        double previous = liquidationsPerMinute.lastY();
        long count = v.summary().liquidations();
        liquidationRate.set(new Figure("Liquidations", inMinute, "per min",
                "this minute so far · last minute " + (Double.isNaN(previous) ? "—" : Format.count((long) previous))
                        + " · total " + Format.count(count),
                Math.max(inMinute, Double.isNaN(previous) ? 0 : previous) >= 1000 ? Level.ALARM
                        : Math.max(inMinute, Double.isNaN(previous) ? 0 : previous) >= 100 ? Level.WARN : Level.OK));
    }

    /** Moves the count to minute m, closing every minute before it (quiet minutes count 0). */
    private void close(long m) {
        if (minute == Long.MIN_VALUE) {
            minute = m;
            return;
        }
        while (minute < m) {
            liquidationsPerMinute.append(minute * 60.0, inMinute);
            work.points(1);
            inMinute = 0;
            minute = m - minute > SPARK_MINUTES ? m - SPARK_MINUTES : minute + 1;
        }
    }

    private void freshness(List<AssetView> assets) {
        int fresh = 0;
        int stale = 0;
        int none = 0;
        long oldest = -1;
        String oldestSymbol = "";
        for (AssetView a : assets) {
            switch (a.freshness()) {
                case FRESH -> fresh++;
                case STALE -> stale++;
                case NO_PRICE -> none++;
                case NO_FEED -> { }
            }
            if (a.ageMs() > oldest && a.freshness() != AssetView.Freshness.NO_FEED) {
                oldest = a.ageMs();
                oldestSymbol = a.symbol();
            }
        }
        freshness.set(new Figure("Oracles fresh", fresh, "assets",
                stale + " stale · " + none + " no price" + (oldest >= 0 ? " · oldest " + oldestSymbol + " "
                        + Format.duration(oldest) : ""),
                stale > 0 ? Level.ALARM : none > 0 ? Level.WARN : fresh > 0 ? Level.OK : Level.NONE));
    }

    private void positions(EngineView v, double fundUsd) {
        double oi = 0;
        double net = 0;
        List<MarketLine> lines = new ArrayList<>();
        for (Ladder l : v.risk().ladders()) {
            oi += l.longOpenUsd() + l.shortOpenUsd();
            net += l.netDeltaUsd();
            lines.add(new MarketLine(l.market(), l.longOpenUsd(), l.shortOpenUsd(), l.netDeltaUsd()));
        }
        lines.sort((a, b) -> Double.compare(b.longUsd() + b.shortUsd(), a.longUsd() + a.shortUsd()));
        markets.setAll(lines);
        work.rows(lines.size());
        String asOf = "as of " + Format.clock(v.risk().asOfMs());
        if (lines.isEmpty()) {
            openInterest.set(new Figure("Open interest", v.openInterestUsd(), "USD", "no risk pass yet", Level.NONE));
            netDelta.set(Figure.none("Venue net delta", "USD"));
        } else {
            MarketLine top = lines.getFirst();
            openInterest.set(new Figure("Open interest", oi, "USD", String.format(Locale.ROOT,
                    "%s %s long · %s", top.market(), Format.percent(top.longShare()), asOf), Level.OK));
            double imbalance = oi > 0 ? Math.abs(net) / oi : 0;
            netDelta.set(new Figure("Venue net delta", -net, "USD", "counterparty of users' "
                    + Format.usd(net) + " · " + Format.percent(imbalance) + " of OI",
                    imbalance > 0.3 ? Level.ALARM : imbalance > 0.1 ? Level.WARN : Level.OK));
        }
        double lar = liquidatedByCoverageMoveUsd(v);
        if (Double.isNaN(lar)) {
            coverage.set(Figure.none("Fund coverage", "%"));
        } else {
            double cover = fundCoverage(fundUsd, lar);
            coverage.set(new Figure("Fund coverage", 100 * cover, "%", "fund ÷ " + Format.usd(lar)
                    + " liquidated by a " + COVERAGE_MOVE_PCT + "% move", cover < 0.01 ? Level.ALARM
                    : cover < 0.05 ? Level.WARN : Level.OK));
        }
    }

    /**
     * The notional the fund's coverage is measured against: what a uniform {@value #COVERAGE_MOVE_PCT}% move
     * liquidates, from the last whole-book pass.
     *
     * @param v an engine view
     * @return that notional, USD; NaN before the first pass (no liquidations-at-risk curve)
     */
    public static double liquidatedByCoverageMoveUsd(EngineView v) {
        AtRiskCurve c = v.risk().atRiskCurve();
        int i = c.movesPct().indexOf((double) COVERAGE_MOVE_PCT);
        return i < 0 ? Double.NaN : c.liquidatableUsd().get(i);
    }

    /**
     * The fund's coverage, the overview's definition: the fund's balance over the notional a uniform
     * {@value #COVERAGE_MOVE_PCT}% move liquidates.
     *
     * @param fundUsd       the insurance funds' balance, USD
     * @param liquidatedUsd what the move liquidates ({@link #liquidatedByCoverageMoveUsd}), USD
     * @return the ratio (0.05 = 5%); +∞ when the move liquidates nothing, NaN when not known
     */
    public static double fundCoverage(double fundUsd, double liquidatedUsd) {
        return Double.isNaN(liquidatedUsd) ? Double.NaN
                : liquidatedUsd > 0 ? fundUsd / liquidatedUsd : Double.POSITIVE_INFINITY;
    }

    /** @return the insurance fund's balance */
    public ReadOnlyObjectProperty<Figure> fundProperty() {
        return fund;
    }

    /** @return the fund's balance against the notional a 10% fall liquidates */
    public ReadOnlyObjectProperty<Figure> coverageProperty() {
        return coverage;
    }

    /** @return bad debt so far */
    public ReadOnlyObjectProperty<Figure> badDebtProperty() {
        return badDebt;
    }

    /** @return sub-accounts at risk */
    public ReadOnlyObjectProperty<Figure> atRiskProperty() {
        return atRisk;
    }

    /** @return liquidations in the current simulated minute */
    public ReadOnlyObjectProperty<Figure> liquidationRateProperty() {
        return liquidationRate;
    }

    /** @return total open interest */
    public ReadOnlyObjectProperty<Figure> openInterestProperty() {
        return openInterest;
    }

    /** @return the delta the venue's counterparty holds: the opposite of users' net */
    public ReadOnlyObjectProperty<Figure> netDeltaProperty() {
        return netDelta;
    }

    /** @return oracle and feed freshness */
    public ReadOnlyObjectProperty<Figure> freshnessProperty() {
        return freshness;
    }

    /** @return each market's open interest by side, largest first */
    public ObservableList<MarketLine> markets() {
        return markets;
    }

    /** @return liquidations per simulated minute, x in epoch seconds */
    public XYSeries liquidationsPerMinute() {
        return liquidationsPerMinute;
    }
}
