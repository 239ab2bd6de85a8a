package io.solvent.app.view;

import io.solvent.app.chart.ChartSeries;
import io.solvent.app.chart.Charts;
import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.MarketViewModel;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * One asset's prices over the run (ChartFX): the feed's, the oracle's and the price accounts are valued at, with the
 * simulated liquidations and bankruptcies and the venue's own liquidations as markers. Redrawn at most once a second
 * with only the new points; ChartFX reduces a day of seconds to the pixels it has.
 */
public final class MarketView implements ConsoleView {
    private final MarketViewModel vm;
    private final PulseWork work;
    private final VBox root = new VBox(6);
    private final List<ChartSeries> series;
    private final ChartRate rate = new ChartRate(1_000_000_000L);
    private final XYChart chart;

    /** @param vm the view model @param work where the FX thread's work is counted */
    public MarketView(MarketViewModel vm, PulseWork work) {
        this.vm = vm;
        this.work = work;
        chart = Charts.timeChart("Feed, oracle and account prices with liquidations", "price", "USD");
        chart.setId("market-chart");
        ErrorDataSetRenderer lines = Charts.lines(chart);
        ErrorDataSetRenderer marks = Charts.points(chart);
        series = List.of(
                new ChartSeries(vm.feed(), lines, Charts.line("#8b949e", 1)),
                new ChartSeries(vm.oracle(), lines, Charts.line("#58a6ff", 1.5)),
                new ChartSeries(vm.price(), lines, Charts.line("#e3b341", 1.5)),
                new ChartSeries(vm.liquidations(), marks, Charts.marker("#f85149", 3, "circle")),
                new ChartSeries(vm.bankruptcies(), marks, Charts.marker("#d2a8ff", 6, "diamond")),
                new ChartSeries(vm.venueLiquidations(), marks, Charts.marker("#3fb950", 4, "rectangle")));
        ChoiceBox<String> asset = new ChoiceBox<>(vm.assets());
        asset.setId("market-asset");
        asset.valueProperty().bindBidirectional(vm.assetProperty());
        Label headline = new Label();
        headline.setId("market-headline");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        HBox bar = new HBox(10, new Label("Asset"), asset, headline);
        HBox.setHgrow(headline, Priority.ALWAYS);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(bar, chart);
        root.setPadding(new Insets(10));
    }

    @Override
    public String name() {
        return "market";
    }

    @Override
    public String title() {
        return "Market";
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
