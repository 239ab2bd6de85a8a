package io.solvent.app.stress;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import io.solvent.app.chart.Charts;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.scenario.ReverseStress;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The console's "Batch" section: the setup of a stress grid, a reverse stress search or Monte Carlo paths, a progress
 * bar with Cancel, and the results — a grid as a sortable table and a bar chart of bad debt (and deficit) per cell, the reverse
 * stress as figures and the fund's minimum per drop tried, Monte Carlo as histograms of bad debt and of fund loss with
 * VaR and expected shortfall at 95% and 99% marked. One node ({@link #node()}); everything it shows comes from its
 * {@link StressTaskViewModel}. FX thread only.
 */
public final class StressPanel {
    private static final String VAR95 = "#e3b341";
    private static final String VAR99 = "#f85149";
    private static final String BARS = "#58a6ff";
    private static final String SECOND = "#a371f7";

    private final StressTaskViewModel vm;
    private final VBox root = new VBox(8);
    private final VBox axisRows = new VBox(4);
    private boolean editingAxis;
    private final StackPane results = new StackPane();
    private final TableView<StressResult.RunRow> gridTable = new TableView<>();
    private final ObservableList<String> cellLabels = FXCollections.observableArrayList();
    private List<String> gridKeys;
    private final XYChart gridChart;
    private final ErrorDataSetRenderer gridBars;
    private final VBox gridView;
    private final GridPane reverseFigures = new GridPane(14, 4);
    private final XYChart reverseChart;
    private final ErrorDataSetRenderer reversePoints;
    private final ErrorDataSetRenderer reverseLine;
    private final VBox reverseView;
    private final XYChart badDebtChart;
    private final XYChart fundLossChart;
    private final ErrorDataSetRenderer badDebtBars;
    private final ErrorDataSetRenderer badDebtMarkers;
    private final ErrorDataSetRenderer fundLossBars;
    private final ErrorDataSetRenderer fundLossMarkers;
    private final GridPane tailTable = new GridPane(18, 4);
    private final Label tailWarning = new Label();
    private final VBox monteCarloView;

    /** @param vm the view model */
    public StressPanel(StressTaskViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("stress-panel");
        root.setPadding(new Insets(10));

        gridChart = Charts.categoryChart("Bad debt and deficit per cell", "cell", cellLabels, "amount", "USD");
        gridChart.setId("stress-grid-chart");
        gridBars = Charts.bars(gridChart, 20);
        gridBars.setShiftBar(true); // bad debt and deficit side by side in each cell
        gridTable.setId("stress-grid-table");
        gridTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        gridTable.setPlaceholder(new Label("no runs"));
        gridTable.setPrefHeight(240);
        gridTable.setMinHeight(140);
        pad(gridChart, false, true);
        usdTicks(gridChart.getYAxis());
        VBox.setVgrow(gridChart, Priority.ALWAYS);
        gridView = new VBox(6, gridTable, gridChart);

        reverseChart = Charts.numberChart("Lowest fund balance by drop tried", "uniform drop of every mapped price",
                "%", "lowest fund balance", "USD");
        reverseChart.setId("stress-reverse-chart");
        reversePoints = Charts.points(reverseChart);
        reverseLine = Charts.lines(reverseChart);
        pad(reverseChart, true, true);
        usdTicks(reverseChart.getYAxis());
        reverseFigures.setId("stress-reverse-figures");
        HBox reverseBox = new HBox(16, reverseFigures, reverseChart);
        HBox.setHgrow(reverseChart, Priority.ALWAYS);
        VBox.setVgrow(reverseBox, Priority.ALWAYS);
        reverseView = new VBox(6, reverseBox);

        badDebtChart = Charts.numberChart("Bad debt per path", "bad debt", "USD", "paths", "");
        badDebtChart.setId("stress-mc-bad-debt");
        badDebtBars = Charts.bars(badDebtChart, 10);
        badDebtMarkers = Charts.lines(badDebtChart);
        pad(badDebtChart, true, true);
        usdTicks(badDebtChart.getXAxis());
        fundLossChart = Charts.numberChart("Fund loss per path (opening − lowest balance)", "fund loss", "USD",
                "paths", "");
        fundLossChart.setId("stress-mc-fund-loss");
        fundLossBars = Charts.bars(fundLossChart, 10);
        fundLossMarkers = Charts.lines(fundLossChart);
        pad(fundLossChart, true, true);
        usdTicks(fundLossChart.getXAxis());
        HBox charts = new HBox(10, badDebtChart, fundLossChart);
        HBox.setHgrow(badDebtChart, Priority.ALWAYS);
        HBox.setHgrow(fundLossChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        tailTable.setId("stress-mc-tail");
        tailWarning.getStyleClass().add("stress-warning");
        tailWarning.setWrapText(true);
        tailWarning.managedProperty().bind(tailWarning.visibleProperty());
        monteCarloView = new VBox(6, charts, tailTable, tailWarning);

        results.getChildren().addAll(gridView, reverseView, monteCarloView);
        VBox.setVgrow(results, Priority.ALWAYS);
        showResult(null);
        vm.resultProperty().addListener((o, a, b) -> showResult(b));

        root.getChildren().addAll(setup(), controls(), results);
    }

    /** Zero in range and a margin around the data, so that bars and markers at the ends are not cut by the axes. */
    private static void pad(XYChart chart, boolean x, boolean y) {
        if (x && chart.getXAxis() instanceof DefaultNumericAxis a) {
            a.setForceZeroInRange(true);
            a.setAutoRangePadding(0.04);
        }
        if (y && chart.getYAxis() instanceof DefaultNumericAxis a) {
            a.setForceZeroInRange(true);
            a.setAutoRangePadding(0.06);
        }
    }

    /**
     * Dollar ticks ($0.08, $2.5k, $1.2M) instead of ChartFX's unit scaling, whose "mUSD" (milli) reads as millions.
     */
    private static void usdTicks(io.fair_acc.chartfx.axes.Axis axis) {
        if (axis instanceof DefaultNumericAxis a) {
            a.setAutoUnitScaling(false);
            a.setUnitScaling(1);
            a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return tickUsd(n.doubleValue());
                }

                @Override
                public Number fromString(String s) {
                    throw new UnsupportedOperationException(s);
                }
            });
        }
    }

    /** @param usd an amount, USD @return compact, for an axis tick: {@code $0}, {@code $0.08}, {@code $2.5k} */
    static String tickUsd(double usd) {
        double a = Math.abs(usd);
        String sign = usd < 0 ? "−" : "";
        String[] suffix = {"", "k", "M", "B"};
        int k = 0;
        while (a >= 1000 && k < suffix.length - 1) {
            a /= 1000;
            k++;
        }
        String digits = new java.math.BigDecimal(String.format(Locale.ROOT, a < 1 && k == 0 ? "%.4f" : "%.2f", a))
                .stripTrailingZeros().toPlainString();
        return digits.equals("0") ? "$0" : sign + "$" + digits + suffix[k];
    }

    /** @return the panel, to place in the Compare view's "Batch" section */
    public Node node() {
        return root;
    }

    /** @return its view model */
    public StressTaskViewModel viewModel() {
        return vm;
    }

    /**
     * Writes the result's table as CSV, atomically (for a menu's "Export batch table…").
     *
     * @param file the CSV
     * @throws IOException           when it cannot be written
     * @throws IllegalStateException when there is no result yet
     */
    public void exportCsv(Path file) throws IOException {
        vm.exportCsv(file);
    }

    // ----- setup -----

    private Node setup() {
        Label title = new Label("Batch analysis");
        title.getStyleClass().add("section");
        ChoiceBox<StressTaskViewModel.Mode> mode = new ChoiceBox<>(
                FXCollections.observableArrayList(StressTaskViewModel.Mode.values()));
        mode.setId("stress-mode");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Spinner<Integer> threads = new Spinner<>(1, 64, vm.threadsProperty().get());
        threads.setId("stress-threads");
        threads.setPrefWidth(80);
        threads.valueProperty().addListener((o, a, b) -> vm.threadsProperty().set(b));
        HBox head = new HBox(10, title, new Label("Analysis"), mode, new Label("Runs at once"), threads);
        head.setAlignment(Pos.CENTER_LEFT);

        Node grid = gridForm();
        Node reverse = reverseForm();
        Node monteCarlo = monteCarloForm();
        showOnly(vm.modeProperty().get(), grid, reverse, monteCarlo);
        vm.modeProperty().addListener((o, a, b) -> showOnly(b, grid, reverse, monteCarlo));
        return new VBox(6, head, grid, reverse, monteCarlo);
    }

    private static void showOnly(StressTaskViewModel.Mode m, Node grid, Node reverse, Node monteCarlo) {
        for (Node n : List.of(grid, reverse, monteCarlo)) {
            boolean on = n == switch (m) {
                case GRID -> grid;
                case REVERSE -> reverse;
                case MONTE_CARLO -> monteCarlo;
            };
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private Node gridForm() {
        Button add = new Button("+ Parameter");
        add.setId("stress-grid-add");
        add.setOnAction(e -> vm.axes().add(new StressTaskViewModel.Axis("", "")));
        CheckBox fork = new CheckBox();
        fork.setId("stress-grid-fork");
        Runnable moment = () -> {
            fork.setText(vm.hasMoment() ? "Fork every cell at the current moment, " + Format.time(vm.momentMs())
                    + " (the history before it as it happened)" : "Fork at the current moment (no run under way)");
            fork.setDisable(!vm.hasMoment());
        };
        moment.run();
        vm.momentProperty().addListener((o, a, b) -> moment.run());
        fork.selectedProperty().bindBidirectional(vm.forkAtMomentProperty());
        Label hint = new Label("One row per parameter, its values comma-separated; every combination runs"
                + " (the last row varies fastest).");
        hint.getStyleClass().add("caption");
        rebuildAxisRows();
        vm.axes().addListener((ListChangeListener<StressTaskViewModel.Axis>) c -> {
            if (!editingAxis) { // a row's own edit keeps its controls (and their focus); anything else redraws them
                rebuildAxisRows();
            }
        });
        HBox bottom = new HBox(12, add, fork);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, hint, axisRows, bottom);
        box.setId("stress-grid-form");
        return box;
    }

    private void rebuildAxisRows() {
        axisRows.getChildren().clear();
        for (int i = 0; i < vm.axes().size(); i++) {
            axisRows.getChildren().add(axisRow(i));
        }
    }

    private Node axisRow(int i) {
        StressTaskViewModel.Axis a = vm.axes().get(i);
        ComboBox<String> key = new ComboBox<>(FXCollections.observableArrayList(vm.keys()));
        key.setId("stress-grid-key-" + i);
        key.setPromptText("parameter");
        key.setPrefWidth(360);
        key.setVisibleRowCount(16);
        key.setValue(a.key().isEmpty() ? null : a.key());
        Label now = new Label(a.key().isEmpty() ? "" : "now " + vm.currentValue(a.key()));
        now.getStyleClass().add("caption");
        now.setMinWidth(110);
        TextField values = new TextField(a.values());
        values.setId("stress-grid-values-" + i);
        values.setPromptText("values, comma-separated");
        HBox.setHgrow(values, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.axes().remove(axisRows.getChildren().indexOf(remove.getParent())));
        key.valueProperty().addListener((o, x, k) -> {
            int at = axisRows.getChildren().indexOf(key.getParent());
            now.setText(k == null ? "" : "now " + vm.currentValue(k));
            editAxis(at, new StressTaskViewModel.Axis(k == null ? "" : k, vm.axes().get(at).values()));
        });
        values.textProperty().addListener((o, x, v) -> {
            int at = axisRows.getChildren().indexOf(values.getParent());
            editAxis(at, new StressTaskViewModel.Axis(vm.axes().get(at).key(), v));
        });
        HBox row = new HBox(8, key, now, values, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void editAxis(int at, StressTaskViewModel.Axis a) {
        editingAxis = true;
        try {
            vm.axes().set(at, a);
        } finally {
            editingAxis = false;
        }
    }

    private Node reverseForm() {
        TextField at = new TextField();
        at.setId("stress-reverse-at");
        at.textProperty().bindBidirectional(vm.shockAtProperty());
        at.setPrefColumnCount(22);
        TextField drop = new TextField();
        drop.setId("stress-reverse-max-drop");
        drop.textProperty().bindBidirectional(vm.maxDropPercentProperty());
        drop.setPrefColumnCount(6);
        Label hint = new Label("The smallest uniform instant drop of every mapped price that empties the insurance"
                + " fund, by bisection from 0 to the largest drop.");
        hint.getStyleClass().add("caption");
        HBox row = new HBox(8, new Label("Shock at (UTC, ISO-8601 or ms)"), at, new Label("Largest drop, %"), drop);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, hint, row);
        box.setId("stress-reverse-form");
        return box;
    }

    private Node monteCarloForm() {
        TextField paths = new TextField();
        paths.setId("stress-mc-paths");
        paths.textProperty().bindBidirectional(vm.pathsProperty());
        paths.setPrefColumnCount(7);
        TextField seed = new TextField();
        seed.setId("stress-mc-seed");
        seed.textProperty().bindBidirectional(vm.seedProperty());
        seed.setPrefColumnCount(8);
        ListView<Path> files = new ListView<>(vm.calibrationFiles());
        files.setId("stress-mc-files");
        files.setPrefHeight(64);
        files.setPlaceholder(new Label("no calibration file: add the recorded files of a window"));
        HBox.setHgrow(files, Priority.ALWAYS);
        Button add = new Button("Add files…");
        add.setId("stress-mc-add");
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Recorded files of the window to calibrate to");
            List<java.io.File> picked = chooser.showOpenMultipleDialog(root.getScene() == null ? null
                    : root.getScene().getWindow());
            if (picked != null) {
                picked.forEach(f -> vm.calibrationFiles().add(f.toPath()));
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            Path p = files.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.calibrationFiles().remove(p);
            }
        });
        Label hint = new Label("Seeded correlated paths calibrated to the volatility and correlation of a recorded"
                + " window (path i uses seed + i; at most " + Format.count(StressTaskViewModel.MAX_PATHS) + ").");
        hint.getStyleClass().add("caption");
        HBox row = new HBox(8, new Label("Paths"), paths, new Label("Seed"), seed);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox fileRow = new HBox(8, new Label("Calibrate to"), files, new VBox(4, add, remove));
        VBox box = new VBox(4, hint, row, fileRow);
        box.setId("stress-mc-form");
        return box;
    }

    private Node controls() {
        Button run = new Button("Run");
        run.setId("stress-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.canStartProperty().not());
        run.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("stress-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("stress-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("stress-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, run, cancel, bar, status);
        row.setAlignment(Pos.CENTER_LEFT);
        Label plan = new Label();
        plan.setId("stress-plan");
        plan.textProperty().bind(vm.planProperty());
        plan.getStyleClass().add("caption");
        VBox problems = new VBox(2);
        problems.setId("stress-problems");
        Runnable showProblems = () -> problems.getChildren().setAll(vm.problems().stream().map(p -> {
            Label l = new Label(p);
            l.getStyleClass().add("stress-problem");
            l.setWrapText(true);
            return (Node) l;
        }).toList());
        showProblems.run();
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems.run());
        return new VBox(4, plan, problems, row);
    }

    // ----- results -----

    private void showResult(StressResult r) {
        gridView.setVisible(r instanceof StressResult.GridResult);
        reverseView.setVisible(r instanceof StressResult.ReverseResult);
        monteCarloView.setVisible(r instanceof StressResult.MonteCarloResult);
        switch (r) {
            case null -> { }
            case StressResult.GridResult g -> showGrid(g);
            case StressResult.ReverseResult v -> showReverse(v);
            case StressResult.MonteCarloResult m -> showMonteCarlo(m);
        }
    }

    private void showGrid(StressResult.GridResult g) {
        if (!g.keys().equals(gridKeys)) { // the same grid's later results keep the columns and the operator's sort
            gridKeys = g.keys();
            gridColumns(g);
        }
        gridTable.getItems().setAll(g.rows());
        gridTable.sort();
        boolean shortLabels = g.rows().stream().allMatch(r -> String.join(" · ", r.set().values()).length() <= 16);
        cellLabels.setAll(g.rows().stream().map(r -> shortLabels ? String.join(" · ", r.set().values())
                : "#" + (r.index() + 1)).toList());
        double[] xs = new double[g.rows().size()];
        double[] ys = new double[xs.length];
        double[] deficit = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
            ys[i] = g.rows().get(i).badDebtUsd();
            deficit[i] = g.rows().get(i).deficitUsd();
        }
        int barPx = (int) Math.clamp(900.0 / Math.max(1, xs.length) * 0.25, 2, 30);
        gridBars.setBarWidth(barPx);
        gridBars.setshiftBarOffset(barPx + 1);
        String partial = g.cancelled() ? " (partial: finished cells only)"
                : g.rows().size() < g.planned() ? " (under way: finished cells so far)" : "";
        DoubleDataSet d = new DoubleDataSet("bad debt, USD" + partial);
        d.setStyle(Charts.line(BARS, 1));
        d.set(xs, ys);
        DoubleDataSet left = new DoubleDataSet("deficit left on the books after deleveraging, USD");
        left.setStyle(Charts.line(SECOND, 1));
        left.set(xs, deficit);
        setData(gridBars, d, left);
    }

    private void gridColumns(StressResult.GridResult g) {
        gridTable.getColumns().clear();
        TableColumn<StressResult.RunRow, Number> cell = number("cell", r -> r.index() + 1, v -> "#" + v.longValue());
        cell.setPrefWidth(50);
        cell.setMaxWidth(70);
        gridTable.getColumns().add(cell);
        for (String k : g.keys()) {
            TableColumn<StressResult.RunRow, String> c = new TableColumn<>(shortKey(k));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().set().get(k)));
            c.setPrefWidth(Math.clamp(7.0 * shortKey(k).length(), 90, 190));
            c.setMaxWidth(240);
            gridTable.getColumns().add(c);
        }
        gridTable.getColumns().add(number("bad debt, USD", StressResult.RunRow::badDebtUsd, StressPanel::usd));
        gridTable.getColumns().add(number("liquidations", StressResult.RunRow::liquidations,
                v -> Format.count(v.longValue())));
        gridTable.getColumns().add(number("liquidated, USD", StressResult.RunRow::liquidatedNotionalUsd,
                StressPanel::usd));
        gridTable.getColumns().add(number("fund end, USD", StressResult.RunRow::fundEndUsd, StressPanel::usd));
        gridTable.getColumns().add(number("fund min, USD", StressResult.RunRow::fundMinimumUsd, StressPanel::usd));
        gridTable.getColumns().add(number("ADL fills", StressResult.RunRow::deleveragingFills,
                v -> Format.count(v.longValue())));
        gridTable.getColumns().add(number("deleveraged, USD", StressResult.RunRow::deleveragedNotionalUsd,
                StressPanel::usd));
        gridTable.getColumns().add(number("deficit, USD", StressResult.RunRow::deficitUsd, StressPanel::usd));
        TableColumn<StressResult.RunRow, String> hash = new TableColumn<>("stateHash");
        hash.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().stateHash().substring(0, 12) + "…"));
        hash.setPrefWidth(120);
        gridTable.getColumns().add(hash);
    }

    private void showReverse(StressResult.ReverseResult r) {
        reverseFigures.getChildren().clear();
        int row = 0;
        row = figure(row, "Answer", r.label(), true);
        row = figure(row, "Shock at", Format.time(r.shockAtMs()), false);
        row = figure(row, "Largest drop tried", Format.percent(r.maxDrop()), false);
        row = figure(row, "Smallest drop that empties the fund", pct(r.emptiesAt()), true);
        row = figure(row, "Largest drop it survives", pct(r.survives()), false);
        row = figure(row, "Search tolerance", pct(ReverseStress.TOLERANCE), false);
        row = figure(row, "Runs", Format.count(r.trials().size()), false);
        if (r.run() != null) {
            StressResult.RunRow x = r.run();
            row = figure(row, "The run that empties it", "", true);
            row = figure(row, "  bad debt", Format.usd(x.badDebtUsd()), false);
            row = figure(row, "  liquidations", Format.count(x.liquidations()) + " ("
                    + Format.usd(x.liquidatedNotionalUsd()) + " notional)", false);
            row = figure(row, "  fund start → lowest", Format.usd(x.fundStartUsd()) + " → "
                    + Format.usd(x.fundMinimumUsd()), false);
            row = figure(row, "  deleveraging fills", Format.count(x.deleveragingFills()), false);
            row = figure(row, "  deficit", Format.usd(x.deficitUsd()), false);
            figure(row, "  stateHash", x.stateHash().substring(0, 16) + "…", false);
        }
        DoubleDataSet emptied = new DoubleDataSet("emptied the fund");
        DoubleDataSet survived = new DoubleDataSet("fund survived");
        emptied.setStyle(Charts.marker(VAR99, 5, "circle"));
        survived.setStyle(Charts.marker("#3fb950", 5, "circle"));
        for (ReverseStress.Trial t : r.trials()) {
            (t.emptied() ? emptied : survived).add(100 * t.drop(), t.fundMinimumUsd());
        }
        setData(reversePoints, emptied, survived);
        double top = r.trials().stream().mapToDouble(ReverseStress.Trial::fundMinimumUsd).max().orElse(0);
        setData(reverseLine, Double.isNaN(r.emptiesAt()) ? new DoubleDataSet("none")
                : marker("smallest drop that empties the fund " + pct(r.emptiesAt()), 100 * r.emptiesAt(),
                        Math.max(1, top), VAR99, true));
    }

    private int figure(int row, String name, String value, boolean strong) {
        Label n = new Label(name);
        n.getStyleClass().add("caption");
        Label v = new Label(value);
        v.getStyleClass().add(strong ? "stress-figure" : "stress-value");
        v.setWrapText(true);
        v.setMaxWidth(420);
        reverseFigures.add(n, 0, row);
        reverseFigures.add(v, 1, row);
        return row + 1;
    }

    private void showMonteCarlo(StressResult.MonteCarloResult m) {
        histogram(m.badDebt(), "bad debt", badDebtBars, badDebtMarkers, m.cancelled());
        histogram(m.fundLoss(), "fund loss", fundLossBars, fundLossMarkers, m.cancelled());
        tailTable.getChildren().clear();
        String[] head = {"confidence", "VaR of bad debt", "ES of bad debt", "VaR of fund loss", "ES of fund loss",
            "paths in the tail"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(head[c]);
            l.getStyleClass().add("caption");
            tailTable.add(l, c, 0);
        }
        for (int i = 0; i < m.badDebt().levels().size(); i++) {
            StressResult.TailLevel b = m.badDebt().levels().get(i);
            StressResult.TailLevel f = m.fundLoss().levels().get(i);
            String[] cells = {Format.percent(b.level()), Format.usd(b.varUsd()), Format.usd(b.esUsd()),
                Format.usd(f.varUsd()), Format.usd(f.esUsd()), Format.count(b.pathsInTail())
                    + (b.reliable() ? "" : " (fewer than 10)")};
            for (int c = 0; c < cells.length; c++) {
                Label l = new Label(cells[c]);
                l.getStyleClass().add(c == 0 ? "stress-value" : "stress-figure");
                if (!b.reliable() && c == cells.length - 1) {
                    l.getStyleClass().setAll("label", "stress-warning");
                }
                tailTable.add(l, c, i + 1);
            }
        }
        Label means = new Label("mean bad debt " + Format.usd(m.badDebt().meanUsd()) + ", largest "
                + Format.usd(m.badDebt().maxUsd()) + " · mean fund loss " + Format.usd(m.fundLoss().meanUsd())
                + ", largest " + Format.usd(m.fundLoss().maxUsd()) + " · calibrated to " + calibration(m));
        means.getStyleClass().add("caption");
        tailTable.add(means, 0, m.badDebt().levels().size() + 1, head.length, 1);
        tailWarning.setVisible(m.thinTail() || m.cancelled());
        tailWarning.setText((m.cancelled() ? "Partial: cancelled after " + m.paths().size() + " of "
                + Format.count(m.planned()) + " paths; the figures are those of paths 0–" + (m.paths().size() - 1)
                + " (a run of " + m.paths().size() + " paths with the same seed). " : "")
                + (m.thinTail() ? "Thin tail: with " + m.paths().size() + " paths the 99% VaR and ES rest on "
                + m.badDebt().at(0.99).pathsInTail() + " path(s), the 95% on " + m.badDebt().at(0.95).pathsInTail()
                + "; " + Format.count(io.solvent.engine.scenario.MonteCarlo.pathsFor(0.99))
                + " paths or more put 10 in the 99% tail." : ""));
    }

    private static String calibration(StressResult.MonteCarloResult m) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < m.symbols().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(m.symbols().get(i)).append(" σ ")
                    .append(Format.percent(m.volatility()[i])).append("/yr");
        }
        return s.toString();
    }

    private static void histogram(StressResult.Tail tail, String what, ErrorDataSetRenderer bars,
                                  ErrorDataSetRenderer markers, boolean partial) {
        Histogram h = Histogram.of(tail.lossesUsd());
        DoubleDataSet d = new DoubleDataSet("paths per " + Format.usd(h.width()) + " of " + what
                + (partial ? " (partial)" : ""));
        d.setStyle(Charts.line(what.equals("bad debt") ? BARS : SECOND, 1));
        d.set(h.centres(), h.counts());
        bars.setBarWidth((int) Math.clamp(420.0 / h.centres().length * 0.7, 3, 40));
        setData(bars, d);
        double top = Math.max(1, h.maxCount()) * 1.08;
        StressResult.TailLevel l95 = tail.at(0.95);
        StressResult.TailLevel l99 = tail.at(0.99);
        setData(markers,
                marker("VaR 95% " + Format.usd(l95.varUsd()), l95.varUsd(), top, VAR95, false),
                marker("ES 95% " + Format.usd(l95.esUsd()), l95.esUsd(), top, VAR95, true),
                marker("VaR 99% " + Format.usd(l99.varUsd()), l99.varUsd(), top, VAR99, false),
                marker("ES 99% " + Format.usd(l99.esUsd()), l99.esUsd(), top, VAR99, true));
    }

    private static DoubleDataSet marker(String name, double x, double top, String color, boolean dashed) {
        DoubleDataSet d = new DoubleDataSet(name);
        d.set(new double[] {x, x}, new double[] {0, top});
        DataSetStyleBuilder s = DataSetStyleBuilder.newInstance().setLineColor(color).setStroke(color)
                .setMarkerColor(color).setFill(color).setLineWidth(2);
        if (dashed) {
            s.setLineDashes(6, 4);
        }
        d.setStyle(s.build());
        return d;
    }

    private static void setData(ErrorDataSetRenderer r, DoubleDataSet... sets) {
        r.getDatasets().clear();
        for (DoubleDataSet d : sets) {
            if (d.getDataCount() > 0) { // ChartFX 11.3.1 redraws endlessly around an empty dataset
                r.getDatasets().add(d);
            }
        }
    }

    private static TableColumn<StressResult.RunRow, Number> number(String title,
            Function<StressResult.RunRow, Number> value, Function<Number, String> text) {
        TableColumn<StressResult.RunRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setComparator((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(Math.max(80, 8 * title.length()));
        return c;
    }

    private static String usd(Number v) {
        return Format.usd(v.doubleValue());
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.3f%%", 100 * fraction);
    }

    /** A column title for a dotted key: the key, or past its first segment when long. */
    private static String shortKey(String key) {
        if (key.length() <= 24) {
            return key;
        }
        int dot = key.indexOf('.');
        String tail = dot < 0 ? key : key.substring(dot + 1);
        return tail.length() <= 28 ? tail : "…" + tail.substring(tail.length() - 27);
    }
}
