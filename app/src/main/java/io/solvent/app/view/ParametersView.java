package io.solvent.app.view;

import io.solvent.app.service.AuditEntry;
import io.solvent.app.viewmodel.Format;
import io.solvent.app.viewmodel.ParameterRow;
import io.solvent.app.viewmodel.ParametersViewModel;
import io.solvent.engine.sim.view.ParameterPreview;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.Editors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameter sheet (ControlsFX {@link PropertySheet}): the active run's parameters by category — each market's
 * tiers, fractions and fee, each asset's weights and size factor, the oracle, liquidity and liquidation models, the
 * deleveraging policy, dynamic margin. A value typed is staged, checked against its rules and the guardrails, and
 * previewed (what it would put at risk or liquidate now, the maintenance requirement's change) before it is applied
 * here or as a fork; the audit trail lists every edit with who, when, old, new and why.
 */
public final class ParametersView implements ConsoleView {
    private final ParametersViewModel vm;
    private final SplitPane root = new SplitPane();
    private final PropertySheet sheet = new PropertySheet();
    private final Label preview = new Label();
    private final TextField why = new TextField();

    /** @param vm the view model */
    public ParametersView(ParametersViewModel vm) {
        this.vm = vm;
        sheet.setId("parameters-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setSearchBoxVisible(true);
        sheet.setModeSwitcherVisible(true);
        sheet.setPropertyEditorFactory(item -> item instanceof Item i && !i.row.choices().isEmpty()
                ? Editors.createChoiceEditor(item, i.row.choices()) : Editors.createTextEditor(item));
        sheet.setCategoryComparator(ParametersView::byKind);
        vm.rows().addListener((ListChangeListener<ParameterRow>) c -> rebuild());
        rebuild();

        Label run = new Label();
        run.setId("parameters-run");
        run.textProperty().bind(vm.runLabelProperty().map(l -> "Editing run '" + l + "' — values apply from its"
                + " current moment"));
        run.getStyleClass().add("section-title");
        ListView<String> staged = new ListView<>();
        staged.setId("parameters-staged");
        staged.setPrefHeight(110);
        staged.setPlaceholder(new Label("no edit staged: change a value in the sheet"));
        staged.setTooltip(new javafx.scene.control.Tooltip("double-click an edit to show its parameter first"));
        staged.setOnMouseClicked(e -> {
            String line = staged.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && line != null) {
                focus(line.substring(0, line.indexOf(':')));
            }
        });
        vm.staged().addListener((MapChangeListener<String, String>) c -> {
            List<String> lines = new ArrayList<>();
            vm.staged().forEach((k, v) -> lines.add(k + ":  " + current(k) + "  →  " + v));
            staged.getItems().setAll(lines);
        });
        Label refusal = new Label();
        refusal.setId("parameters-refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add("status-alarm");
        refusal.textProperty().bind(vm.refusalProperty());
        refusal.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        refusal.setMaxWidth(Double.MAX_VALUE);
        preview.setId("parameters-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add("preview");
        preview.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        preview.setMaxWidth(Double.MAX_VALUE);
        vm.previewProperty().addListener((o, a, b) -> preview.setText(describe(b)));
        preview.setText(describe(null));
        why.setId("parameters-why");
        why.setPromptText("why (kept in the audit log)");
        Button apply = new Button("Apply here");
        apply.setId("parameters-apply");
        apply.setOnAction(e -> vm.apply(why.getText()));
        Button fork = new Button("Fork here…");
        fork.setId("parameters-fork");
        fork.setOnAction(e -> askFork());
        Button undo = new Button("Undo");
        undo.setId("parameters-undo");
        undo.textProperty().bind(vm.undoLabelProperty().map(s -> s.isEmpty() ? "Undo" : s));
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button clear = new Button("Clear staged");
        clear.setOnAction(e -> vm.clearStaged());
        ObservableValue<Boolean> blocked = vm.refusalProperty().map(r -> !r.isEmpty());
        apply.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> blocked.getValue() || vm.staged().isEmpty(), blocked, vm.staged()));
        fork.disableProperty().bind(apply.disableProperty());
        HBox actions = new HBox(6, apply, fork, undo, clear);
        Label message = new Label();
        message.setId("parameters-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TableView<AuditEntry> audit = new TableView<>(vm.audit());
        audit.setId("parameters-audit");
        audit.getColumns().addAll(OverviewView.column("When (UTC)", (AuditEntry a) -> a.wallTime()
                        .replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")),
                OverviewView.column("Who", AuditEntry::user), OverviewView.column("Run", AuditEntry::run),
                OverviewView.column("Sim time (UTC)", a -> Format.clock(a.simTimeMs())),
                OverviewView.column("Action", AuditEntry::action), OverviewView.column("Parameter", AuditEntry::key),
                OverviewView.column("Old", AuditEntry::old), OverviewView.column("New", AuditEntry::value),
                OverviewView.column("Why", AuditEntry::why));
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        audit.setPlaceholder(new Label("no parameter edit recorded yet"));
        vm.audit().addListener((ListChangeListener<AuditEntry>) c -> {
            if (!vm.audit().isEmpty()) {
                audit.scrollTo(vm.audit().size() - 1);
            }
        });

        VBox right = new VBox(6, run, new Label("Staged edits"), staged, refusal,
                new Label("What they change now"), preview, why, actions, message,
                new Label("Audit trail (append-only: " + vm.workbench().audit().file().getFileName() + ")"), audit);
        right.setPadding(new Insets(8));
        VBox.setVgrow(audit, Priority.ALWAYS);
        right.setMinWidth(420);
        root.getItems().addAll(sheet, right);
        root.setDividerPositions(0.45);
        root.setId("parameters-view");
    }

    /** Markets first, then assets, then the models, each group in name order. */
    private static int byKind(String a, String b) {
        int c = Integer.compare(rank(a), rank(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static int rank(String category) {
        if (category.startsWith("Market ")) {
            return 0;
        }
        if (category.startsWith("Asset ")) {
            return 1;
        }
        return switch (category) {
            case "Liquidation" -> 2;
            case "Deleveraging" -> 3;
            case "Dynamic margin" -> 4;
            case "Oracle" -> 5;
            case "Liquidity" -> 6;
            default -> 7;
        };
    }

    /**
     * Shows a parameter's category first (expanded), the others after it in their usual order.
     *
     * @param key a dotted key
     */
    public void focus(String key) {
        String group = ParameterRow.of(key, "").group();
        sheet.setCategoryComparator((a, b) -> a.equals(b) ? 0 : a.equals(group) ? -1 : b.equals(group) ? 1
                : byKind(a, b));
    }

    private String current(String key) {
        for (ParameterRow r : vm.rows()) {
            if (r.key().equals(key)) {
                return r.value();
            }
        }
        return "";
    }

    private void askFork() {
        TextInputDialog d = new TextInputDialog(vm.nextForkLabel());
        d.setTitle("Fork here");
        d.setHeaderText("Continue from here under the staged edits as a new run; the original goes on unchanged.");
        d.setContentText("Fork label:");
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        Optional<String> label = d.showAndWait();
        label.ifPresent(l -> vm.fork(l, why.getText()));
    }

    /** @param p a preview @return it in words, with units */
    static String describe(ParameterPreview p) {
        if (p == null) {
            return "Stage an edit to see, before applying it, which sub-accounts it would put at risk or make"
                    + " liquidatable now and how it moves the maintenance requirement.";
        }
        String s = String.format(java.util.Locale.ROOT,
                "At %s UTC, over %,d sub-accounts:%n"
                        + "  at risk (health factor < 1.1): %,d → %,d  (%,d newly)%n"
                        + "  liquidatable now: %,d → %,d  (%,d newly, %s of positions — liquidated as soon as"
                        + " it applies)%n"
                        + "  maintenance requirement: %s → %s  (%s%s)",
                Format.clock(p.atMs()), p.subAccounts(), p.atRiskBefore(), p.atRiskAfter(), p.newlyAtRisk(),
                p.liquidatableBefore(), p.liquidatableAfter(), p.newlyLiquidatable(),
                Format.usd(p.newlyLiquidatableNotionalUsd()), Format.usd(p.maintenanceRequirementBeforeUsd()),
                Format.usd(p.maintenanceRequirementAfterUsd()),
                p.maintenanceRequirementChangeUsd() >= 0 ? "+" : "−",
                Format.usd(Math.abs(p.maintenanceRequirementChangeUsd())));
        return p.note().isEmpty() ? s : s + "\n  later: " + p.note();
    }

    private void rebuild() {
        List<PropertySheet.Item> items = new ArrayList<>(vm.rows().size() + 1);
        for (ParameterRow r : vm.rows()) {
            items.add(new Item(r, vm));
        }
        sheet.getItems().setAll(items);
    }

    /** One parameter in the sheet; a value set is staged, not applied. */
    private static final class Item implements PropertySheet.Item {
        private final ParameterRow row;
        private final ParametersViewModel vm;

        Item(ParameterRow row, ParametersViewModel vm) {
            this.row = row;
            this.vm = vm;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return row.group();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.key() + " — now " + row.value();
        }

        @Override
        public Object getValue() {
            return vm.staged().getOrDefault(row.key(), row.value());
        }

        @Override
        public void setValue(Object value) {
            vm.stage(row.key(), value == null ? null : value.toString());
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return row.editable();
        }
    }

    @Override
    public String name() {
        return "parameters";
    }

    @Override
    public String title() {
        return "Parameters";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        // bound properties: nothing to copy per pulse
    }
}
