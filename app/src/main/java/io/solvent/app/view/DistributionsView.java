package io.solvent.app.view;

import io.solvent.app.chart.ChartSeries;
import io.solvent.app.chart.Charts;
import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.DistributionsViewModel;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The venue's risk as distributions (ChartFX): the health-factor histogram, a market's liquidation ladder on an
 * absolute price scale with the price now marked, and the liquidations-at-risk curve. Redrawn when the engine's
 * whole-book pass brings new figures, at most once a second.
 */
public final class DistributionsView implements ConsoleView {
    private final DistributionsViewModel vm;
    private final PulseWork work;
    private final VBox root = new VBox(6);
    private final List<ChartSeries> series;
    private final ChartRate rate = new ChartRate(1_000_000_000L);
    private final XValueIndicator priceNow;
    private long revision = -1;

    /** @param vm the view model @param work where the FX thread's work is counted */
    public DistributionsView(DistributionsViewModel vm, PulseWork work) {
        this.vm = vm;
        this.work = work;
        XYChart health = Charts.categoryChart("Health factor distribution", "health factor (×)", vm.healthLabels(),
                "sub-accounts", "");
        health.setId("distributions-health");
        XYChart ladder = Charts.numberChart("Liquidation ladder", "price of the underlying", "USD",
                "notional liquidated at the level", "USD");
        ladder.setId("distributions-ladder");
        XYChart atRisk = Charts.numberChart("Liquidations at risk", "uniform move of every asset", "%",
                "notional of sub-accounts liquidatable", "USD");
        atRisk.setId("distributions-at-risk");
        priceNow = new XValueIndicator(ladder.getXAxis(), 0, "price now");
        ladder.getPlugins().add(priceNow);
        series = List.of(
                new ChartSeries(vm.healthCounts(), Charts.bars(health, 28), Charts.line("#58a6ff", 1)),
                new ChartSeries(vm.ladderLongs(), Charts.bars(ladder, 4), Charts.line("#f85149", 1)),
                new ChartSeries(vm.ladderShorts(), Charts.bars(ladder, 4), Charts.line("#3fb950", 1)),
                new ChartSeries(vm.atRisk(), Charts.lines(atRisk), Charts.line("#e3b341", 2)));
        ChoiceBox<String> market = new ChoiceBox<>(vm.markets());
        market.setId("distributions-market");
        market.valueProperty().bindBidirectional(vm.marketProperty());
        Label caption = new Label();
        caption.textProperty().bind(vm.captionProperty());
        caption.setWrapText(true);
        caption.setId("distributions-caption");
        Label ladderCaption = new Label();
        ladderCaption.textProperty().bind(vm.ladderCaptionProperty());
        ladderCaption.setWrapText(true);
        ladderCaption.getStyleClass().add("caption");
        Label marketLabel = new Label("Ladder market");
        marketLabel.setMinWidth(Label.USE_PREF_SIZE);
        market.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(10, marketLabel, market);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        caption.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane(10, 6);
        grid.add(new VBox(4, health), 0, 0);
        grid.add(new VBox(4, atRisk), 1, 0);
        grid.add(new VBox(4, ladder, ladderCaption), 0, 1, 2, 1);
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
            VBox.setVgrow(((VBox) n).getChildren().getFirst(), Priority.ALWAYS);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        root.getChildren().addAll(bar, caption, grid);
        root.setPadding(new Insets(10));
    }

    @Override
    public String name() {
        return "distributions";
    }

    @Override
    public String title() {
        return "Distributions";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        if (vm.revisionProperty().get() == revision || !rate.due(nowNanos, force)) {
            return;
        }
        revision = vm.revisionProperty().get();
        int n = ChartSeries.syncAll(series);
        if (!Double.isNaN(vm.ladderPrice())) {
            priceNow.setValue(vm.ladderPrice());
        }
        work.points(n);
    }
}
