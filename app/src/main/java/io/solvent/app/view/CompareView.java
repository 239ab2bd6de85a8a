package io.solvent.app.view;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.solvent.app.chart.ChartSeries;
import io.solvent.app.chart.Charts;
import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.CompareRow;
import io.solvent.app.viewmodel.CompareViewModel;
import io.solvent.app.viewmodel.Format;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Compare view: every run side by side (the original, its forks) — insurance fund balance, bad debt, liquidated
 * and deleveraged notional over time, one line per run — and the table of differences at the cursor and at each run's
 * end. Batch results (stress grids, reverse stress, Monte Carlo) sit in the second tab when a batch panel is given.
 */
public final class CompareView implements ConsoleView {
    /** Run colours, in the runs' order (the original first). */
    public static final List<String> COLOURS = List.of("#8b949e", "#58a6ff", "#f0883e", "#3fb950", "#d2a8ff",
            "#f85149", "#e3b341", "#39c5cf");
    private static final List<String> SHORT = List.of("fund", "bad debt", "liquidated", "deleveraged");
    private final CompareViewModel vm;
    private final PulseWork work;
    private final TabPane root = new TabPane();
    private final XYChart[] charts = new XYChart[CompareViewModel.CHARTS.size()];
    private final ErrorDataSetRenderer[] renderers = new ErrorDataSetRenderer[charts.length];
    private final List<ChartSeries> series = new ArrayList<>();
    private final TableView<CompareRow> table = new TableView<>();
    private final Label caption = new Label();
    private final ChartRate rate = new ChartRate(1_000_000_000L);
    private long builtVersion = -1;

    /** @param vm the view model @param work where the FX thread's work is counted */
    public CompareView(CompareViewModel vm, PulseWork work) {
        this.vm = vm;
        this.work = work;
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < charts.length; i++) {
            String name = CompareViewModel.CHARTS.get(i);
            charts[i] = Charts.timeChart(name, SHORT.get(i), "USD");
            charts[i].setId("compare-chart-" + i);
            charts[i].setLegendVisible(true);
            renderers[i] = Charts.lines(charts[i]);
            grid.add(charts[i], i % 2, i / 2);
            GridPane.setHgrow(charts[i], Priority.ALWAYS);
            GridPane.setVgrow(charts[i], Priority.ALWAYS);
        }
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("one run so far: fork it (Parameters → Fork here) to compare"));
        table.setItems(vm.rows());
        vm.labels().addListener((ListChangeListener<String>) c -> columns());
        columns();
        caption.setId("compare-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        VBox top = new VBox(4, caption, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        top.setPadding(new Insets(8, 8, 0, 8));
        SplitPane split = new SplitPane(top, table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        Tab runs = new Tab("Runs", split);
        runs.setClosable(false);
        root.getTabs().add(runs);
        root.setId("compare-view");
    }

    /** @param title the batch tab's title @param batch the node with batch runs' results (stress grid, Monte Carlo) */
    public void addTab(String title, Node batch) {
        Tab t = new Tab(title, batch);
        t.setClosable(false);
        t.setId("compare-tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        root.getTabs().add(t);
    }

    /** @param i the tab to show: 0 for the runs, 1 for the first added (the batch) */
    public void selectTab(int i) {
        if (i < root.getTabs().size()) {
            root.getSelectionModel().select(i);
        }
    }

    private void columns() {
        List<String> labels = List.copyOf(vm.labels());
        table.getColumns().clear();
        TableColumn<CompareRow, String> metric = new TableColumn<>("Figure");
        metric.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().metric()));
        metric.setPrefWidth(200);
        TableColumn<CompareRow, String> cursor = new TableColumn<>("At the cursor");
        TableColumn<CompareRow, String> end = new TableColumn<>("At each run's end (or where it stands)");
        for (int i = 0; i < labels.size(); i++) {
            int k = i;
            cursor.getColumns().add(col(labels.get(i), r -> num(r.atCursor().get(k), r.metric())));
            end.getColumns().add(col(labels.get(i), r -> num(r.atEnd().get(k), r.metric())));
        }
        if (labels.size() > 1) {
            String d = "Δ " + labels.getLast() + " − " + labels.getFirst();
            cursor.getColumns().add(col(d, r -> signed(r.cursorDifference(), r.metric())));
            end.getColumns().add(col(d, r -> signed(r.endDifference(), r.metric())));
        }
        table.getColumns().add(metric);
        table.getColumns().add(cursor);
        table.getColumns().add(end);
    }

    private static TableColumn<CompareRow, String> col(String title, java.util.function.Function<CompareRow, String> f) {
        TableColumn<CompareRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static String num(double v, String metric) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return metric.contains("(count)") ? Format.count((long) v) : Format.usd(v);
    }

    private static String signed(double v, String metric) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) < 0.005) {
            return num(0, metric);
        }
        return (v > 0 ? "+" : v < 0 ? "−" : "") + num(Math.abs(v), metric);
    }

    private void rebuild() {
        builtVersion = vm.version();
        series.clear();
        for (ErrorDataSetRenderer r : renderers) {
            r.getDatasets().clear();
        }
        List<CompareViewModel.RunSeries> runs = vm.runs();
        for (int k = 0; k < runs.size(); k++) {
            String colour = COLOURS.get(k % COLOURS.size());
            for (int i = 0; i < charts.length; i++) {
                series.add(new ChartSeries(runs.get(k).series(i), renderers[i], Charts.line(colour, k == 0 ? 2.5
                        : 1.8)));
            }
        }
    }

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String title() {
        return "Compare";
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
        if (vm.version() != builtVersion) {
            rebuild();
        }
        vm.refresh();
        work.points(ChartSeries.syncAll(series));
    }
}
