package io.solvent.app.view;

import io.solvent.app.scenario.RecordedScenarioBuilder;
import io.solvent.app.scenario.RecordedScenarioBuilder.Inspection;
import io.solvent.app.scenario.RecordedScenarioBuilder.MappingCheck;
import io.solvent.app.scenario.RecordedScenarioBuilder.SeriesRow;
import io.solvent.app.scenario.ScenarioLibrary;
import io.solvent.app.viewmodel.Format;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opening recorded files as a scenario: pick files (prices, and depth which is listed but not replayed), inspect them
 * (every series with its rows, first and last time, usual spacing, gaps and the longest one, low and high), choose the
 * book, edit the feed symbol → asset mapping the view guessed (BTCUSDT → BTC), see it checked (assets of the book no
 * symbol prices, symbols naming assets the book lacks, symbols left unmapped, several symbols combined by their
 * median), and write a scenario file that replays them, which "Write and open" hands to the console. Reading the files
 * and the book, and writing, run on the background executor.
 */
public final class RecordedFilesView {
    /** The mapping's "not mapped" choice. */
    static final String NONE = "(not mapped)";

    private final Executor background;
    private final Consumer<Path> onOpen;
    private final VBox root = new VBox(6);
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ListView<Path> fileList = new ListView<>(files);
    private final ObservableList<SeriesRow> series = FXCollections.observableArrayList();
    private final TableView<SeriesRow> seriesTable = new TableView<>(series);
    private final ObservableList<String[]> mapping = FXCollections.observableArrayList();
    private final TableView<String[]> mappingTable = new TableView<>(mapping);
    private final TextField book = new TextField();
    private final Label checkText = new Label();
    private final Label checkWarnings = new Label();
    private final Label status = new Label();
    private final TextField name = new TextField("recorded replay");
    private final TextField target = new TextField();
    private final Button write = new Button("Write scenario");
    private final Button writeOpen = new Button("Write and open");
    private final ObservableList<String> assetChoices = FXCollections.observableArrayList();
    private Inspection inspection;
    private List<String> assets = List.of();

    /**
     * @param library    the library: the sample book as the default (once copied out of the jar), its folder as
     *                   where to write
     * @param background where files are read and written (off the FX thread)
     * @param onOpen     told of a written scenario the user chose to open
     */
    public RecordedFilesView(ScenarioLibrary library, Executor background, Consumer<Path> onOpen) {
        this.background = background;
        this.onOpen = onOpen;
        root.setPadding(new Insets(10));
        root.getStyleClass().add("recorded-files");

        Label title = new Label("Recorded files → scenario");
        title.getStyleClass().add("section");
        fileList.setId("recorded-files");
        fileList.setPrefHeight(90);
        Button pick = new Button("Add files…");
        pick.setId("recorded-add");
        pick.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Recorded price files");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Recorded CSV (*.csv)", "*.csv"));
            List<java.io.File> fs = fc.showOpenMultipleDialog(root.getScene() == null ? null
                    : root.getScene().getWindow());
            if (fs != null) {
                addFiles(fs.stream().map(java.io.File::toPath).toList());
            }
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            files.clear();
            series.clear();
            mapping.clear();
            inspection = null;
            recheck();
        });
        Button inspect = new Button("Inspect");
        inspect.setId("recorded-inspect");
        inspect.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(files));
        inspect.setOnAction(e -> inspect());
        HBox fileButtons = new HBox(8, pick, inspect, clear);

        seriesTable.setId("recorded-series");
        seriesTable.setPlaceholder(new Label("pick files and inspect them"));
        seriesTable.getColumns().add(OverviewView.column("Symbol", SeriesRow::symbol));
        seriesTable.getColumns().add(OverviewView.column("Kind", SeriesRow::kind));
        seriesTable.getColumns().add(OverviewView.column("Rows", s -> Format.count(s.events())));
        seriesTable.getColumns().add(OverviewView.column("First (UTC)", s -> Format.time(s.firstMs())));
        seriesTable.getColumns().add(OverviewView.column("Last (UTC)", s -> Format.time(s.lastMs())));
        seriesTable.getColumns().add(OverviewView.column("Spacing", s -> Format.duration(s.spacingMs())));
        seriesTable.getColumns().add(OverviewView.column("Gaps", s -> s.gaps() == 0 ? "none"
                : Format.count(s.gaps()) + ", longest " + Format.duration(s.longestGapMs())));
        seriesTable.getColumns().add(OverviewView.column("Low", s -> Format.price(s.low())));
        seriesTable.getColumns().add(OverviewView.column("High", s -> Format.price(s.high())));
        seriesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        double[] widths = {130, 80, 80, 180, 180, 80, 170, 110, 110};
        for (int i = 0; i < widths.length; i++) {
            seriesTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        seriesTable.setPrefHeight(150);

        book.setId("recorded-book");
        HBox.setHgrow(book, Priority.ALWAYS);
        background.execute(() -> {
            String sample;
            try {
                sample = library.bundledFile("flash-crash.json").getParent().resolveSibling("books")
                        .resolve("population-300.json").toAbsolutePath().normalize().toString();
            } catch (RuntimeException e) {
                sample = "";
            }
            String text = sample;
            Platform.runLater(() -> {
                if (book.getText().isBlank()) {
                    book.setText(text);
                    loadBook();
                }
            });
        });
        Button bookPick = new Button("Book…");
        bookPick.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("The book to replay the prices over");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Book (*.json)", "*.json"));
            java.io.File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                book.setText(f.getPath());
                loadBook();
            }
        });
        Button bookLoad = new Button("Use book");
        bookLoad.setId("recorded-book-load");
        bookLoad.setOnAction(e -> loadBook());
        HBox bookRow = new HBox(8, new Label("Book"), book, bookPick, bookLoad);
        bookRow.setAlignment(Pos.CENTER_LEFT);

        mappingTable.setId("recorded-mapping");
        mappingTable.setEditable(true);
        mappingTable.setPlaceholder(new Label("the price symbols appear here after inspection"));
        TableColumn<String[], String> symbolCol = new TableColumn<>("Feed symbol");
        symbolCol.setCellValueFactory(d -> new SimpleStringProperty(d.getValue()[0]));
        TableColumn<String[], String> assetCol = new TableColumn<>("Asset of the book (editable)");
        assetCol.setCellValueFactory(d -> new SimpleStringProperty(d.getValue()[1]));
        assetCol.setCellFactory(ComboBoxTableCell.forTableColumn(assetChoices));
        assetCol.setEditable(true);
        assetCol.setOnEditCommit(ev -> {
            ev.getRowValue()[1] = ev.getNewValue();
            recheck();
        });
        mappingTable.getColumns().addAll(List.of(symbolCol, assetCol));
        mappingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        mappingTable.setPrefHeight(150);
        checkText.setId("recorded-check");
        checkText.setWrapText(true);
        checkWarnings.setId("recorded-check-warnings");
        checkWarnings.setWrapText(true);
        checkWarnings.getStyleClass().add("check-warning");

        name.setId("recorded-name");
        target.setId("recorded-target");
        target.setText(library.userFolder().resolve("recorded-replay.json").toString());
        HBox.setHgrow(target, Priority.ALWAYS);
        write.setId("recorded-write");
        write.setOnAction(e -> write(false));
        writeOpen.setId("recorded-write-open");
        writeOpen.setOnAction(e -> write(true));
        status.setId("recorded-status");
        status.setWrapText(true);
        GridPane out = new GridPane();
        out.setHgap(8);
        out.setVgap(6);
        out.addRow(0, new Label("Name"), name);
        HBox targetRow = new HBox(8, target, write, writeOpen);
        GridPane.setHgrow(targetRow, Priority.ALWAYS);
        out.addRow(1, new Label("File"), targetRow);
        out.add(status, 1, 2);

        Label inspectTitle = new Label("What the files hold");
        inspectTitle.getStyleClass().add("section");
        Label mapTitle = new Label("Symbols → assets");
        mapTitle.getStyleClass().add("section");
        root.getChildren().addAll(title, fileList, fileButtons, inspectTitle, seriesTable, mapTitle, bookRow,
                mappingTable, checkText, checkWarnings, out);
        VBox.setVgrow(seriesTable, Priority.ALWAYS);
        recheck();
    }

    /** @return the view's node */
    public Node node() {
        return root;
    }

    /** @param picked files to add to the list (the file chooser's choice) */
    public void addFiles(List<Path> picked) {
        picked.stream().filter(p -> !files.contains(p)).forEach(files::add);
    }

    /** @return the mapping as edited: feed symbol → asset, unmapped symbols left out */
    public Map<String, String> mapping() {
        Map<String, String> m = new TreeMap<>();
        mapping.forEach(r -> {
            if (r[1] != null && !r[1].equals(NONE) && !r[1].isBlank()) {
                m.put(r[0], r[1]);
            }
        });
        return m;
    }

    /**
     * @param symbol a feed symbol in the mapping
     * @param asset  its asset, or {@link #NONE}
     */
    public void map(String symbol, String asset) {
        mapping.stream().filter(r -> r[0].equals(symbol)).forEach(r -> r[1] = asset);
        mappingTable.refresh();
        recheck();
    }

    private void inspect() {
        List<Path> list = List.copyOf(files);
        status.setText("reading " + list.size() + (list.size() == 1 ? " file" : " files") + "…");
        background.execute(() -> {
            try {
                Inspection in = RecordedScenarioBuilder.inspect(list);
                Platform.runLater(() -> show(in));
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    inspection = null;
                    series.clear();
                    mapping.clear();
                    status.setText("cannot inspect: " + e.getMessage());
                    recheck();
                });
            }
        });
    }

    private void show(Inspection in) {
        inspection = in;
        series.setAll(in.series());
        Map<String, String> guess = RecordedScenarioBuilder.guess(in.priceSymbols(), assets);
        mapping.setAll(in.priceSymbols().stream().map(s -> new String[] {s, guess.getOrDefault(s, NONE)}).toList());
        List<String> lines = new ArrayList<>();
        lines.add(in.files().size() + (in.files().size() == 1 ? " file" : " files") + ": "
                + String.join(", ", in.files().stream().map(f -> f.path().getFileName() + " (" + f.format() + ")")
                .toList()) + "; prices from " + Format.time(in.startMs()) + " for "
                + Format.duration(in.endMs() - in.startMs()));
        lines.addAll(in.notes());
        status.setText(String.join("\n", lines));
        recheck();
    }

    private void loadBook() {
        String text = book.getText().trim();
        if (text.isEmpty()) {
            applyBook(List.of(), null);
            return;
        }
        checkText.setText("reading the book…");
        background.execute(() -> {
            List<String> read;
            String problem = null;
            try {
                read = RecordedScenarioBuilder.bookAssets(Path.of(text));
            } catch (RuntimeException e) {
                read = List.of();
                problem = "the book cannot be read: " + e.getMessage();
            }
            List<String> a = read;
            String p = problem;
            Platform.runLater(() -> applyBook(a, p));
        });
    }

    private void applyBook(List<String> read, String problem) {
        assets = read;
        assetChoices.setAll(read);
        assetChoices.add(NONE);
        if (inspection != null) {
            Map<String, String> guess = RecordedScenarioBuilder.guess(inspection.priceSymbols(), assets);
            mapping.forEach(r -> r[1] = guess.getOrDefault(r[0], NONE));
            mappingTable.refresh();
        }
        recheck();
        if (problem != null) {
            checkText.getStyleClass().removeAll("check-ok", "check-warning");
            checkText.getStyleClass().add("field-error");
            checkText.setText(problem);
        }
    }

    private void recheck() {
        checkText.getStyleClass().removeAll("field-error", "check-warning", "check-ok");
        boolean ok = false;
        if (inspection == null) {
            checkText.setText(assets.isEmpty() ? "choose a book" : "book: " + assets.size() + " assets ("
                    + String.join(", ", assets) + ")");
        } else if (assets.isEmpty()) {
            checkText.setText("choose a book the prices are replayed over");
            checkText.getStyleClass().add("field-error");
        } else {
            MappingCheck c = RecordedScenarioBuilder.check(mapping(), inspection, assets, "USDC");
            ok = c.ok();
            checkText.setText(ok ? "✓ can be written" + (c.warnings().isEmpty() ? ": every asset of the book is"
                    + " priced" : ", with:") : "✗ " + String.join("\n✗ ", c.errors()));
            checkText.getStyleClass().add(ok ? "check-ok" : "field-error");
            checkWarnings.setText(String.join("\n", c.warnings().stream().map(w -> "⚠ " + w).toList()));
        }
        if (inspection == null || assets.isEmpty()) {
            checkWarnings.setText("");
        }
        write.setDisable(!ok);
        writeOpen.setDisable(!ok);
    }

    private void write(boolean open) {
        if (inspection == null) {
            return;
        }
        Inspection in = inspection;
        Map<String, String> m = mapping();
        Path bookFile = Path.of(book.getText().trim());
        Path file = Path.of(target.getText().trim());
        String n = name.getText().isBlank() ? "recorded replay" : name.getText().trim();
        write.setDisable(true);
        writeOpen.setDisable(true);
        status.setText("writing " + file.getFileName() + " and reading it back…");
        background.execute(() -> {
            String text;
            boolean ok;
            try {
                RecordedScenarioBuilder.write(in, bookFile, m, n, file);
                text = "written " + file + ": " + m.size() + " symbols mapped, replaying "
                        + Format.duration(in.endMs() - in.startMs()) + " from " + Format.time(in.startMs());
                ok = true;
            } catch (RuntimeException e) {
                text = "not written: " + e.getMessage();
                ok = false;
            }
            String t = text;
            boolean done = ok;
            Platform.runLater(() -> {
                status.setText(t);
                recheck();
                if (done && open) {
                    onOpen.accept(file);
                }
            });
        });
    }
}
