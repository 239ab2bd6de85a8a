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
import javafx.scene.layout.BorderPane;
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

    /**
     * @param bridge   the engine bridge
     * @param vm       the view models
     * @param theme    {@code dark} or {@code light}
     * @param width    the scene's width, px
     * @param height   the scene's height, px
     * @param onTheme  told when the operator switches theme
     * @param onOpen   told when the operator asks to open a scenario (File menu)
     */
    public ConsoleWindow(EngineBridge bridge, ConsoleViewModel vm, String theme, double width, double height,
                         Consumer<String> onTheme, Runnable onOpen) {
        this.bridge = bridge;
        this.vm = vm;
        this.work = bridge.work();
        this.theme = theme;
        overview = new OverviewView(vm.overview(), TilePalette.of(theme), work);
        add(overview);
        add(new MarketView(vm.market(), work));
        add(new DistributionsView(vm.distributions(), work));
        add(new AccountsView(vm.accounts(), bridge::current, work));
        add(new InsuranceView(vm.insurance(), work));
        add(new EventsView(vm.events()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            shown = b == null ? null : views.get(b.getId().substring("tab-".length()));
            justShown = true;
        });
        shown = overview;

        root.setTop(new VBox(menus(onTheme, onOpen), transport()));
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

    private void add(ConsoleView v) {
        views.put(v.name(), v);
        Tab t = new Tab(v.title(), v.node());
        t.setId("tab-" + v.name());
        tabs.getTabs().add(t);
    }

    private MenuBar menus(Consumer<String> onTheme, Runnable onOpen) {
        MenuItem open = new MenuItem("Open scenario…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> onOpen.run());
        Menu file = new Menu("File", null, open);
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
        Menu viewMenu = new Menu("View", null, dark, light);
        int i = 1;
        for (String name : views.keySet()) {
            MenuItem go = new MenuItem(views.get(name).title());
            go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + i++));
            go.setOnAction(e -> select(name));
            viewMenu.getItems().add(go);
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
        return new MenuBar(file, viewMenu, new Menu("Replay", null, play, pause, step));
    }

    private ToolBar transport() {
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
        return new ToolBar(play, pause, step, new Label("Speed"), speed);
    }

    /** @param t {@code dark} or {@code light} */
    public void applyTheme(String t) {
        theme = t;
        scene.getStylesheets().setAll(ConsoleWindow.class.getResource(
                "/io/solvent/app/console/console-" + ("light".equals(t) ? "light" : "dark") + ".css").toExternalForm());
        overview.restyle(TilePalette.of(t));
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
