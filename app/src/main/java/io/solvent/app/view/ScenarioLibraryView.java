package io.solvent.app.view;

import io.solvent.app.scenario.LibraryEntry;
import io.solvent.app.scenario.ScenarioLibrary;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The scenario library as a table: every bundled scenario, the user's files and the recent ones, with kind, name,
 * description, the time it replays and its file; one that cannot be opened as it is (its recorded data missing,
 * unreadable) is greyed and says why. Open (or a double-click) and "Open file…" hand a file to the console;
 * "New from…" hands the selected one to the shock builder as its base; "Recorded files…" asks for the recorded-files
 * view. What the library noticed (recent files gone) shows under the table. The library is read, and the recent
 * list written, on the background executor.
 */
public final class ScenarioLibraryView {
    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    private final ScenarioLibrary library;
    private final Executor background;
    private final VBox root = new VBox(6);
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final TableView<LibraryEntry> table = new TableView<>(entries);
    private final Label notes = new Label();
    private final Label detail = new Label();

    /**
     * @param library   the library
     * @param background where the library is read and the recent list written (off the FX thread)
     * @param onOpen    told of the scenario file the user opens
     * @param onNewFrom told of the scenario the user wants to build a what-if from (the shock builder's base)
     * @param onRecorded asked to show the recorded-files view, or null for no such button
     */
    public ScenarioLibraryView(ScenarioLibrary library, Executor background, Consumer<Path> onOpen,
                               Consumer<Path> onNewFrom, Runnable onRecorded) {
        this.library = library;
        this.background = background;
        root.setPadding(new Insets(10));
        root.getStyleClass().add("scenario-library");
        table.setId("library-table");
        table.getColumns().add(OverviewView.column("Kind", (LibraryEntry e) -> e.kind().label()));
        table.getColumns().add(OverviewView.column("Name", LibraryEntry::name));
        table.getColumns().add(OverviewView.column("Description", (LibraryEntry e) ->
                e.openable() ? e.description() : "⚠ " + e.note()));
        table.getColumns().add(OverviewView.column("Replays", LibraryEntry::window));
        table.getColumns().add(OverviewView.column("File", (LibraryEntry e) -> e.path() == null ? "—"
                : String.valueOf(e.path().getFileName())));
        double[] widths = {70, 330, 440, 230, 160};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        table.setPlaceholder(new Label("no scenarios"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<LibraryEntry> row = new TableRow<>() {
                @Override
                protected void updateItem(LibraryEntry e, boolean empty) {
                    super.updateItem(e, empty);
                    pseudoClassStateChanged(UNAVAILABLE, !empty && e != null && !e.openable());
                    setTooltip(empty || e == null ? null : new Tooltip(e.openable() ? e.description() : e.note()));
                }
            };
            row.setOnMouseClicked(ev -> {
                if (ev.getClickCount() == 2 && row.getItem() != null && row.getItem().openable()) {
                    open(row.getItem(), onOpen);
                }
            });
            return row;
        });

        Button open = new Button("Open");
        open.setId("library-open");
        open.setDefaultButton(true);
        open.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            LibraryEntry e = table.getSelectionModel().getSelectedItem();
            return e == null || !e.openable();
        }, table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> open(table.getSelectionModel().getSelectedItem(), onOpen));
        Button newFrom = new Button("New from…");
        newFrom.setId("library-new-from");
        newFrom.setTooltip(new Tooltip("build a what-if: this scenario plus hypothetical shocks"));
        newFrom.disableProperty().bind(open.disableProperty());
        newFrom.setOnAction(e -> onNewFrom.accept(table.getSelectionModel().getSelectedItem().path()));
        Button file = new Button("Open file…");
        file.setId("library-open-file");
        file.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a scenario");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
            java.io.File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                Path p = f.toPath();
                background.execute(() -> library.noteOpened(p));
                onOpen.accept(p);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("library-refresh");
        refresh.setOnAction(e -> refresh());
        HBox buttons = new HBox(8, open, newFrom, file);
        if (onRecorded != null) {
            Button recorded = new Button("Recorded files…");
            recorded.setId("library-recorded");
            recorded.setTooltip(new Tooltip("make a scenario that replays recorded price files"));
            recorded.setOnAction(e -> onRecorded.run());
            buttons.getChildren().add(recorded);
        }
        buttons.getChildren().add(refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label("Scenarios");
        title.getStyleClass().add("section");
        Label where = new Label("bundled with Solvent · yours, in " + library.userFolder() + " · recently opened");
        where.getStyleClass().add("caption");
        detail.setId("library-detail");
        detail.setWrapText(true);
        notes.setId("library-notes");
        notes.getStyleClass().add("check-warning");
        notes.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, e) -> detail.setText(e == null ? ""
                : e.name() + " — " + (e.openable() ? e.description() : e.note()) + "\nreplays " + e.window()
                + " · " + (e.path() == null ? "no file" : e.path())));
        root.getChildren().addAll(title, where, table, detail, buttons, notes);
        VBox.setVgrow(table, Priority.ALWAYS);
        refresh();
    }

    /** @return the view's node */
    public Node node() {
        return root;
    }

    /** Lists the library again (a file saved, a folder changed): read on the background executor, then shown. */
    public void refresh() {
        table.setPlaceholder(new Label("reading the library…"));
        background.execute(() -> {
            List<LibraryEntry> all = library.all();
            List<String> n = library.notes();
            Platform.runLater(() -> {
                LibraryEntry selected = table.getSelectionModel().getSelectedItem();
                entries.setAll(all);
                if (selected != null) {
                    all.stream().filter(e -> e.kind() == selected.kind() && java.util.Objects.equals(e.path(),
                            selected.path())).findFirst().ifPresent(e -> table.getSelectionModel().select(e));
                }
                table.setPlaceholder(new Label("no scenarios"));
                notes.setText(String.join("\n", n));
                notes.setVisible(!n.isEmpty());
                notes.setManaged(!n.isEmpty());
            });
        });
    }

    /** @return the entries listed */
    public List<LibraryEntry> entries() {
        return List.copyOf(entries);
    }

    private void open(LibraryEntry e, Consumer<Path> onOpen) {
        if (e != null && e.openable()) {
            Path p = e.path();
            background.execute(() -> library.noteOpened(p));
            onOpen.accept(p);
        }
    }
}
