package io.solvent.app.view;

import io.solvent.app.chart.ChartSeries;
import io.solvent.app.chart.Charts;
import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.EventRow;
import io.solvent.app.viewmodel.Format;
import io.solvent.app.viewmodel.InsuranceViewModel;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The insurance fund (ChartFX): its balance, cumulative inflows and payouts over the run, the figures in a line
 * (depletion point included), and the deleveraging that followed when it was not enough.
 */
public final class InsuranceView implements ConsoleView {
    private final PulseWork work;
    private final VBox root = new VBox(6);
    private final List<ChartSeries> series;
    private final ChartRate rate = new ChartRate(1_000_000_000L);

    /** @param vm the view model @param work where the FX thread's work is counted */
    public InsuranceView(InsuranceViewModel vm, PulseWork work) {
        this.work = work;
        XYChart chart = Charts.timeChart("Insurance fund", "USD", "USD");
        chart.setId("insurance-chart");
        ErrorDataSetRenderer lines = Charts.lines(chart);
        series = List.of(new ChartSeries(vm.balance(), lines, Charts.line("#58a6ff", 2)),
                new ChartSeries(vm.inflows(), lines, Charts.line("#3fb950", 1.5)),
                new ChartSeries(vm.payouts(), lines, Charts.line("#f85149", 1.5)));
        Label caption = new Label();
        caption.textProperty().bind(vm.captionProperty());
        caption.setWrapText(true);
        caption.setId("insurance-caption");
        TableView<EventRow> fills = new TableView<>(vm.deleveraging());
        fills.setId("insurance-deleveraging");
        fills.getColumns().addAll(OverviewView.column("Time (UTC)", (EventRow e) -> Format.clock(e.timeMs())),
                OverviewView.column("Policy", EventRow::kind), OverviewView.column("Bankrupt", EventRow::account),
                OverviewView.column("Market", EventRow::market),
                OverviewView.column("Size", e -> e.size() == 0 ? "" : String.format(java.util.Locale.ROOT, "%,.4f",
                        e.size())),
                OverviewView.column("Price", e -> Format.price(e.priceUsd())),
                OverviewView.column("Notional", e -> Double.isNaN(e.priceUsd()) ? "" : Format.usd(
                        Math.abs(e.size()) * e.priceUsd())),
                OverviewView.column("Transfer", e -> Format.usd(e.amountUsd())),
                OverviewView.column("Counterparty / detail", EventRow::detail));
        fills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fills.setPlaceholder(new Label("no deleveraging: the fund covered every bankruptcy so far"));
        fills.setPrefHeight(240);
        root.getChildren().addAll(caption, chart, new Label("Deleveraging, socialized losses and deficits, newest first: who absorbed what the fund and the book"
                + " did not"), fills);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.setPadding(new Insets(10));
    }

    @Override
    public String name() {
        return "insurance";
    }

    @Override
    public String title() {
        return "Insurance fund";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        if (!rate.due(nowNanos, force)) {
            return;
        }
        work.points(ChartSeries.syncAll(series));
    }
}
