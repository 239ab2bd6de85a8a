package io.solvent.app.view;

import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.app.tiles.TilePalette;
import io.solvent.app.viewmodel.ConsoleViewModel;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import io.solvent.engine.sim.SimulationEvent;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The console's window content: menus and the transport on top, the six views as tabs, the status bar below. One
 * {@link AnimationTimer} drives it: each pulse takes the newest engine view through the bridge (the view models update
 * once), then the view shown copies what changed into its nodes. The FX thread does nothing else.
 */
public final class ConsoleWindow {
    /** Speeds offered, simulated seconds per wall second (0: as fast as possible). */
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 60.0, 600.0, 3600.0, 0.0);

    private final EngineBridge bridge;
    private final ConsoleViewModel vm;
    private final PulseWork work;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<String, ConsoleView> views = new LinkedHashMap<>();
    private final OverviewView overview;
    private final Scene scene;
    private final AnimationTimer timer;
    private final List<LongConsumer> pulseListeners = new ArrayList<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleWindow.class);
    private long failures;
    private ConsoleView shown;
    private boolean justShown = true;
    private String theme;
    private final io.solvent.app.workbench.Workbench bench;
    private final io.solvent.app.viewmodel.TransportViewModel transport;
    private final io.solvent.app.viewmodel.ParametersViewModel parameters;
    private final io.solvent.app.viewmodel.CompareViewModel compare;
    private final CompareView compareView;
    private final ParametersView parametersView;
    private final TimelineView timeline;
    private final Menu bookmarksMenu = new Menu("Bookmarks");
    private final Menu runsMenu = new Menu("Runs");
    private Runnable onOpenWorkspace = () -> { };
    private Runnable onSaveWorkspace = () -> { };
    private Runnable onReport = () -> { };
    private final java.util.List<MenuItem> tools = new ArrayList<>();

    /**
     * @param bridge   the engine bridge
     * @param vm       the view models
     * @param theme    {@code dark} or {@code light}
     * @param width    the scene's width, px
     * @param height   the scene's height, px
     * @param onTheme  told when the operator switches theme
     * @param onOpen   told when the operator asks to open a scenario (File menu)
     * @param bench    the operator's work on the runs (parameter edits, forks, bookmarks)
     */
    public ConsoleWindow(EngineBridge bridge, ConsoleViewModel vm, io.solvent.app.workbench.Workbench bench,
                         String theme, double width, double height, Consumer<String> onTheme, Runnable onOpen) {
        this.bridge = bridge;
        this.vm = vm;
        this.work = bridge.work();
        this.theme = theme;
        this.bench = bench;
        transport = new io.solvent.app.viewmodel.TransportViewModel(bridge::submit);
        parameters = new io.solvent.app.viewmodel.ParametersViewModel(bench, bridge::submit,
                io.solvent.app.viewmodel.ParametersViewModel.onFxThread());
        compare = new io.solvent.app.viewmodel.CompareViewModel(work);
        vm.attach(transport::update);
        vm.attach(parameters::update);
        vm.attach(compare::update);
        vm.attach(v -> runs(v.labels(), v.activeLabel()));
        timeline = new TimelineView(transport, bench::bookmarks);
        compareView = new CompareView(compare, work);
        overview = new OverviewView(vm.overview(), TilePalette.of(theme), work);
        add(overview);
        add(new MarketView(vm.market(), work));
        add(new DistributionsView(vm.distributions(), work));
        add(new AccountsView(vm.accounts(), bridge::current, work));
        add(new InsuranceView(vm.insurance(), work));
        add(new EventsView(vm.events()));
        parametersView = new ParametersView(parameters);
        add(parametersView);
        add(compareView);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            shown = b == null ? null : views.get(b.getId().substring("tab-".length()));
            justShown = true;
        });
        shown = overview;

        root.setTop(new VBox(menus(onTheme, onOpen), transportBar(), timelineRow));
        root.setCenter(tabs);
        root.setBottom(new StatusBarView(vm.status()));
        scene = new Scene(root, width, height);
        applyTheme(theme);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    /**
     * Adds a view as a tab, with a View menu item (the next free Shortcut+digit).
     *
     * @param v the view
     */
    public void addView(ConsoleView v) {
        add(v);
        viewMenu.getItems().add(viewItem(v, views.size()));
    }

    /** @return the View menu's item that shows a view, Shortcut+{@code n} for the first nine */
    private MenuItem viewItem(ConsoleView v, int n) {
        MenuItem go = new MenuItem(v.title());
        if (n <= 9) {
            go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + n));
        }
        go.setOnAction(e -> select(v.name()));
        return go;
    }

    private void add(ConsoleView v) {
        views.put(v.name(), v);
        Tab t = new Tab(v.title(), v.node());
        t.setId("tab-" + v.name());
        tabs.getTabs().add(t);
    }

    private MenuBar menus(Consumer<String> onTheme, Runnable onOpen) {
        MenuItem open = new MenuItem("Open scenario (library, recent, yours)…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> onOpen.run());
        MenuItem openWs = new MenuItem("Open workspace…");
        openWs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openWs.setOnAction(e -> onOpenWorkspace.run());
        MenuItem saveWs = new MenuItem("Save workspace…");
        saveWs.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveWs.setOnAction(e -> onSaveWorkspace.run());
        MenuItem png = new MenuItem("Export view as PNG…");
        png.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        png.setOnAction(e -> exportPng());
        MenuItem csv = new MenuItem("Export table as CSV…");
        csv.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        csv.setOnAction(e -> exportCsv());
        MenuItem report = new MenuItem("Export run report (HTML)…");
        report.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        report.setOnAction(e -> onReport.run());
        Menu file = new Menu("File", null, open, openWs, saveWs, new javafx.scene.control.SeparatorMenuItem(), png,
                csv, report);
        MenuItem undo = new MenuItem("Undo parameter edit");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> parameters.undo());
        MenuItem editParams = new MenuItem("Edit parameters");
        editParams.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        editParams.setOnAction(e -> select("parameters"));
        Menu edit = new Menu("Edit", null, undo, editParams);
        MenuItem dark = new MenuItem("Dark theme");
        dark.setOnAction(e -> {
            applyTheme("dark");
            onTheme.accept("dark");
        });
        MenuItem light = new MenuItem("Light theme");
        light.setOnAction(e -> {
            applyTheme("light");
            onTheme.accept("light");
        });
        viewMenu = new Menu("View", null, dark, light);
        int i = 1;
        for (ConsoleView v : views.values()) {
            viewMenu.getItems().add(viewItem(v, i++));
        }
        MenuItem play = new MenuItem("Play");
        play.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        play.setOnAction(e -> vm.play());
        MenuItem pause = new MenuItem("Pause");
        pause.setAccelerator(KeyCombination.keyCombination("Shortcut+Space"));
        pause.setOnAction(e -> vm.pause());
        MenuItem step = new MenuItem("Step one event");
        step.setAccelerator(KeyCombination.keyCombination("Shortcut+Period"));
        step.setOnAction(e -> vm.step());
        MenuItem nextLiq = jumpItem("Next liquidation", "Shortcut+RIGHT", SimulationEvent.Kind.LIQUIDATION, true);
        MenuItem prevLiq = jumpItem("Previous liquidation", "Shortcut+LEFT", SimulationEvent.Kind.LIQUIDATION, false);
        MenuItem nextBk = jumpItem("Next bankruptcy", "Shortcut+Shift+RIGHT", SimulationEvent.Kind.BANKRUPTCY, true);
        MenuItem prevBk = jumpItem("Previous bankruptcy", "Shortcut+Shift+LEFT", SimulationEvent.Kind.BANKRUPTCY,
                false);
        MenuItem start = new MenuItem("Go to the start");
        start.setAccelerator(KeyCombination.keyCombination("Shortcut+HOME"));
        start.setOnAction(e -> {
            long s = transport.startMsProperty().get();
            if (s != Long.MIN_VALUE) {
                vm.seek(s);
            }
        });
        MenuItem faster = new MenuItem("Faster");
        faster.setAccelerator(KeyCombination.keyCombination("Shortcut+UP"));
        faster.setOnAction(e -> speedBy(1));
        MenuItem slower = new MenuItem("Slower");
        slower.setAccelerator(KeyCombination.keyCombination("Shortcut+DOWN"));
        slower.setOnAction(e -> speedBy(-1));
        MenuItem mark = new MenuItem("Add bookmark…");
        mark.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        mark.setOnAction(e -> addBookmark());
        bookmarksMenu.getItems().setAll(mark);
        Menu replay = new Menu("Replay", null, play, pause, step, new javafx.scene.control.SeparatorMenuItem(),
                prevLiq, nextLiq, prevBk, nextBk, start, new javafx.scene.control.SeparatorMenuItem(), faster, slower);
        MenuItem sheet = new MenuItem("Keyboard shortcuts");
        sheet.setAccelerator(KeyCombination.keyCombination("F1"));
        Menu help = new Menu("Help", null, sheet);
        MenuBar bar = new MenuBar(file, edit, viewMenu, replay, bookmarksMenu, runsMenu, help);
        menuBar = bar;
        toolsMenu = new Menu("Tools");
        sheet.setOnAction(e -> ShortcutSheet.show(bar, scene));
        return bar;
    }

    private Menu toolsMenu;
    private Menu viewMenu;
    private MenuBar menuBar;

    /**
     * Adds a Tools menu item (a batch run, the deleveraging lab, the scenario builder).
     *
     * @param title       the item's title
     * @param accelerator its shortcut, such as {@code Shortcut+T}, or null
     * @param action      what it does
     */
    public void addTool(String title, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(title);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        toolsMenu.getItems().add(m);
        if (!menuBar.getMenus().contains(toolsMenu)) {
            menuBar.getMenus().add(menuBar.getMenus().size() - 1, toolsMenu);
        }
    }

    private MenuItem jumpItem(String title, String keys, SimulationEvent.Kind kind, boolean forward) {
        MenuItem m = new MenuItem(title);
        m.setAccelerator(KeyCombination.keyCombination(keys));
        m.setOnAction(e -> vm.jump(kind, forward));
        return m;
    }

    private void speedBy(int steps) {
        int i = SPEEDS.indexOf(vm.speed());
        int next = Math.max(0, Math.min(SPEEDS.size() - 1, (i < 0 ? 2 : i) + steps));
        if (speedChoice != null) {
            speedChoice.setValue(SPEEDS.get(next));
        } else {
            vm.play(SPEEDS.get(next));
        }
    }

    private ChoiceBox<Double> speedChoice;
    private javafx.scene.layout.HBox timelineRow;
    private java.util.List<String> runLabels = java.util.List.of();
    private String runActive = "";

    private void runs(java.util.List<String> labels, String active) {
        if (labels.equals(runLabels) && active.equals(runActive)) {
            return;
        }
        runLabels = labels;
        runActive = active;
        runsMenu.getItems().clear();
        javafx.scene.control.ToggleGroup g = new javafx.scene.control.ToggleGroup();
        for (String l : labels) {
            javafx.scene.control.RadioMenuItem m = new javafx.scene.control.RadioMenuItem("Show run '" + l + "'");
            m.setToggleGroup(g);
            m.setSelected(l.equals(active));
            m.setOnAction(e -> vm.switchTo(l));
            runsMenu.getItems().add(m);
        }
        MenuItem cmp = new MenuItem("Compare runs");
        cmp.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        cmp.setOnAction(e -> select("compare"));
        runsMenu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), cmp);
    }

    private void addBookmark() {
        long t = transport.timeMsProperty().get();
        if (t == Long.MIN_VALUE) {
            return;
        }
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
        d.setTitle("Add bookmark");
        d.setHeaderText("Bookmark " + io.solvent.app.viewmodel.Format.time(t));
        d.setContentText("Note:");
        d.initOwner(scene.getWindow());
        d.showAndWait().ifPresent(note -> addBookmark(new io.solvent.app.workbench.Bookmark(t, note)));
    }

    /** @param b a bookmark to add (menu and timeline) */
    public void addBookmark(io.solvent.app.workbench.Bookmark b) {
        bench.addBookmark(b);
        refreshBookmarks();
    }

    /** Rebuilds the bookmarks menu (after bookmarks were added by a workspace). */
    public void refreshBookmarks() {
        MenuItem add = bookmarksMenu.getItems().getFirst();
        bookmarksMenu.getItems().setAll(add);
        if (!bench.bookmarks().isEmpty()) {
            bookmarksMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        for (io.solvent.app.workbench.Bookmark b : bench.bookmarks()) {
            MenuItem go = new MenuItem(io.solvent.app.viewmodel.Format.time(b.timeMs())
                    + (b.note().isEmpty() ? "" : " — " + b.note()));
            go.setOnAction(e -> vm.seek(b.timeMs()));
            bookmarksMenu.getItems().add(go);
        }
    }

    private void exportPng() {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Export the view as PNG");
        c.setInitialFileName("solvent-" + shownName() + ".png");
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File f = c.showSaveDialog(scene.getWindow());
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /** @param out where to write the view shown as a PNG @return whether it was written */
    public boolean exportPng(java.nio.file.Path out) {
        try {
            renderNow();
            Exports.png(tabs.getSelectionModel().getSelectedItem().getContent().snapshot(null, null), out);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("could not export {}: {}", out, e.getMessage());
            error("Could not write " + out, e.getMessage());
            return false;
        }
    }

    private void exportCsv() {
        TableView<?> t = shownTable();
        if (t == null) {
            error("This view has no table", "Show the Overview, Accounts, Insurance fund, Events, Parameters or"
                    + " Compare view to export its table.");
            return;
        }
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Export the table as CSV");
        c.setInitialFileName("solvent-" + shownName() + ".csv");
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = c.showSaveDialog(scene.getWindow());
        if (f != null) {
            try {
                Exports.csv(t, f.toPath());
            } catch (java.io.IOException e) {
                error("Could not write " + f, e.getMessage());
            }
        }
    }

    /** @return the main table of the view shown (the largest), or null */
    public TableView<?> shownTable() {
        javafx.scene.Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        TableView<?> best = null;
        for (javafx.scene.Node n : content.lookupAll(".table-view")) {
            if (n instanceof TableView<?> t && n.isVisible() && (best == null || t.getItems().size()
                    > best.getItems().size())) {
                best = t;
            }
        }
        return best;
    }

    private void error(String header, String detail) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                detail);
        a.setHeaderText(header);
        if (scene.getWindow() != null) {
            a.initOwner(scene.getWindow());
        }
        a.show();
    }

    /** @param open told when the operator asks to open a workspace @param save when to save one */
    public void onWorkspace(Runnable open, Runnable save) {
        this.onOpenWorkspace = open;
        this.onSaveWorkspace = save;
    }

    /**
     * Adds the alerts: their view as a tab, their badge in the status bar, and their monitor fed every new view.
     *
     * @param alerts the alerts' view model (the application's: it outlives a session)
     */
    public void addAlerts(io.solvent.app.alert.AlertsViewModel alerts) {
        vm.attach(alerts::update);
        io.solvent.app.alert.AlertsView av = new io.solvent.app.alert.AlertsView(alerts);
        addView(av);
        if (root.getBottom() instanceof StatusBarView bar) {
            javafx.scene.control.Label badge = av.badge(() -> select("alerts"));
            int spacer = 0;
            for (int i = 0; i < bar.getChildren().size(); i++) {
                if (bar.getChildren().get(i) instanceof Region r && !(r instanceof javafx.scene.control.Control)
                        && javafx.scene.layout.HBox.getHgrow(r) == javafx.scene.layout.Priority.ALWAYS) {
                    spacer = i;
                }
            }
            bar.getChildren().add(spacer, badge);
        }
    }

    /** @param report told when the operator asks for the active run's HTML report */
    public void onReport(Runnable report) {
        this.onReport = report;
    }

    /** @return the parameter sheet's view model */
    public io.solvent.app.viewmodel.ParametersViewModel parameters() {
        return parameters;
    }

    /** @return the Compare view's view model */
    public io.solvent.app.viewmodel.CompareViewModel compare() {
        return compare;
    }

    /** @return the parameter sheet's view */
    public ParametersView parametersView() {
        return parametersView;
    }

    /** @return the Compare view (for batch tabs) */
    public CompareView compareView() {
        return compareView;
    }

    /** @return the transport's view model */
    public io.solvent.app.viewmodel.TransportViewModel transport() {
        return transport;
    }

    /** @return the operator's work on the runs */
    public io.solvent.app.workbench.Workbench workbench() {
        return bench;
    }

    private ToolBar transportBar() {
        Button play = new Button("▶ Play");
        play.setId("transport-play");
        play.setOnAction(e -> vm.play());
        Button pause = new Button("❚❚ Pause");
        pause.setId("transport-pause");
        pause.setOnAction(e -> vm.pause());
        Button step = new Button("Step");
        step.setId("transport-step");
        step.setTooltip(new Tooltip("process one feed event, paused"));
        step.setOnAction(e -> vm.step());
        ChoiceBox<Double> speed = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(SPEEDS));
        speed.setId("transport-speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double s) {
                return s == null ? "" : s == 0 ? "fastest" : String.format(java.util.Locale.ROOT, "%.0f×", s);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(SPEEDS.contains(vm.speed()) ? vm.speed() : 60.0);
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.play(b);
            }
        });
        speedChoice = speed;
        Button prevBk = jumpButton("|◀ bk", "transport-prev-bankruptcy", "previous bankruptcy", SimulationEvent.Kind.BANKRUPTCY, false);
        Button prevLiq = jumpButton("◀ liq", "transport-prev-liquidation", "previous liquidation",
                SimulationEvent.Kind.LIQUIDATION, false);
        Button nextLiq = jumpButton("liq ▶", "transport-next-liquidation", "next liquidation (plays until one)",
                SimulationEvent.Kind.LIQUIDATION, true);
        Button nextBk = jumpButton("bk ▶|", "transport-next-bankruptcy", "next bankruptcy (plays until one)",
                SimulationEvent.Kind.BANKRUPTCY, true);
        Button mark = new Button("Bookmark");
        mark.setId("transport-bookmark");
        mark.setTooltip(new Tooltip("bookmark this moment with a note"));
        mark.setOnAction(e -> addBookmark());
        Label where = new Label();
        where.setId("transport-position");
        where.textProperty().bind(transport.positionProperty());
        where.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(timeline, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(6, timeline, where);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(line, javafx.scene.layout.Priority.ALWAYS);
        ToolBar bar = new ToolBar(prevBk, prevLiq, play, pause, step, nextLiq, nextBk, new Label("Speed"), speed,
                mark);
        bar.setId("transport");
        line.setPadding(new javafx.geometry.Insets(2, 8, 4, 8));
        line.getStyleClass().add("timeline-row");
        timelineRow = line;
        return bar;
    }

    private Button jumpButton(String text, String id, String tip, SimulationEvent.Kind kind, boolean forward) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> vm.jump(kind, forward));
        return b;
    }

    /** @param t {@code dark} or {@code light} */
    public void applyTheme(String t) {
        theme = t;
        scene.getStylesheets().setAll(ConsoleWindow.class.getResource(
                "/io/solvent/app/console/console-" + ("light".equals(t) ? "light" : "dark") + ".css").toExternalForm());
        overview.restyle(TilePalette.of(t));
        timeline.setDark(!"light".equals(t));
        justShown = true;
    }

    /** @param name a view's name ({@code overview}, {@code market}, ...) @return whether there is such a view */
    public boolean select(String name) {
        for (Tab t : tabs.getTabs()) {
            if (t.getId().equals("tab-" + name)) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** @return the names of the views, in tab order */
    public List<String> viewNames() {
        return List.copyOf(views.keySet());
    }

    /** @return the view shown's name */
    public String shownName() {
        return shown == null ? "" : shown.name();
    }

    /**
     * One pulse: the newest engine view into the view models, the view shown redrawn.
     *
     * @param now the pulse's time, ns
     */
    public void pulse(long now) {
        long started = System.nanoTime();
        try {
            bridge.pulse(); // a new engine view, if any, goes to the view models
            if (shown != null) {
                shown.render(now, justShown);
                timeline.render(now, justShown);
                justShown = false;
            }
        } catch (RuntimeException e) {
            if (failures++ % 600 == 0) { // a failing pulse is logged, not repeated 60 times a second
                LOG.error("a console pulse failed ({} so far)", failures, e);
            }
        }
        work.endPulse();
        long took = System.nanoTime() - started;
        for (LongConsumer l : pulseListeners) {
            l.accept(took);
        }
    }

    /** @param l told each pulse's duration on the FX thread, ns (for {@code solvent bench --console}) */
    public void onPulse(LongConsumer l) {
        pulseListeners.add(l);
    }

    /** Redraws the view shown now, whatever its rate (before a snapshot). */
    public void renderNow() {
        if (shown != null) {
            shown.render(System.nanoTime(), true);
        }
        timeline.render(System.nanoTime(), true);
    }

    /** Starts the pulses. */
    public void start() {
        timer.start();
    }

    /** Stops the pulses. */
    public void stop() {
        timer.stop();
    }

    /** @return the scene */
    public Scene scene() {
        return scene;
    }

    /** @return the theme now */
    public String theme() {
        return theme;
    }
}
