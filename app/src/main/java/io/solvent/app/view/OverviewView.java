package io.solvent.app.view;

import io.solvent.app.service.PulseWork;
import io.solvent.app.tiles.FigureTile;
import io.solvent.app.tiles.TilePalette;
import io.solvent.app.viewmodel.Format;
import io.solvent.app.viewmodel.OverviewViewModel;
import io.solvent.app.viewmodel.XYSeries;
import eu.hansolo.tilesfx.Tile;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The venue at a glance: eight TilesFX tiles coloured by threshold (fund, coverage, bad debt, at risk, liquidations per
 * minute with its spark line, open interest, the venue's net delta, oracle freshness) above each market's open
 * interest by side.
 */
public final class OverviewView implements ConsoleView {
    private final OverviewViewModel vm;
    private final PulseWork work;
    private final FigureTile fund;
    private final FigureTile coverage;
    private final FigureTile badDebt;
    private final FigureTile atRisk;
    private final FigureTile liquidations;
    private final FigureTile openInterest;
    private final FigureTile netDelta;
    private final FigureTile freshness;
    private final List<FigureTile> tiles;
    private final VBox root = new VBox(10);
    private int sparkHanded;
    private long sparkEpoch = Long.MIN_VALUE;

    /**
     * @param vm      the view model
     * @param palette the tiles' colours
     * @param work    where the FX thread's work is counted
     */
    public OverviewView(OverviewViewModel vm, TilePalette palette, PulseWork work) {
        this.vm = vm;
        this.work = work;
        fund = new FigureTile("Insurance fund", palette, Tile.SkinType.NUMBER);
        coverage = new FigureTile("Fund coverage", palette, Tile.SkinType.NUMBER);
        badDebt = new FigureTile("Bad debt", palette, Tile.SkinType.NUMBER);
        atRisk = new FigureTile("At risk", palette, Tile.SkinType.NUMBER);
        liquidations = new FigureTile("Liquidations per min", palette, Tile.SkinType.SPARK_LINE);
        openInterest = new FigureTile("Open interest", palette, Tile.SkinType.NUMBER);
        netDelta = new FigureTile("Venue net delta", palette, Tile.SkinType.NUMBER);
        freshness = new FigureTile("Oracles fresh", palette, Tile.SkinType.NUMBER);
        tiles = List.of(fund, coverage, badDebt, atRisk, liquidations, openInterest, netDelta, freshness);
        GridPane grid = new GridPane(10, 10);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i).tile();
            t.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            GridPane.setHgrow(t, Priority.ALWAYS);
            GridPane.setVgrow(t, Priority.ALWAYS);
            grid.add(t, i % 4, i / 4);
        }
        TableView<OverviewViewModel.MarketLine> markets = new TableView<>(vm.markets());
        markets.setId("overview-markets");
        markets.getColumns().add(column("Market", OverviewViewModel.MarketLine::market));
        markets.getColumns().add(column("Long OI", l -> Format.usd(l.longUsd())));
        markets.getColumns().add(column("Short OI", l -> Format.usd(l.shortUsd())));
        markets.getColumns().add(column("Long share", l -> Format.percent(l.longShare())));
        markets.getColumns().add(column("Users' net delta", l -> Format.usd(l.netUsd())));
        markets.getColumns().add(column("Venue holds", l -> Format.usd(-l.netUsd())));
        markets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        markets.setPlaceholder(new Label("open interest comes with the engine's first whole-book pass"));
        markets.setPrefHeight(280);
        Label caption = new Label("Open interest by market and side, at the prices accounts see (USD); the venue's"
                + " counterparty — a pool, a backstop, market makers — holds the opposite of users' net delta.");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        root.getChildren().addAll(grid, caption, markets);
        VBox.setVgrow(grid, Priority.ALWAYS);
        root.setPadding(new Insets(10));
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(
                d.getValue() == null ? "" : value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** @param palette the theme's tile colours */
    public void restyle(TilePalette palette) {
        tiles.forEach(t -> t.restyle(palette));
    }

    @Override
    public String name() {
        return "overview";
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        int n = fund.show(vm.fundProperty().get()) + coverage.show(vm.coverageProperty().get())
                + badDebt.show(vm.badDebtProperty().get()) + atRisk.show(vm.atRiskProperty().get())
                + liquidations.show(vm.liquidationRateProperty().get(), false)
                + openInterest.show(vm.openInterestProperty().get()) + netDelta.show(vm.netDeltaProperty().get())
                + freshness.show(vm.freshnessProperty().get());
        XYSeries spark = vm.liquidationsPerMinute();
        if (spark.epoch() != sparkEpoch) {
            sparkEpoch = spark.epoch();
            sparkHanded = Math.max(0, spark.size() - OverviewViewModel.SPARK_MINUTES);
        }
        for (; sparkHanded < spark.size(); sparkHanded++) { // one point per simulated minute
            liquidations.addHistory(spark.y(sparkHanded));
            n++;
        }
        work.nodes(n);
    }
}
