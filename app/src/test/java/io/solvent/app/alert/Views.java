package io.solvent.app.alert;

import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AccountRow;
import io.solvent.engine.sim.view.AppendLog;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.AtRiskCurve;
import io.solvent.engine.sim.view.Clock;
import io.solvent.engine.sim.view.Distribution;
import io.solvent.engine.sim.view.RiskView;
import io.solvent.engine.sim.view.VenueFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Engine views made by hand, for the monitor's tests: only what the rules read is set. */
final class Views {
    static final long T0 = 1_760_130_000_000L;
    private static long sequence;

    long timeMs = T0;
    String run = "original";
    List<String> labels = List.of("original");
    double fundUsd = 100_000;
    int atRisk;
    int liquidatable;
    double badDebtUsd;
    long bankruptcies;
    double liquidatedAtMinus10Usd = Double.NaN;   // NaN: no risk pass yet
    List<Double> healthFactors = List.of();
    boolean riskPass = true;
    List<AssetView> assets = new ArrayList<>(List.of(asset("BTC", 100_000, 100_000, 1_000)));
    List<SourceStatusEvent> sources = List.of();

    static AssetView asset(String symbol, double feed, double oracle, long ageMs) {
        return new AssetView(symbol, oracle, oracle, feed, 0, AssetView.Freshness.FRESH, T0, ageMs, false, 1);
    }

    Views at(long ms) {
        timeMs = ms;
        return this;
    }

    EngineView build() {
        RunSummary summary = new RunSummary(1, 0, 0, bankruptcies, badDebtUsd, fundUsd, fundUsd, 0, 0, 0, 0, 0, 0, 0);
        VenueFigures figures = new VenueFigures(1, new ReplaySink.MetricsRow(timeMs, new double[0], fundUsd, atRisk,
                liquidatable, 0, 0, badDebtUsd), summary);
        List<AccountRow> rows = new ArrayList<>();
        for (int i = 0; i < healthFactors.size(); i++) {
            double hf = healthFactors.get(i);
            rows.add(new AccountRow(i, "acct-" + i, "0", 1_000, 0, hf, 10_000, 10, 0.5, 0.1, "BTC", hf < 1));
        }
        List<Double> edges = List.of(0.0, 0.5, 0.8, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0);
        List<Integer> counts = new ArrayList<>();
        List<Double> notional = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            double lo = edges.get(i);
            double hi = i + 1 < edges.size() ? edges.get(i + 1) : Double.POSITIVE_INFINITY;
            counts.add((int) healthFactors.stream().filter(h -> h >= lo && h < hi).count());
            notional.add(0.0);
        }
        RiskView risk = !riskPass ? RiskView.NONE : new RiskView(timeMs, 1, 0, 1, rows,
                new Distribution("health factor", "×", edges, counts, notional, 0),
                new Distribution("distance to liquidation", "%", List.of(), List.of(), List.of(), 0), List.of(),
                Double.isNaN(liquidatedAtMinus10Usd) ? AtRiskCurve.NONE
                        : new AtRiskCurve(List.of(-20.0, -10.0, 0.0),
                        List.of(2 * liquidatedAtMinus10Usd, liquidatedAtMinus10Usd, 0.0), 0));
        return new EngineView(++sequence, EngineView.State.PLAYING, "", "", 1, run, labels,
                new Clock(T0, timeMs, Long.MIN_VALUE, 1, 1), figures, assets, AppendLog.Window.empty(),
                AppendLog.Window.empty(), AppendLog.Window.empty(), AppendLog.Window.empty(), sources, risk, null,
                null, List.of(), Map.of(), "", null, null);
    }
}
