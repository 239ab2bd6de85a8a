package io.solvent.app.view;

import io.solvent.app.chart.ChartSeries;
import io.solvent.app.chart.Charts;
import io.solvent.app.viewmodel.DeleveragingLabViewModel;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.sim.lab.Payer;
import io.solvent.engine.sim.lab.PolicyOutcome;
import io.fair_acc.chartfx.XYChart;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The deleveraging lab: one bankruptcy the insurance fund cannot cover, settled under each policy. A policy comparison
 * table (shortfall, paid, deficit, accounts hit, largest loss, overshoot in USD and %, notional closed) beside a
 * ChartFX bar chart of what each policy paid and its overshoot; below, the payers of the policy selected in the table.
 * {@link DeleveragingLabViewModel#run} starts the lab as a background task, shown here with a progress bar and a Cancel
 * button; the FX thread only renders.
 */
public final class DeleveragingLabView implements ConsoleView {
    private final DeleveragingLabViewModel vm;
    private final VBox root = new VBox(8);
    private final List<ChartSeries> series;
    private final XYChart chart;
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final TableView<PolicyOutcome> policies;
    private long revision = -1;

    /** @param vm the view model */
    public DeleveragingLabView(DeleveragingLabViewModel vm) {
        this.vm = vm;
        Label title = new Label("Deleveraging lab");
        title.getStyleClass().add("section");
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setId("lab-status");
        status.getStyleClass().add("lab-status");
        progress.setId("lab-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        cancel.setId("lab-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> cancel());
        HBox bar = new HBox(10, title, progress, cancel, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label caption = new Label();
        caption.textProperty().bind(vm.captionProperty());
        caption.setWrapText(true);
        caption.getStyleClass().add("caption");
        caption.setId("lab-caption");
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        policies = new TableView<>(vm.outcomes());
        policies.setId("lab-policies");
        policies.getColumns().addAll(List.of(
                wide(column("Policy", PolicyOutcome::policy), 170),
                column("Shortfall (USD)", o -> Format.usd(o.shortfallUsd())),
                column("Paid (USD)", o -> Format.usd(o.paidUsd())),
                column("Deficit left (USD)", o -> Format.usd(o.deficitUsd())),
                column("Hit (accounts)", o -> Format.count(o.accountsHit())),
                column("Largest loss (USD)", o -> Format.usd(o.largestLossUsd())),
                overshootColumn("Overshoot (USD)", o -> Format.usd(o.overshootUsd())),
                overshootColumn("Overshoot (%)", o -> String.format(Locale.ROOT, "%,.1f%%", o.overshootPct())),
                wide(column("Notional closed (USD)", o -> Format.usd(o.notionalClosedUsd())), 170),
                wide(column("From collateral (USD)", o -> Format.usd(o.fromPrincipalUsd())), 170)));
        policies.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        policies.setPlaceholder(new Label("no result yet"));
        policies.setFixedCellSize(26);
        policies.setPrefHeight(26 * 4 + 36);
        policies.setMinHeight(26 * 4 + 36);
        policies.setMaxHeight(26 * 4 + 36);
        policies.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && policies.getSelectionModel().getSelectedItem() != now) {
                policies.getSelectionModel().select(now);
            }
        });

        chart = Charts.categoryChart("Paid and overshoot per policy", "policy", vm.policyLabels(), "amount", "USD");
        chart.setId("lab-chart");
        chart.setMinHeight(250);
        chart.setPrefHeight(250);
        chart.setMaxHeight(250);
        chart.setPrefWidth(900);
        series = List.of(new ChartSeries(vm.paid(), Charts.bars(chart, 26), Charts.line("#58a6ff", 1)),
                new ChartSeries(vm.overshoot(), Charts.bars(chart, 26), Charts.line("#f85149", 1)));

        Label notes = new Label(DeleveragingLabViewModel.EXPLANATION);
        notes.setWrapText(true);
        notes.getStyleClass().add("caption");
        notes.setId("lab-notes");
        notes.setMaxWidth(Double.MAX_VALUE);
        HBox middle = new HBox(16, chart, notes);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(notes, Priority.SOMETIMES);
        notes.setPrefWidth(420);
        notes.setMinWidth(300);
        VBox.setVgrow(middle, Priority.NEVER);

        Label payersTitle = new Label();
        payersTitle.textProperty().bind(vm.payersTitleProperty());
        payersTitle.getStyleClass().add("section");
        payersTitle.setId("lab-payers-title");
        TableView<Payer> payers = new TableView<>(vm.payers());
        payers.setId("lab-payers");
        payers.getColumns().addAll(List.of(
                column("Rank", (Payer p) -> p.rank() == 0 ? "—" : Integer.toString(p.rank())),
                column("Sub-account", Payer::id),
                column("Market", Payer::market),
                column("Side", Payer::side),
                column("Size before (units)", p -> units(Math.abs(p.sizeBefore()))),
                column("Closed (units)", p -> p.sizeClosed() == 0 ? "—" : units(p.sizeClosed())),
                column("Paid (USD)", p -> Format.usd(p.paidUsd())),
                column("uPnL before (USD)", p -> Format.usd(p.unrealizedPnlUsd())),
                column("Equity before (USD)", p -> Format.usd(p.equityUsd())),
                column("Taken (USD)", p -> Format.usd(p.takenUsd())),
                column("Rank key", p -> Double.isNaN(p.rankKey()) ? "—" : String.format(Locale.ROOT, "%.4g",
                        p.rankKey()))));
        payers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        payers.setPlaceholder(new Label("nobody paid under this policy"));
        VBox.setVgrow(payers, Priority.ALWAYS);

        root.getChildren().addAll(bar, caption, policies, middle, payersTitle, payers);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("deleveraging-lab");
        vm.revisionProperty().addListener((o, a, b) -> render(0, true));
    }

    /** Cancels the running lab, if any (it stops at its next step): what the Cancel button does. */
    public void cancel() {
        vm.cancel();
    }

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String title() {
        return "Deleveraging lab";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        if (!Platform.isFxApplicationThread() || vm.revisionProperty().get() == revision) {
            return;
        }
        revision = vm.revisionProperty().get();
        ChartSeries.syncAll(series);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = OverviewView.column(title, value);
        c.setMinWidth(Math.min(150, 8 * title.length() + 16));
        return c;
    }

    private static <T> TableColumn<T, String> wide(TableColumn<T, String> c, double px) {
        c.setMinWidth(px);
        return c;
    }

    /** A column whose cells stand out (style class {@code lab-overshoot}) where the policy overshot. */
    private static TableColumn<PolicyOutcome, String> overshootColumn(String title,
                                                                      Function<PolicyOutcome, String> value) {
        TableColumn<PolicyOutcome, String> c = column(title, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                PolicyOutcome o = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("lab-overshoot");
                if (o != null && o.overshootUsd() > 0) {
                    getStyleClass().add("lab-overshoot");
                }
            }
        });
        return c;
    }

    private static String units(double v) {
        return String.format(Locale.ROOT, "%,.4f", v);
    }
}
