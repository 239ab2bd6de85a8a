package io.solvent.app.viewmodel;

import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.RunFigures;
import io.solvent.engine.sim.RunSummary;
import io.solvent.app.service.PulseWork;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Compare view: every run of the loop side by side over simulated time — insurance fund balance, bad debt,
 * liquidated notional and deleveraged notional, each cumulative and in USD — and a table of those figures and the
 * counts for each run at the cursor (the active run's moment) and at each run's end. Each run's series are read from
 * its own logs with cursors; a run discarded (an undone fork) leaves the view. FX thread only.
 */
public final class CompareViewModel {
    /** The figures charted, in order. */
    public static final List<String> CHARTS = List.of("Insurance fund (USD)", "Bad debt (USD)",
            "Liquidated notional (USD)", "Deleveraged notional (USD)");

    /** One run's series. */
    public static final class RunSeries {
        private final String label;
        private final XYSeries[] series;
        private final LogCursor rows = new LogCursor(20_000);
        private final LogCursor events = new LogCursor(20_000);
        private double deleveraged;
        private RunFigures figures;
        private long[] eventTimes = new long[64];
        private double[] eventTotals = new double[64];
        private int eventCount;
        private int eventRead;

        void pending(long t, double total) {
            if (eventCount == eventTimes.length) {
                eventTimes = java.util.Arrays.copyOf(eventTimes, 2 * eventCount);
                eventTotals = java.util.Arrays.copyOf(eventTotals, 2 * eventCount);
            }
            eventTimes[eventCount] = t;
            eventTotals[eventCount++] = total;
            if (eventRead > eventCount) {
                eventRead = 0;
            }
        }

        /** @return deleveraged notional up to t, USD (rows come in time order) */
        double deleveragedAt(long t) {
            if (eventRead > eventCount) {
                eventRead = 0;
            }
            while (eventRead < eventCount && eventTimes[eventRead] <= t) {
                eventRead++;
            }
            return eventRead == 0 ? 0 : eventTotals[eventRead - 1];
        }

        RunSeries(String label) {
            this.label = label;
            series = new XYSeries[CHARTS.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new XYSeries(label);
            }
        }

        /** @return the run's label */
        public String label() {
            return label;
        }

        /** @param chart an index into {@link #CHARTS} @return the run's series for it */
        public XYSeries series(int chart) {
            return series[chart];
        }

        /** @return where the run stands */
        public RunFigures figures() {
            return figures;
        }
    }

    private final PulseWork work;
    private final Map<String, RunSeries> runs = new LinkedHashMap<>();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(Long.MIN_VALUE);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private long version;
    private EngineView last;

    /** @param work where the FX thread's work is counted */
    public CompareViewModel(PulseWork work) {
        this.work = work;
    }

    /** @param v the newest engine view */
    public void update(EngineView v) {
        List<String> now = new ArrayList<>(v.runs().size());
        boolean changed = false;
        for (RunFigures f : v.runs()) {
            now.add(f.label());
            RunSeries r = runs.get(f.label());
            if (r == null || (r.figures != null && r.figures.forkedAtMs() != f.forkedAtMs())) {
                r = new RunSeries(f.label()); // new, or a label used again after an undo
                runs.put(f.label(), r);
                changed = true;
            }
            r.figures = f;
            read(r, f);
        }
        if (runs.keySet().retainAll(now)) {
            changed = true;
        }
        if (changed || !labels.equals(now)) {
            labels.setAll(now);
            version++;
        }
        cursor.set(v.timeMs());
        last = v;
    }

    /** Recomputes the table and the caption from the last view (at the view's own rate, not every pulse). */
    public void refresh() {
        if (last == null) {
            return;
        }
        rows.setAll(table(last.timeMs()));
        caption.set(caption(last));
    }

    private void read(RunSeries r, RunFigures f) {
        final RunSeries run = r;
        // deleveraged notional, cumulative: taken from the events, charted at each metrics row's time
        for (EngineView.RecentEvent e : r.events.take(f.events(), () -> {
            run.deleveraged = 0;
            run.eventCount = 0;
            run.eventRead = 0;
        })) {
            SimulationEvent.Kind k = e.event().kind();
            if (k == SimulationEvent.Kind.DELEVERAGING || k == SimulationEvent.Kind.SOCIALIZED_LOSS) {
                double usd = Double.isNaN(e.event().priceUsd()) ? Math.abs(e.event().amountUsd())
                        : Math.abs(e.event().size() * e.event().priceUsd());
                run.deleveraged += usd;
                run.pending(e.event().timeMs(), run.deleveraged);
            }
        }
        for (var row : r.rows.take(f.series(), () -> {
            for (XYSeries s : run.series) {
                s.reset();
            }
        })) {
            double t = row.timeMs() / 1000.0;
            r.series[0].append(t, row.fundUsd());
            r.series[1].append(t, row.badDebtUsd());
            r.series[2].append(t, row.liquidatedNotionalUsd());
            r.series[3].append(t, r.deleveragedAt(row.timeMs()));
            work.rows(1);
        }
    }

    private List<CompareRow> table(long cursorMs) {
        List<CompareRow> out = new ArrayList<>();
        String[] names = {"Insurance fund (USD)", "Bad debt (USD)", "Liquidated notional (USD)",
                "Deleveraged notional (USD)"};
        for (int i = 0; i < names.length; i++) {
            List<Double> at = new ArrayList<>();
            List<Double> end = new ArrayList<>();
            for (RunSeries r : runs.values()) {
                at.add(valueAt(r.series[i], cursorMs / 1000.0, i == 3));
                RunSummary s = r.figures.figures().summary();
                end.add(switch (i) {
                    case 0 -> r.figures.figures().fundUsd();
                    case 1 -> s.badDebtUsd();
                    case 2 -> s.liquidatedNotionalUsd();
                    default -> s.deleveragedNotionalUsd();
                });
            }
            out.add(new CompareRow(names[i], at, end));
        }
        List<Double> liq = new ArrayList<>();
        List<Double> bk = new ArrayList<>();
        List<Double> del = new ArrayList<>();
        List<Double> deficit = new ArrayList<>();
        List<Double> nan = new ArrayList<>();
        for (RunSeries r : runs.values()) {
            RunSummary s = r.figures.figures().summary();
            liq.add((double) s.liquidations());
            bk.add((double) s.bankruptcies());
            del.add((double) s.deleveragingFills());
            deficit.add(s.deficitUsd());
            nan.add(Double.NaN);
        }
        out.add(new CompareRow("Liquidations (count)", nan, liq));
        out.add(new CompareRow("Bankruptcies (count)", nan, bk));
        out.add(new CompareRow("Deleveraging fills (count)", nan, del));
        out.add(new CompareRow("Deficit (USD)", nan, deficit));
        return out;
    }

    /** @return the series' value at or before x; 0 before its first point when cumulative from 0, else NaN */
    private static double valueAt(XYSeries s, double x, boolean zeroBefore) {
        int lo = 0;
        int hi = s.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (s.x(mid) <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? (zeroBefore ? 0 : Double.NaN) : s.y(found);
    }

    private String caption(EngineView v) {
        StringBuilder b = new StringBuilder();
        for (RunFigures f : v.runs()) {
            if (!b.isEmpty()) {
                b.append("   ·   ");
            }
            b.append(f.label());
            if (!f.parent().isEmpty()) {
                b.append(" (from ").append(f.parent()).append(" at ").append(Format.clock(f.forkedAtMs()))
                        .append(" UTC");
                if (!f.parameters().isEmpty()) {
                    b.append(": ").append(String.join("; ", f.parameters()));
                }
                b.append(")");
            }
            b.append(f.ended() ? " — ended" : f.error().isEmpty() ? "" : " — stopped: " + f.error());
        }
        return b.toString();
    }

    /** @return the runs' series, in the runs' order */
    public List<RunSeries> runs() {
        return List.copyOf(runs.values());
    }

    /** @return the runs' labels, in order */
    public ObservableList<String> labels() {
        return labels;
    }

    /** @return the table of differences */
    public ObservableList<CompareRow> rows() {
        return rows;
    }

    /** @return the cursor: the active run's moment, ms since the Unix epoch, UTC */
    public ReadOnlyLongProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** @return which runs there are, forked from where, under what */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** @return a number that changes when the set of runs does (the charts rebuild their series) */
    public long version() {
        return version;
    }
}
