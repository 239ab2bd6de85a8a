package io.solvent.app.view;

import io.solvent.app.scenario.FieldProblem;
import io.solvent.app.scenario.HypotheticalShock;
import io.solvent.app.scenario.LibraryEntry;
import io.solvent.app.scenario.ScenarioFacts;
import io.solvent.app.scenario.ScenarioLibrary;
import io.solvent.app.scenario.ShockBuilder;
import io.solvent.app.scenario.ShockForm;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The shock builder as a form: a base scenario (bundled, the user's, or a file), a list of hypothetical shocks to add
 * — each kind with its own fields, in the operator's units, and a line saying how the scenario file expresses it —
 * checked as they are typed (the problem shown under its field), and Save, which writes a scenario file of the
 * documented format (read back whole before it is kept) and, with "Save and open", hands it to the console. Saving
 * and reading the library run on the background executor; the FX thread only renders (a base's text is read when
 * chosen: a scenario file is small unless its book is inline).
 */
public final class ShockBuilderView {
    private final ScenarioLibrary library;
    private final Executor background;
    private final Consumer<Path> onOpen;

    private final BorderPane root = new BorderPane();
    private final ComboBox<LibraryEntry> base = new ComboBox<>();
    private final Label baseFacts = new Label();
    private final ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(HypotheticalShock.KINDS));
    private final Label expressed = new Label();
    private final GridPane form = new GridPane();
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Button add = new Button("Add shock");
    private final ObservableList<HypotheticalShock> shocks = FXCollections.observableArrayList();
    private final TableView<HypotheticalShock> table = new TableView<>(shocks);
    private final TextField name = new TextField();
    private final TextField target = new TextField();
    private final Button save = new Button("Save");
    private final Button saveOpen = new Button("Save and open");
    private final Label status = new Label();
    private ShockBuilder builder;

    /**
     * @param library    the library: its scenarios as bases, its folder as where to save
     * @param baseFile   the base scenario to start from, or null for the first bundled one (once the library is read)
     * @param background where saving runs (off the FX thread)
     * @param onOpen     told of a saved scenario the user chose to open
     */
    public ShockBuilderView(ScenarioLibrary library, Path baseFile, Executor background, Consumer<Path> onOpen) {
        this.library = library;
        this.background = background;
        this.onOpen = onOpen;
        root.getStyleClass().add("shock-builder");
        root.setPadding(new Insets(10));

        base.setId("shock-base");
        base.setMaxWidth(520);
        base.setCellFactory(l -> entryCell());
        base.setButtonCell(entryCell());
        background.execute(() -> {
            List<LibraryEntry> bases = new ArrayList<>();
            library.bundled().stream().filter(LibraryEntry::openable).forEach(bases::add);
            library.user().stream().filter(LibraryEntry::openable).forEach(bases::add);
            Platform.runLater(() -> {
                LibraryEntry chosen = base.getValue();
                if (chosen != null && bases.stream().noneMatch(e -> e.path().equals(chosen.path()))) {
                    bases.add(chosen);
                }
                base.getItems().setAll(bases);
                if (chosen != null) {
                    base.setValue(bases.stream().filter(e -> e.path().equals(chosen.path())).findFirst()
                            .orElse(chosen));
                } else if (!bases.isEmpty()) {
                    setBase(bases.getFirst().path());
                }
            });
        });
        Button file = new Button("File…");
        file.setId("shock-base-file");
        file.setOnAction(e -> {
            FileChooser fc = chooser("Base scenario");
            java.io.File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                setBase(f.toPath());
            }
        });
        base.valueProperty().addListener((o, was, now) -> {
            if (now != null && (builder == null || !now.path().equals(builder.baseFile()))) {
                load(now.path());
            }
        });
        baseFacts.setId("shock-base-facts");
        baseFacts.getStyleClass().add("caption");
        baseFacts.setWrapText(true);
        Label baseTitle = new Label("Base scenario");
        baseTitle.getStyleClass().add("section");
        HBox baseRow = new HBox(8, base, file);
        baseRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, baseTitle, baseRow, baseFacts);
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);

        kind.setId("shock-kind");
        kind.valueProperty().addListener((o, was, now) -> rebuildForm());
        expressed.setId("shock-expressed");
        expressed.getStyleClass().add("caption");
        expressed.setWrapText(true);
        expressed.setMaxWidth(380);
        form.setHgap(8);
        form.setVgap(2);
        add.setId("shock-add");
        add.setDefaultButton(true);
        add.setOnAction(e -> addShock());
        Label addTitle = new Label("Add a hypothetical shock");
        addTitle.getStyleClass().add("section");
        VBox left = new VBox(6, addTitle, kind, expressed, form, add);
        left.setPrefWidth(400);
        left.setMinWidth(380);

        table.setId("shock-table");
        table.setPlaceholder(new Label("no shocks added yet: the saved scenario would be the base as it is"));
        table.getColumns().add(OverviewView.column("#", s -> Integer.toString(shocks.indexOf(s) + 1)));
        table.getColumns().add(OverviewView.column("Kind", HypotheticalShock::kind));
        table.getColumns().add(OverviewView.column("What", HypotheticalShock::summary));
        table.getColumns().add(OverviewView.column("Check", s -> {
            if (builder == null) {
                return "";
            }
            List<FieldProblem> ps = builder.validate(-1, s);
            return ps.isEmpty() ? "ok" : ps.getFirst().field() + ": " + ps.getFirst().message();
        }));
        table.getColumns().get(0).setPrefWidth(36);
        table.getColumns().get(1).setPrefWidth(140);
        table.getColumns().get(2).setPrefWidth(460);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button remove = new Button("Remove");
        remove.setId("shock-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> shocks.remove(table.getSelectionModel().getSelectedItem()));
        Button edit = new Button("Edit in form");
        edit.setId("shock-edit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            HypotheticalShock s = table.getSelectionModel().getSelectedItem();
            kind.setValue(s.kind());
            ShockForm.values(s, builder.facts()).forEach(this::setField);
            shocks.remove(s);
            validateForm();
        });
        Label listTitle = new Label("Shocks to add (applied after the base's own, in this order)");
        listTitle.getStyleClass().add("section");
        HBox listButtons = new HBox(8, edit, remove);
        VBox right = new VBox(6, listTitle, table, listButtons);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox middle = new HBox(16, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        root.setCenter(middle);

        name.setId("shock-name");
        name.setPrefColumnCount(28);
        target.setId("shock-target");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button("Save as…");
        browse.setId("shock-browse");
        browse.setOnAction(e -> {
            FileChooser fc = chooser("Save the scenario as");
            fc.setInitialFileName(Path.of(target.getText()).getFileName().toString());
            java.io.File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                target.setText(f.getPath());
                save(false);
            }
        });
        save.setId("shock-save");
        save.setOnAction(e -> save(false));
        saveOpen.setId("shock-save-open");
        saveOpen.setOnAction(e -> save(true));
        status.setId("shock-status");
        status.setWrapText(true);
        GridPane bottom = new GridPane();
        bottom.setHgap(8);
        bottom.setVgap(6);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        bottom.addRow(0, new Label("Name"), name);
        HBox targetRow = new HBox(8, target, browse, save, saveOpen);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        bottom.addRow(1, new Label("File"), targetRow);
        GridPane.setHgrow(targetRow, Priority.ALWAYS);
        bottom.add(status, 1, 2);
        root.setBottom(bottom);

        shocks.addListener((javafx.collections.ListChangeListener<HypotheticalShock>) c -> table.refresh());
        if (baseFile != null) {
            setBase(baseFile);
        }
        kind.setValue(HypotheticalShock.KINDS.getFirst());
    }

    /** @return the view's node */
    public Node node() {
        return root;
    }

    /** @param file the base scenario's file (listed in the chooser when the library does not have it) */
    public void setBase(Path file) {
        LibraryEntry known = base.getItems().stream().filter(e -> e.path().equals(file)).findFirst().orElse(null);
        if (known == null) {
            known = new LibraryEntry(LibraryEntry.Kind.USER, String.valueOf(file.getFileName()), "", "", file, null);
            base.getItems().add(known);
        }
        base.setValue(known);
        load(file);
    }

    /** @return the shocks in the list (read-only view) */
    public List<HypotheticalShock> shocks() {
        return List.copyOf(shocks);
    }

    private void load(Path file) {
        try {
            builder = ShockBuilder.of(file);
        } catch (RuntimeException e) {
            builder = null;
            baseFacts.setText(e.getMessage());
            return;
        }
        ScenarioFacts f = builder.facts();
        baseFacts.setText(f.name() + "\nreplays " + f.windowText() + "; prices " + String.join(", ",
                f.feedSymbols().entrySet().stream().map(e -> e.getKey() + "→" + e.getValue()).toList())
                + "; book " + f.book() + "; " + f.shocks() + " shocks of its own");
        String slug = f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        name.setText("what if: " + f.name());
        target.setText(library.userFolder().resolve(slug + "-what-if.json").toString());
        rebuildForm();
        table.refresh();
    }

    private void rebuildForm() {
        form.getChildren().clear();
        inputs.clear();
        errors.clear();
        if (kind.getValue() == null || builder == null) {
            return;
        }
        expressed.setText("In the file: " + HypotheticalShock.expressedAs(kind.getValue()) + ".");
        int row = 0;
        for (ShockForm.Field f : ShockForm.fields(kind.getValue(), builder.facts())) {
            Control input;
            String id = "shock-field-" + f.name().replace(' ', '-');
            if (f.symbol()) {
                ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(
                        builder.facts().feedSymbols().keySet()));
                c.setEditable(true);
                c.setValue(f.value());
                c.valueProperty().addListener((o, a, b) -> validateForm());
                c.getEditor().textProperty().addListener((o, a, b) -> validateForm());
                input = c;
            } else {
                TextField t = new TextField(f.value());
                t.textProperty().addListener((o, a, b) -> validateForm());
                input = t;
            }
            input.setId(id);
            input.setPrefWidth(170);
            Label error = new Label();
            error.setId("shock-error-" + f.name().replace(' ', '-'));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMaxWidth(360);
            error.setManaged(false);
            error.setVisible(false);
            form.add(new Label(f.label()), 0, row);
            form.add(input, 1, row++);
            form.add(error, 0, row++, 2, 1);
            inputs.put(f.name(), input);
            errors.put(f.name(), error);
        }
        validateForm();
    }

    private void setField(String field, String value) {
        switch (inputs.get(field)) {
            case ComboBox<?> c -> ((ComboBox<String>) c).setValue(value);
            case TextField t -> t.setText(value);
            case null, default -> {
            }
        }
    }

    private Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        inputs.forEach((k, c) -> out.put(k, switch (c) {
            case ComboBox<?> b -> b.getEditor().getText() == null || b.getEditor().getText().isEmpty()
                    ? String.valueOf(b.getValue() == null ? "" : b.getValue()) : b.getEditor().getText();
            case TextField t -> t.getText();
            default -> "";
        }));
        return out;
    }

    /** @return the form's shock when it is sound, showing every problem under its field */
    private HypotheticalShock validateForm() {
        if (builder == null || kind.getValue() == null) {
            return null;
        }
        ShockForm.Result r = ShockForm.parse(kind.getValue(), values(), builder);
        errors.forEach((f, l) -> {
            l.setText("");
            l.setVisible(false);
            l.setManaged(false);
            inputs.get(f).getStyleClass().remove("invalid");
        });
        for (FieldProblem p : r.problems()) {
            Label l = errors.get(p.field());
            if (l == null) {
                continue;
            }
            l.setText(l.getText().isEmpty() ? p.message() : l.getText() + "; " + p.message());
            l.setVisible(true);
            l.setManaged(true);
            if (!inputs.get(p.field()).getStyleClass().contains("invalid")) {
                inputs.get(p.field()).getStyleClass().add("invalid");
            }
        }
        add.setDisable(!r.problems().isEmpty());
        return r.problems().isEmpty() ? r.shock() : null;
    }

    private void addShock() {
        HypotheticalShock s = validateForm();
        if (s != null) {
            shocks.add(s);
            status.setText("");
        }
    }

    private void save(boolean open) {
        if (builder == null) {
            status.setText("no base scenario");
            return;
        }
        List<FieldProblem> problems = builder.validate(shocks);
        if (!problems.isEmpty()) {
            status.setText("not saved: " + problems.getFirst());
            return;
        }
        if (target.getText().isBlank()) {
            status.setText("not saved: expected a file to save to");
            return;
        }
        ShockBuilder b = builder;
        List<HypotheticalShock> list = List.copyOf(shocks);
        String n = name.getText().isBlank() ? "what if" : name.getText().trim();
        Path file = Path.of(target.getText().trim());
        save.setDisable(true);
        saveOpen.setDisable(true);
        status.setText("saving " + file.getFileName() + " and reading it back…");
        background.execute(() -> {
            String outcome;
            boolean ok;
            try {
                b.save(list, n, file);
                outcome = "saved " + file + " (" + list.size() + (list.size() == 1 ? " shock" : " shocks")
                        + " added)";
                ok = true;
            } catch (RuntimeException e) {
                outcome = "not saved: " + e.getMessage();
                ok = false;
            }
            String text = outcome;
            boolean saved = ok;
            Platform.runLater(() -> {
                status.setText(text);
                save.setDisable(false);
                saveOpen.setDisable(false);
                if (saved && open) {
                    onOpen.accept(file);
                }
            });
        });
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        java.io.File dir = library.userFolder().toFile();
        if (dir.isDirectory()) {
            fc.setInitialDirectory(dir);
        }
        return fc;
    }

    private static ListCell<LibraryEntry> entryCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LibraryEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.kind().label() + " · " + e.name());
            }
        };
    }
}
