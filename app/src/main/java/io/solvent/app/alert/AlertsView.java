package io.solvent.app.alert;

import io.solvent.app.view.ConsoleView;
import io.solvent.app.viewmodel.Format;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/**
 * The alerts view: the rules table (enable, threshold, count, severity and sound edited in place; the re-arm level
 * beside) over the alerts raised (simulated and wall time, severity, rule, value with its unit, message, whether
 * acknowledged), with Acknowledge (or a double-click) and Acknowledge all. {@link #badge()} makes the status bar's
 * count of unacknowledged alerts.
 */
public final class AlertsView implements ConsoleView {
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("alert-critical");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("alert-warning");
    private static final PseudoClass SETTLED = PseudoClass.getPseudoClass("alert-settled");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final AlertsViewModel vm;
    private final VBox root = new VBox(6);
    private final TableView<AlertRuleRow> rulesTable;
    private final TableView<AlertEntry> alertsTable;

    /** @param vm the view model */
    public AlertsView(AlertsViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("alerts-view");
        rulesTable = buildRules();
        alertsTable = buildAlerts();

        Label rulesTitle = new Label("Rules");
        rulesTitle.getStyleClass().add("section");
        Label rulesHint = new Label("double-click a threshold, count or severity to edit it; changes apply at once"
                + " and are saved to " + vm.store().file().getFileName());
        rulesHint.getStyleClass().add("caption");
        Label problem = new Label();
        problem.setId("alerts-problem");
        problem.getStyleClass().add("status-alarm");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox rulesBox = new VBox(4, new HBox(10, rulesTitle, rulesHint), problem, rulesTable);
        ((HBox) rulesBox.getChildren().getFirst()).setAlignment(Pos.BASELINE_LEFT);
        VBox.setVgrow(rulesTable, Priority.ALWAYS);

        Label alertsTitle = new Label("Alerts");
        alertsTitle.getStyleClass().add("section");
        Label summary = new Label();
        summary.setId("alerts-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Button ack = new Button("Acknowledge");
        ack.setId("alerts-acknowledge");
        ack.setTooltip(new Tooltip("acknowledge the selected alerts (or double-click one)"));
        ack.disableProperty().bind(Bindings.isEmpty(alertsTable.getSelectionModel().getSelectedItems()));
        ack.setOnAction(e -> java.util.List.copyOf(alertsTable.getSelectionModel().getSelectedItems())
                .forEach(vm::acknowledge));
        Button ackAll = new Button("Acknowledge all");
        ackAll.setId("alerts-acknowledge-all");
        ackAll.disableProperty().bind(vm.unacknowledgedProperty().isEqualTo(0));
        ackAll.setOnAction(e -> vm.acknowledgeAll());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox alertsBar = new HBox(10, alertsTitle, summary, gap, ack, ackAll);
        alertsBar.setAlignment(Pos.CENTER_LEFT);
        VBox alertsBox = new VBox(4, alertsBar, alertsTable);
        VBox.setVgrow(alertsTable, Priority.ALWAYS);

        SplitPane split = new SplitPane(rulesBox, alertsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        root.getChildren().add(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setPadding(new Insets(10));
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : value.apply(d.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    private TableView<AlertRuleRow> buildRules() {
        TableView<AlertRuleRow> t = new TableView<>(vm.rules());
        t.setId("alerts-rules");
        t.setEditable(true);

        TableColumn<AlertRuleRow, Boolean> on = new TableColumn<>("On");
        on.setCellValueFactory(d -> d.getValue().enabledProperty());
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setEditable(true);
        on.setSortable(false);
        on.setPrefWidth(44);

        TableColumn<AlertRuleRow, String> rule = new TableColumn<>("Rule");
        rule.setCellValueFactory(d -> Bindings.createStringBinding(
                () -> d.getValue().rule().kind().title() + " · " + d.getValue().rule().id(),
                d.getValue().ruleProperty()));
        rule.setSortable(false);
        rule.setPrefWidth(230);

        TableColumn<AlertRuleRow, String> condition = new TableColumn<>("Raises when");
        condition.setCellValueFactory(d -> Bindings.createStringBinding(() -> d.getValue().rule().condition(),
                d.getValue().ruleProperty()));
        condition.setSortable(false);
        condition.setPrefWidth(320);

        TableColumn<AlertRuleRow, Double> threshold = new TableColumn<>("Threshold");
        threshold.setCellValueFactory(d -> Bindings.createObjectBinding(() -> d.getValue().rule().threshold(),
                d.getValue().ruleProperty()));
        threshold.setCellFactory(TextFieldTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v == Math.rint(v) && Math.abs(v) < 1e15
                        ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.4g", v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.replace(",", "").replace("_", "").trim());
                } catch (NumberFormatException e) {
                    vm.refuse("\"" + s + "\" is not a number");
                    return null;
                }
            }
        }));
        threshold.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                vm.setThreshold(e.getRowValue(), e.getNewValue());
            }
            t.refresh();
        });
        threshold.setSortable(false);
        threshold.setPrefWidth(100);
        threshold.setStyle("-fx-alignment: CENTER-RIGHT;");

        TableColumn<AlertRuleRow, String> unit = text("Unit", (AlertRuleRow r) -> r.rule().unit(), 90);

        TableColumn<AlertRuleRow, Integer> count = new TableColumn<>("N");
        count.setCellValueFactory(d -> Bindings.createObjectBinding(() -> d.getValue().rule().count(),
                d.getValue().ruleProperty()));
        count.setCellFactory(c -> new TextFieldTableCell<>(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    vm.refuse("\"" + s + "\" is not a whole number of sub-accounts");
                    return null;
                }
            }
        }) {
            @Override
            public void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                AlertRuleRow row = getTableRow() == null ? null : getTableRow().getItem();
                boolean counts = row != null && row.rule().kind() == AlertKind.HEALTH_FACTOR;
                setEditable(counts);
                if (!empty && !counts) {
                    setText("");
                }
            }
        });
        count.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                vm.setCount(e.getRowValue(), e.getNewValue());
            }
            t.refresh();
        });
        count.setSortable(false);
        count.setPrefWidth(50);
        count.setStyle("-fx-alignment: CENTER-RIGHT;");

        TableColumn<AlertRuleRow, AlertSeverity> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(d -> Bindings.createObjectBinding(() -> d.getValue().rule().severity(),
                d.getValue().ruleProperty()));
        severity.setCellFactory(ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(
                AlertSeverity.values())));
        severity.setOnEditCommit(e -> {
            vm.setSeverity(e.getRowValue(), e.getNewValue());
            t.refresh();
        });
        severity.setSortable(false);
        severity.setPrefWidth(100);

        TableColumn<AlertRuleRow, Boolean> sound = new TableColumn<>("Sound");
        sound.setCellValueFactory(d -> d.getValue().soundProperty());
        sound.setCellFactory(CheckBoxTableCell.forTableColumn(sound));
        sound.setEditable(true);
        sound.setSortable(false);
        sound.setPrefWidth(60);

        TableColumn<AlertRuleRow, String> rearm = new TableColumn<>("Re-arms at");
        rearm.setCellValueFactory(d -> Bindings.createStringBinding(() -> {
            AlertRule r = d.getValue().rule();
            return (r.kind().above() ? "≤ " : "≥ ") + r.kind().format(r.rearmLevel())
                    + (r.rearmHoldMs() > 0 ? " for " + Format.duration(r.rearmHoldMs()) : "");
        }, d.getValue().ruleProperty()));
        rearm.setSortable(false);
        rearm.setPrefWidth(170);
        rearm.setCellFactory(c -> {
            javafx.scene.control.TableCell<AlertRuleRow, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setTooltip(new Tooltip("once raised, a rule raises again only after its value has come back this far"
                    + " and stayed there this long (simulated time)"));
            return cell;
        });

        t.getColumns().addAll(java.util.List.of(on, rule, condition, threshold, unit, count, severity, sound, rearm));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<AlertEntry> buildAlerts() {
        TableView<AlertEntry> t = new TableView<>(vm.alerts());
        t.setId("alerts-list");
        t.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        t.getColumns().addAll(java.util.List.of(
                text("Simulated (UTC)", (AlertEntry a) -> Format.time(a.event().simTimeMs()), 170),
                text("Wall (UTC)", (AlertEntry a) -> Format.clock(a.event().wallTimeMs()), 75),
                text("Severity", (AlertEntry a) -> a.event().severity().name(), 80),
                text("Rule", (AlertEntry a) -> a.event().rule().kind().title() + " · " + a.event().rule().id(), 240),
                text("Value", (AlertEntry a) -> a.event().valueText(), 110),
                text("Status", (AlertEntry a) -> switch (a.status()) {
                    case ACTIVE -> "active";
                    case ACKNOWLEDGED -> "acknowledged " + Format.clock(a.statusWallMs());
                    case RETRACTED -> "retracted (seek back)";
                }, 150),
                text("Message", (AlertEntry a) -> a.event().message(), 520)));
        t.getColumns().get(4).setStyle("-fx-alignment: CENTER-RIGHT;");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("no alerts raised; the rules above are watched on every engine view"));
        t.setRowFactory(x -> {
            TableRow<AlertEntry> row = new TableRow<>() {
                @Override
                protected void updateItem(AlertEntry item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean live = !empty && item != null && item.active();
                    pseudoClassStateChanged(CRITICAL, live && item.event().severity() == AlertSeverity.CRITICAL);
                    pseudoClassStateChanged(WARNING, live && item.event().severity() == AlertSeverity.WARNING);
                    pseudoClassStateChanged(SETTLED, !empty && item != null && !item.active());
                    setTooltip(empty || item == null ? null : new Tooltip(item.event().message()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.acknowledge(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    /**
     * A label for the status bar: the count of unacknowledged alerts, red while there are any; a click runs
     * {@code onClick} (show the alerts view).
     *
     * @param onClick what a click does
     * @return a new label (id {@code alerts-badge})
     */
    public Label badge(Runnable onClick) {
        Label b = new Label();
        b.setId("alerts-badge");
        b.getStyleClass().add("alert-badge");
        b.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.unacknowledgedProperty().get();
            return n == 0 ? "alerts: none" : "⚠ " + n + (n == 1 ? " alert" : " alerts");
        }, vm.unacknowledgedProperty()));
        b.pseudoClassStateChanged(ACTIVE, vm.unacknowledgedProperty().get() > 0);
        vm.unacknowledgedProperty().addListener((o, was, n) -> b.pseudoClassStateChanged(ACTIVE, n.intValue() > 0));
        b.setOnMouseClicked(e -> onClick.run());
        b.setTooltip(new Tooltip("alerts raised and not yet acknowledged; click to show them"));
        return b;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String title() {
        return "Alerts";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        // the tables follow the view model's lists, which change only when an alert is raised or acknowledged
    }

    /** @return the rules table */
    TableView<AlertRuleRow> rulesTable() {
        return rulesTable;
    }
}
