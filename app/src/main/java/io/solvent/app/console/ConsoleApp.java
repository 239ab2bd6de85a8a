package io.solvent.app.console;

import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.ConsoleSettings;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.SettingsStore;
import io.solvent.app.view.ConsoleWindow;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The console application: opens the last workspace's scenario (or the embedded default) on its engine thread,
 * playing, in a window placed and themed as the user left it; saves the settings atomically on every change of
 * theme, view or scenario and when the window closes.
 */
public final class ConsoleApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    /** The system property naming a scenario to open instead of the last one (set by the launcher). */
    public static final String SCENARIO_PROPERTY = "solvent.console.scenario";
    /** The system property asking for the first frame's time and an exit that many seconds later (smoke tests). */
    public static final String EXIT_AFTER_PROPERTY = "solvent.console.exitAfter";
    /** With {@link #EXIT_AFTER_PROPERTY}: where to write the window's content just before the exit. */
    public static final String SCREENSHOT_PROPERTY = "solvent.console.screenshot";
    /** A session opened before the window (a live one, connected by the launcher), or null. */
    private static volatile ConsoleSession prepared;

    private static final java.util.List<Runnable> CONSOLE_SHOWN = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param r run on the FX thread each time a console's views are put in the window (after the scenario was read:
     *          the console's first frame follows at the next pulse)
     */
    public static void onConsoleShown(Runnable r) {
        CONSOLE_SHOWN.add(r);
    }

    /** @param s a session to show instead of a scenario's (the launcher's live session) */
    public static void prepare(ConsoleSession s) {
        prepared = s;
    }

    private SettingsStore store;
    private ConsoleSettings settings;
    private Stage stage;
    private ConsoleSession session;
    private EngineBridge bridge;
    private ConsoleWindow window;
    private Path scenarioFile;
    private ConsoleViewModel consoleVm;
    private io.solvent.app.alert.AlertsViewModel alerts;
    private io.solvent.app.alert.AlertSound sound;
    private io.solvent.app.alert.AlertNotifier notifier;
    private final java.util.concurrent.ExecutorService alertsIo = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "solvent-alerts-io");
                t.setDaemon(true);
                return t;
            });

    @Override
    public void start(Stage primary) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("uncaught on {}", t.getName(), e));
        String exitAfter = System.getProperty(EXIT_AFTER_PROPERTY);
        if (exitAfter != null) {
            reportFirstFrame(Double.parseDouble(exitAfter));
        }
        stage = primary;
        for (int px : new int[] {16, 32, 48, 64, 128, 256}) { // the app's own icon (assets/icons), for the title bar
            try (java.io.InputStream icon = ConsoleApp.class.getResourceAsStream("/io/solvent/assets/icons/solvent-"
                    + px + ".png")) {
                if (icon != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(icon));
                }
            } catch (IOException e) {
                LOG.warn("no {} px icon: {}", px, e.getMessage());
            }
        }
        store = SettingsStore.inConfigDirectory(System.getenv());
        settings = store.load();
        alerts = new io.solvent.app.alert.AlertsViewModel(io.solvent.app.alert.AlertRulesStore.inConfigDirectory(
                System.getenv()), alertsIo, Platform::runLater, System::currentTimeMillis);
        sound = new io.solvent.app.alert.AlertSound();
        notifier = new io.solvent.app.alert.AlertNotifier(stage, sound);
        notifier.setDark(!"light".equals(settings.theme()));
        notifier.setOnOpen(() -> window.select("alerts"));
        alerts.addListener(notifier);
        String asked = System.getProperty(SCENARIO_PROPERTY, "");
        String scenario = !asked.isEmpty() ? asked : settings.scenario();
        if (prepared != null) {
            show(prepared, null, true);
        } else {
            open(scenario.isEmpty() ? null : Path.of(scenario), true);
        }
        stage.setOnCloseRequest(e -> {
            save(settings.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized()));
            shutdown();
        });
    }

    /**
     * At the first pulse after the window is shown: one line on standard output with the time from the JVM's start,
     * then an exit after the given seconds (exit status 1 when no frame came within 60 s).
     */
    private static void reportFirstFrame(double seconds) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long[] windowAt = {0};
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                if (c.wasAdded() && windowAt[0] == 0) {
                    windowAt[0] = System.currentTimeMillis() - jvmStart;
                }
            }
        });
        boolean[] timing = {false};
        onConsoleShown(() -> {
            if (timing[0]) {
                return;
            }
            timing[0] = true;
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    long ms = System.currentTimeMillis() - jvmStart;
                    System.out.println("solvent: first frame " + ms + " ms after the JVM started (the window showed"
                            + " at " + windowAt[0] + " ms); exiting in " + seconds + " s");
                    System.out.flush();
                    javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                            javafx.util.Duration.seconds(seconds));
                    wait.setOnFinished(e -> {
                        String shot = System.getProperty(SCREENSHOT_PROPERTY);
                        int status = 0;
                        if (shot != null) {
                            try {
                                javafx.stage.Window w = javafx.stage.Window.getWindows().getFirst();
                                io.solvent.app.view.Exports.png(w.getScene().snapshot(null), Path.of(shot));
                                System.out.println("solvent: screenshot " + shot);
                            } catch (java.io.IOException | RuntimeException ex) {
                                System.err.println("solvent: no screenshot: " + ex.getMessage());
                                status = 1;
                            }
                        }
                        System.out.flush();
                        int code = status;
                        // System.exit (not halt): the JVM's exit work runs (an AOT cache being trained)
                        Thread.ofPlatform().daemon().start(() -> System.exit(code));
                    });
                    wait.play();
                }
            }.start();
        });
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000 + (long) (seconds * 1000));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("solvent: no frame within 60 s");
            Runtime.getRuntime().halt(1);
        }, "solvent-first-frame-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Reads the scenario off the FX thread (the embedded default generates 100,000 sub-accounts: seconds), showing a
     * loading screen the first time, then puts the console in the window. A file that cannot be read the first time
     * falls back to the embedded default, with a message.
     */
    private void open(Path file, boolean first) {
        open(file, first, () -> { });
    }

    /** As {@link #open(Path, boolean)}, then {@code then} on the FX thread once the console shows it. */
    private void open(Path file, boolean first, Runnable then) {
        if (first && stage.getScene() == null) {
            stage.setScene(loadingScene(file));
            stage.setTitle("Solvent — opening " + (file == null ? "the embedded default" : file.getFileName()));
            place();
            stage.show();
        }
        Thread reader = new Thread(() -> {
            try {
                read(file, first, then);
            } catch (RuntimeException | OutOfMemoryError e) { // never a loading screen left spinning in silence
                LOG.error("opening {} failed", file, e);
                Platform.runLater(() -> showError("Could not open the scenario.", e.toString()));
            }
        }, "solvent-open-scenario");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads the scenario and starts its engine (off the FX thread), then shows it on the FX thread. */
    private void read(Path file, boolean first, Runnable then) {
        Path f = file;
        Scenario sc;
        String error = null;
        try {
            sc = f == null ? ConsoleSession.defaultScenario() : ScenarioReader.read(f);
        } catch (InputException | java.io.UncheckedIOException e) {
            LOG.warn("cannot open {}: {}", f, e.getMessage());
            if (!first || f == null) {
                String why = e.getMessage();
                Platform.runLater(() -> showError("Could not open the scenario.", why));
                return;
            }
            error = e.getMessage();
            sc = ConsoleSession.defaultScenario();
            f = null;
        }
        ConsoleSession session = ConsoleSession.start(sc);
        Path opened = f;
        String fallback = error;
        Platform.runLater(() -> {
            show(session, opened, first);
            if (fallback != null) {
                showError("Could not open the scenario; the default is open instead.", fallback);
            }
            then.run();
        });
    }

    private javafx.scene.Scene loadingScene(Path file) {
        javafx.scene.control.Label what = new javafx.scene.control.Label("Opening " + (file == null
                ? "the embedded default: generating 100,000 sub-accounts…" : file.getFileName() + "…"));
        what.setId("loading-label");
        javafx.scene.control.ProgressIndicator spin = new javafx.scene.control.ProgressIndicator();
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(16, spin, what);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.getStyleClass().add("loading");
        javafx.scene.Scene scene = new javafx.scene.Scene(box, settings.width(), settings.height());
        scene.getStylesheets().setAll(ConsoleApp.class.getResource("/io/solvent/app/console/console-"
                + ("light".equals(settings.theme()) ? "light" : "dark") + ".css").toExternalForm());
        return scene;
    }

    private void place() {
        if (!Double.isNaN(settings.x()) && !Double.isNaN(settings.y())) {
            stage.setX(settings.x());
            stage.setY(settings.y());
        }
        stage.setMaximized(settings.maximized());
    }

    private void show(ConsoleSession next, Path file, boolean first) {
        if (window != null) {
            window.stop();
            session.close();
        }
        session = next;
        Scenario sc = next.scenario();
        ConsoleViewModel vm = new ConsoleViewModel(c -> bridge.submit(c), next.feedToAsset(), System::nanoTime,
                new io.solvent.app.service.PulseWork());
        if (next.feeds() instanceof io.solvent.engine.io.live.LiveSession live) {
            vm.status().watchLive(live::health); // the live source's fault counts beside its state
        }
        bridge = new EngineBridge(session.loop(), vm::update);
        consoleVm = vm;
        EngineBridge theBridge = bridge;
        io.solvent.app.workbench.Workbench bench = io.solvent.app.workbench.Workbench.forScenario(sc,
                store.file().toAbsolutePath().getParent(), theBridge::submit);
        window = new ConsoleWindow(bridge, vm, bench, settings.theme(), settings.width(), settings.height(),
                t -> {
                    save(settings.withTheme(t));
                    notifier.setDark(!"light".equals(t));
                }, () -> showLibrary("library"));
        alerts.reset(); // a new session: its runs are not the last one's
        window.addAlerts(alerts);
        window.select(settings.view());
        window.onWorkspace(this::chooseWorkspace, this::saveWorkspace);
        window.onReport(this::exportReport);
        io.solvent.app.viewmodel.DeleveragingLabViewModel lab = new io.solvent.app.viewmodel.DeleveragingLabViewModel();
        window.addView(new io.solvent.app.view.DeleveragingLabView(lab));
        ConsoleWindow labWindow = window;
        window.addTool("Deleveraging lab at this moment", "Shortcut+L", () -> {
            io.solvent.engine.sim.loop.EngineView v = bridge.current();
            if (v == null || v.timeMs() == Long.MIN_VALUE) {
                return;
            }
            lab.run(sc, labWindow.workbench().parametersOf(v.parameters()), v.timeMs());
            labWindow.select("lab");
        });
        io.solvent.app.stress.StressTaskViewModel batchVm = io.solvent.app.stress.StressTaskViewModel.forConsole(sc,
                sc.parameters().values(), Long.MIN_VALUE);
        io.solvent.app.stress.StressPanel batch = new io.solvent.app.stress.StressPanel(batchVm);
        window.compareView().addTab("Batch: grid, reverse stress, Monte Carlo", batch.node());
        long[] followed = {0};
        vm.attach(v -> { // the batch's fork moment and base parameters follow the run shown, a few times a second
            long now = System.nanoTime();
            if (now - followed[0] > 300_000_000L && v.timeMs() != Long.MIN_VALUE) {
                followed[0] = now;
                batchVm.follow(v.parameters(), v.timeMs());
            }
        });
        window.addTool("Batch run (stress grid, reverse stress, Monte Carlo)…", "Shortcut+G", () -> {
            window.select("compare");
            window.compareView().selectTab(1);
        });
        window.addTool("Open scenario file…", "Shortcut+Shift+F", this::chooseScenario);
        window.addTool("New what-if scenario from this one…", "Shortcut+N", () -> showLibrary("builder"));
        window.addTool("Scenario from recorded files…", null, () -> showLibrary("recorded"));
        window.select(settings.view()); // the view saved may be one just added
        scenarioFile = file;
        stage.setTitle("Solvent — " + session.name());
        stage.setScene(window.scene());
        if (first && !stage.isShowing()) {
            place();
            stage.show();
        }
        for (Runnable r : CONSOLE_SHOWN) {
            r.run();
        }
        window.scene().focusOwnerProperty().addListener((o, a, b) -> {
            if (!window.shownName().equals(settings.view())) {
                save(settings.withView(window.shownName()));
            }
        });
        window.start();
        vm.play(settings.speed());
        if (next.feeds() == null) { // a live session is not a workspace to reopen
            save(settings.withScenario(file == null ? "" : file.toAbsolutePath().toString()));
        }
        Platform.runLater(() -> LOG.info("console first frame requested: {}", session.name()));
    }

    private void chooseScenario() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            if (library == null) {
                library = io.solvent.app.scenario.ScenarioLibrary.inConfigDirectory(System.getenv());
            }
            openFromLibrary(f.toPath());
        }
    }

    private Path workspaces() {
        return store.file().toAbsolutePath().getParent().resolve("workspaces");
    }

    private void saveWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the workspace");
        try {
            java.nio.file.Files.createDirectories(workspaces());
            chooser.setInitialDirectory(workspaces().toFile());
        } catch (IOException e) {
            LOG.warn("no workspaces folder {}: {}", workspaces(), e.getMessage());
        }
        chooser.setInitialFileName(session.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".workspace.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workspaces", "*.json"));
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        String name = f.getName().replaceAll("(\\.workspace)?\\.json$", "");
        io.solvent.app.workbench.Workspace w = io.solvent.app.workbench.WorkspaceRestorer.capture(name,
                scenarioFile == null ? "" : scenarioFile.toAbsolutePath().toString(), window.workbench(),
                bridge.current(), window.shownName(), consoleVm.accounts().filters());
        try {
            w.save(f.toPath());
            LOG.info("workspace {} saved to {}", name, f);
        } catch (IOException e) {
            showError("Could not save the workspace.", f + ": " + e.getMessage());
        }
    }

    private io.solvent.app.scenario.ScenarioLibrary library;
    private final java.util.concurrent.ExecutorService files = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "solvent-files");
                t.setDaemon(true);
                return t;
            });

    private void showLibrary(String tab) {
        if (library == null) {
            library = io.solvent.app.scenario.ScenarioLibrary.inConfigDirectory(System.getenv());
        }
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.setTitle("Solvent — scenarios");
        io.solvent.app.view.ScenarioWorkbench bench = new io.solvent.app.view.ScenarioWorkbench(library, files,
                path -> {
                    dialog.close();
                    openFromLibrary(path);
                });
        javafx.scene.Scene scene = new javafx.scene.Scene((javafx.scene.Parent) bench.node(), 1300, 820);
        scene.getStylesheets().setAll(window.scene().getStylesheets());
        dialog.setScene(scene);
        if ("builder".equals(tab)) {
            Path base = scenarioFile != null ? scenarioFile : library.bundledFile("console-default.json");
            if (base != null) {
                bench.builderView().setBase(base);
            }
        }
        bench.select(tab);
        dialog.show();
    }

    private void openFromLibrary(Path path) {
        files.execute(() -> {
            try {
                Scenario s = library.open(path); // read off the FX thread; noted as recent
                Platform.runLater(() -> show(ConsoleSession.start(s), path, false));
            } catch (InputException | java.io.UncheckedIOException e) {
                Platform.runLater(() -> showError("Could not open the scenario.", e.getMessage()));
            }
        });
    }

    private void exportReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the run's report");
        chooser.setInitialFileName(session.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        String active = bridge.current() == null ? "original" : bridge.current().activeLabel();
        io.solvent.app.workbench.RunAction.Fork fork = window.workbench().actions().stream()
                .filter(a -> a instanceof io.solvent.app.workbench.RunAction.Fork k && k.label().equals(active))
                .map(a -> (io.solvent.app.workbench.RunAction.Fork) a).findFirst().orElse(null);
        Path folder = f.toPath().resolveSibling(f.getName().replaceAll("\\.html$", "") + "-run");
        Path scenario = scenarioFile;
        String name = session.scenario().name();
        javafx.concurrent.Task<Path> task = new javafx.concurrent.Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("replaying " + (fork == null ? "the original run" : "fork '" + active + "'")
                        + " headless into " + folder);
                return io.solvent.app.workbench.RunReport.write(scenario, fork, name, window.workbench().audit(),
                        folder, f.toPath());
            }
        };
        org.controlsfx.dialog.ProgressDialog progress = new org.controlsfx.dialog.ProgressDialog(task);
        progress.setTitle("Run report");
        progress.setHeaderText("Writing the report of run '" + active + "'");
        progress.initOwner(stage);
        task.setOnSucceeded(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "The report is " + f + ", made from the run folder "
                    + task.getValue() + " (reproducible with solvent replay).");
            a.setHeaderText("Report written");
            a.initOwner(stage);
            a.show();
        });
        task.setOnFailed(e -> showError("Could not write the report.", task.getException().getMessage()));
        Thread t = new Thread(task, "solvent-report");
        t.setDaemon(true);
        t.start();
    }

    private void chooseWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a workspace");
        if (java.nio.file.Files.isDirectory(workspaces())) {
            chooser.setInitialDirectory(workspaces().toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workspaces", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openWorkspace(f.toPath());
        }
    }

    /** @param file a workspace file: its scenario is opened and its forks and changes done again */
    public void openWorkspace(Path file) {
        io.solvent.app.workbench.Workspace w;
        try {
            w = io.solvent.app.workbench.Workspace.read(file);
        } catch (InputException e) {
            showError("Could not open the workspace.", e.getMessage());
            return;
        }
        open(w.scenario().isEmpty() ? null : Path.of(w.scenario()), false, () -> {
            ConsoleWindow opened = window;
            io.solvent.app.workbench.WorkspaceRestorer.restore(w, opened.workbench(), bridge::submit, Long.MIN_VALUE)
                    .whenComplete((v, e) -> Platform.runLater(() -> {
                        if (e != null) {
                            showError("The workspace's runs could not all be made again.", e.getMessage());
                        } else if (opened == window) {
                            opened.refreshBookmarks();
                            opened.select(w.view());
                            consoleVm.accounts().restoreFilters(w.filters());
                        }
                    }));
        });
    }

    private void save(ConsoleSettings s) {
        settings = s;
        try {
            store.save(s);
        } catch (IOException e) {
            LOG.warn("could not save the settings to {}: {}", store.file(), e.getMessage());
        }
    }

    private void showError(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR, detail);
        a.setHeaderText(header);
        a.show();
    }

    private void shutdown() {
        if (sound != null) {
            sound.close();
        }
        alertsIo.shutdown();
        files.shutdown();
        if (window != null) {
            window.stop();
        }
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
