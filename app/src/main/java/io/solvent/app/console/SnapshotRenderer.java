package io.solvent.app.console;

import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.app.view.ConsoleWindow;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.Pacer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders one view of the console at one moment of a scenario to a PNG, headless: the engine is moved to the moment
 * (a seek, which runs the whole-book pass at once), the view models take everything up to it, and the real window is
 * laid out in an invisible stage of Monocle's headless glass and snapshotted after its charts have drawn. The PNG is
 * written atomically.
 */
public final class SnapshotRenderer {
    private static final long TIMEOUT_S = 300;

    private SnapshotRenderer() {
    }

    /** Makes JavaFX use Monocle's headless glass and software rendering; before the toolkit starts. */
    public static void useHeadlessGlass(int width, int height) {
        FxLogging.quiet();
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * @param scenario the scenario
     * @param at       the moment: ms after the scenario's first event when {@code absolute} is false, else ms since
     *                 the Unix epoch, UTC
     * @param absolute whether {@code at} is an instant
     * @param view     the view's name
     * @param out      the PNG to write
     * @param width    px
     * @param height   px
     * @param theme    {@code dark} or {@code light}
     * @return the engine view the picture shows
     * @throws IOException when the PNG cannot be written
     */
    public static EngineView render(Scenario scenario, long at, boolean absolute, String view, Path out, int width,
                                    int height, String theme) throws IOException {
        return render(scenario, null, at, absolute, view, out, width, height, theme);
    }

    /**
     * As {@link #render(Scenario, long, boolean, String, Path, int, int, String)}, after a workspace's forks and
     * changes were made again (the picture of the Compare view).
     *
     * @param workspace the workspace, or null
     */
    public static EngineView render(Scenario scenario, io.solvent.app.workbench.Workspace workspace, long at,
                                    boolean absolute, String view, Path out, int width, int height, String theme)
            throws IOException {
        return render(scenario, workspace, java.util.Map.of(), at, absolute, view, out, width, height, theme);
    }

    /**
     * As above, with edits staged in the parameter sheet (checked and previewed, not applied).
     *
     * @param staged the edits, by dotted key
     */
    public static EngineView render(Scenario scenario, io.solvent.app.workbench.Workspace workspace,
                                    java.util.Map<String, String> staged, long at, boolean absolute, String view,
                                    Path out, int width, int height, String theme) throws IOException {
        EngineLoop.Options options = EngineLoop.Options.of(Pacer.of(System::nanoTime));
        try (ConsoleSession session = ConsoleSession.start(scenario, options)) {
            EngineView first = session.loop().latest();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (first.state() == EngineView.State.STARTING && System.nanoTime() < deadline) {
                sleep();
                first = session.loop().latest();
            }
            if (!first.error().isEmpty()) {
                throw new IllegalArgumentException(first.error());
            }
            long start = first.startMs() == Long.MIN_VALUE ? session.loop().submit(new EngineCommand.StepOnce())
                    .join().startMs() : first.startMs();
            long target = absolute ? at : start + at;
            if (target < start) {
                throw new IllegalArgumentException("--at " + io.solvent.app.viewmodel.Format.time(target)
                        + " is before the scenario's start, " + io.solvent.app.viewmodel.Format.time(start));
            }
            io.solvent.app.workbench.Workbench bench = io.solvent.app.workbench.Workbench.forScenario(
                    session.scenario(), io.solvent.app.service.SettingsStore.inConfigDirectory(System.getenv())
                            .file().toAbsolutePath().getParent(), session.loop()::submit);
            if (workspace == null) {
                session.loop().submit(new EngineCommand.Seek(target)).join();
            } else {
                try {
                    io.solvent.app.workbench.WorkspaceRestorer.restore(workspace, bench, session.loop()::submit,
                            target).join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw new IllegalArgumentException("the workspace's runs cannot be made again: "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                }
            }
            io.solvent.engine.sim.lab.LabResult lab = null;
            long labMs = 0;
            if ("lab".equals(view)) {
                long t0 = System.nanoTime();
                EngineView now = session.loop().latest();
                lab = io.solvent.engine.sim.lab.DeleveragingLab.run(session.scenario(),
                        bench.parametersOf(now.parameters()), now.timeMs(), () -> false, p -> { });
                labMs = (System.nanoTime() - t0) / 1_000_000;
            }
            return draw(session, bench, view, out, width, height, theme, lab, labMs, staged);
        }
    }

    private static EngineView draw(ConsoleSession session, io.solvent.app.workbench.Workbench bench, String view,
                                   Path out, int width, int height, String theme,
                                   io.solvent.engine.sim.lab.LabResult lab, long labMs,
                                   java.util.Map<String, String> staged) throws IOException {
        List<CompletableFuture<EngineView>> pending = new ArrayList<>();
        AtomicReference<EngineBridge> bridgeRef = new AtomicReference<>();
        ConsoleViewModel vm = new ConsoleViewModel(c -> pending.add(bridgeRef.get().submit(c)),
                session.feedToAsset(), System::nanoTime, new PulseWork());
        EngineBridge bridge = new EngineBridge(session.loop(), vm::update);
        bridgeRef.set(bridge);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException already) {
            started.countDown();
        }
        await(started);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ConsoleWindow window = new ConsoleWindow(bridge, vm, bench, theme, width, height, t -> { }, () -> { });
                window.addAlerts(new io.solvent.app.alert.AlertsViewModel(io.solvent.app.alert.AlertRulesStore
                        .inConfigDirectory(System.getenv()), Runnable::run, Runnable::run, System::currentTimeMillis));
                io.solvent.app.viewmodel.DeleveragingLabViewModel labVm =
                        new io.solvent.app.viewmodel.DeleveragingLabViewModel();
                window.addView(new io.solvent.app.view.DeleveragingLabView(labVm));
                if (lab != null) {
                    labVm.show(lab, labMs);
                }
                window.parameters().update(session.loop().latest());
                staged.forEach((k, v) -> {
                    window.parameters().stage(k, v);
                    window.parametersView().focus(k);
                });
                if (!window.select(view)) {
                    throw new IllegalArgumentException("no view " + view);
                }
                // every view model takes all it needs up to the moment (their pulses are bounded)
                for (int i = 0; i < 2_000; i++) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    boolean waited = !pending.isEmpty();
                    pending.clear();
                    EngineView v = session.loop().latest();
                    vm.update(v);
                    // 40 rounds take 200,000 points of each series (two days of seconds); then the events' backlog
                    if (!waited && pending.isEmpty() && i >= 40 && vm.events().backlog() == 0) {
                        break;
                    }
                }
                Stage stage = new Stage();
                stage.setScene(window.scene());
                stage.setWidth(width);
                stage.setHeight(height);
                stage.show();
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        frames++;
                        if (frames < 60 && !staged.isEmpty() && window.parameters().previewProperty().get() == null
                                && window.parameters().refusalProperty().get().isEmpty()) {
                            return; // the engine's preview of the staged edits is on its way
                        }
                        if (frames == 3 || frames == 60) {
                            window.renderNow();
                        } else if (frames == 8 || frames == 65) {
                            stop();
                            image.set(window.scene().snapshot(null));
                            stage.hide();
                            done.countDown();
                        }
                    }
                }.start();
            } catch (Throwable t) {
                failed.set(t);
                done.countDown();
            }
        });
        await(done);
        if (failed.get() != null) {
            throw new IllegalStateException("rendering the " + view + " view failed", failed.get());
        }
        io.solvent.app.view.Exports.png(image.get(), out);
        return session.loop().latest();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the renderer did not finish in " + TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
