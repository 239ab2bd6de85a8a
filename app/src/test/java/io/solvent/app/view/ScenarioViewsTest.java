package io.solvent.app.view;

import io.solvent.app.scenario.LibraryEntry;
import io.solvent.app.scenario.RecordedScenarioBuilderTest;
import io.solvent.app.scenario.ScenarioLibrary;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario library, the shock builder and the recorded-files view, headless on Monocle: each is driven as an
 * operator would (fields typed, buttons fired), what it writes is read back and replayed, and each is rendered to a
 * PNG in {@code target/scenario-views/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioViewsTest {
    private static final Path PNG = Path.of("target", "scenario-views");
    private static final long T0 = 1_735_689_600_000L;
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scenario-views-test");
        t.setDaemon(true);
        return t;
    });

    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new javafx.scene.layout.Pane(), 1300, 820));
        s.show();
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdownNow();
    }

    @Test
    void theShockBuilderChecksAFieldInlineThenSavesAScenarioThatLiquidatesMore(FxRobot robot, @TempDir Path config)
            throws Exception {
        ScenarioLibrary library = new ScenarioLibrary(config, Path.of("..", "assets"));
        Path base = library.bundledFile("flash-crash.json");
        AtomicReference<Path> opened = new AtomicReference<>();
        ShockBuilderView[] view = new ShockBuilderView[1];
        robot.interact(() -> {
            view[0] = new ShockBuilderView(library, base, BACKGROUND, opened::set);
            show(view[0].node(), "dark");
        });
        robot.interact(() -> robot.lookup("#shock-kind").queryComboBox().setValue("Instant move"));
        ComboBox<String> symbol = robot.lookup("#shock-field-symbol").queryComboBox();
        robot.interact(() -> {
            symbol.setValue("BTCUSD");
            robot.lookup("#shock-field-at").queryAs(TextField.class).setText("5");
            robot.lookup("#shock-field-move").queryAs(TextField.class).setText("-130");
        });
        Label moveError = robot.lookup("#shock-error-move").queryAs(Label.class);
        assertTrue(moveError.isVisible());
        assertEquals("expected a move between −100% and +100% (exclusive), was −130.0%", moveError.getText());
        assertTrue(robot.lookup("#shock-add").queryButton().isDisabled(), "a bad shock cannot be added");
        snapshot(robot, "shock-builder-invalid.png");
        snapshot(robot, "shock-builder-invalid-light.png", "light");
        snapshot(robot, "shock-builder-invalid.png", "dark");

        robot.interact(() -> robot.lookup("#shock-field-move").queryAs(TextField.class).setText("-30"));
        assertFalse(moveError.isVisible());
        robot.clickOn("#shock-add");
        WaitForAsyncUtils.waitForFxEvents();
        if (view[0].shocks().isEmpty()) { // a click Monocle's robot lost under load
            robot.interact(() -> robot.lookup("#shock-add").queryButton().fire());
        }
        robot.interact(() -> robot.lookup("#shock-kind").queryComboBox().setValue("Oracle freeze"));
        robot.interact(() -> {
            robot.lookup("#shock-field-symbol").<String>queryComboBox().setValue("ETHUSD");
            robot.lookup("#shock-field-from").queryAs(TextField.class).setText("40");
            robot.lookup("#shock-field-until").queryAs(TextField.class).setText("45");
            robot.lookup("#shock-add").queryButton().fire();
        });
        assertEquals(2, view[0].shocks().size());
        TableView<?> table = robot.lookup("#shock-table").queryTableView();
        assertEquals(2, table.getItems().size());

        Path target = config.resolve("scenarios").resolve("btc-gap.json");
        robot.interact(() -> {
            robot.lookup("#shock-name").queryAs(TextField.class).setText("flash crash + BTC −30% at minute 5");
            robot.lookup("#shock-target").queryAs(TextField.class).setText(target.toString());
            robot.lookup("#shock-save-open").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        assertEquals(target, opened.get());
        assertTrue(robot.lookup("#shock-status").queryAs(Label.class).getText().startsWith("saved "));
        snapshot(robot, "shock-builder.png");

        Scenario saved = ScenarioReader.read(target);
        assertEquals("flash crash + BTC −30% at minute 5", saved.name());
        assertEquals(4, saved.shocks().size());
        long before = T0 + 20 * 60_000L; // the base's own crash starts then
        long baseLiquidations = liquidationsBefore(ScenarioReader.read(base), before);
        long savedLiquidations = liquidationsBefore(saved, before);
        assertTrue(savedLiquidations > baseLiquidations, savedLiquidations + " liquidations before minute 20 with the"
                + " gap, " + baseLiquidations + " without");
    }

    @Test
    void theLibraryListsEveryKindAndOpensTheChosenOne(FxRobot robot, @TempDir Path config) throws Exception {
        ScenarioLibrary library = new ScenarioLibrary(config, null);
        Files.createDirectories(library.userFolder());
        Path mine = library.userFolder().resolve("my-crash.json");
        Files.writeString(mine, Files.readString(library.bundledFile("gap-down.json"))
                .replace("\"../books/", "\"../bundled/books/").replace("gap down:", "my gap down:"));
        library.noteOpened(library.bundledFile("flash-crash.json"));
        Path gone = library.userFolder().resolve("gone.json");
        Files.copy(mine, gone);
        library.noteOpened(gone);
        Files.delete(gone);
        AtomicReference<Path> opened = new AtomicReference<>();
        AtomicReference<Path> newFrom = new AtomicReference<>();
        ScenarioLibraryView[] view = new ScenarioLibraryView[1];
        robot.interact(() -> {
            view[0] = new ScenarioLibraryView(library, BACKGROUND, opened::set, newFrom::set, () -> { });
            show(view[0].node(), "dark");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view[0].entries().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        List<LibraryEntry> entries = view[0].entries();
        assertEquals(List.of(LibraryEntry.Kind.BUNDLED, LibraryEntry.Kind.BUNDLED, LibraryEntry.Kind.BUNDLED,
                LibraryEntry.Kind.BUNDLED, LibraryEntry.Kind.BUNDLED, LibraryEntry.Kind.USER, LibraryEntry.Kind.RECENT),
                entries.stream().map(LibraryEntry::kind).toList());
        assertTrue(entries.get(5).name().startsWith("my gap down"), entries.get(5).name());
        Label notes = robot.lookup("#library-notes").queryAs(Label.class);
        assertTrue(notes.getText().contains("gone.json is no longer there"), notes.getText());
        TableView<LibraryEntry> table = robot.lookup("#library-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(3)); // 2025-10-10: its data is not in the jar
        assertTrue(robot.lookup("#library-open").queryButton().isDisabled());
        robot.interact(() -> table.getSelectionModel().select(2));
        snapshot(robot, "scenario-library.png");
        robot.interact(() -> robot.lookup("#library-open").queryButton().fire());
        assertEquals(library.bundledFile("gap-down.json"), opened.get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> library.recentStore().load().getFirst()
                .equals(library.bundledFile("gap-down.json")));
        robot.interact(() -> {
            table.getSelectionModel().select(5);
            robot.lookup("#library-new-from").queryButton().fire();
        });
        assertEquals(mine, newFrom.get());
        assertEquals(library.bundledFile("gap-down.json"), library.recentStore().load().getFirst());
        snapshot(robot, "scenario-library-light.png", "light");
    }

    @Test
    void recordedFilesAreInspectedMappedCheckedAndWrittenAsAScenario(FxRobot robot, @TempDir Path config,
                                                                     @TempDir Path data) throws Exception {
        ScenarioLibrary library = new ScenarioLibrary(config, Path.of("..", "assets"));
        Path ticks = RecordedScenarioBuilderTest.ticks(data);
        Path bars = RecordedScenarioBuilderTest.bars(data);
        AtomicReference<Path> opened = new AtomicReference<>();
        RecordedFilesView[] view = new RecordedFilesView[1];
        robot.interact(() -> {
            view[0] = new RecordedFilesView(library, BACKGROUND, opened::set);
            view[0].addFiles(List.of(ticks, bars));
            show(view[0].node(), "dark");
            robot.lookup("#recorded-inspect").queryButton().fire();
        });
        TableView<?> series = robot.lookup("#recorded-series").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> series.getItems().size() == 4
                && view[0].mapping().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH", "gemini:ETHUSD", "ETH"),
                view[0].mapping());
        Label check = robot.lookup("#recorded-check-warnings").queryAs(Label.class);
        assertTrue(robot.lookup("#recorded-check").queryAs(Label.class).getText().startsWith("✓ can be written"));
        assertTrue(check.getText().contains("not priced by any symbol (they keep the book's prices): SOL, XRP"),
                check.getText());
        assertTrue(check.getText().contains("not mapped (replayed, ignored): PEPEUSDT"), check.getText());
        assertTrue(check.getText().contains("ETH is priced by ETHUSDT, gemini:ETHUSD: combined by their median"),
                check.getText());
        assertFalse(robot.lookup("#recorded-write").queryButton().isDisabled());

        robot.interact(() -> view[0].map("PEPEUSDT", "PEPE"));
        Label errors = robot.lookup("#recorded-check").queryAs(Label.class);
        assertTrue(errors.getText().startsWith("✗ PEPEUSDT → PEPE: the book has no asset PEPE"), errors.getText());
        assertTrue(robot.lookup("#recorded-write").queryButton().isDisabled(), "an unknown asset blocks writing");
        snapshot(robot, "recorded-files-invalid.png");
        robot.interact(() -> view[0].map("PEPEUSDT", RecordedFilesView.NONE));

        Path target = config.resolve("scenarios").resolve("recorded.json");
        robot.interact(() -> {
            robot.lookup("#recorded-target").queryAs(TextField.class).setText(target.toString());
            robot.lookup("#recorded-write-open").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        snapshot(robot, "recorded-files.png");
        Scenario s = ScenarioReader.read(target);
        assertEquals(new Scenario.Window(T0, T0 + 600_000), s.window());
        assertTrue(ReplayRunner.run(s, ReplaySink.NONE).summary().liquidations() > 0);
    }

    @Test
    void theWorkbenchMovesFromTheLibraryToTheBuilderWithTheChosenBase(FxRobot robot, @TempDir Path config)
            throws Exception {
        ScenarioLibrary library = new ScenarioLibrary(config, null);
        AtomicReference<Path> opened = new AtomicReference<>();
        ScenarioWorkbench[] bench = new ScenarioWorkbench[1];
        robot.interact(() -> {
            bench[0] = new ScenarioWorkbench(library, BACKGROUND, opened::set);
            show(bench[0].node(), "dark");
        });
        TableView<LibraryEntry> table = robot.lookup("#library-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench[0].libraryView().entries().size() == 5);
        robot.interact(() -> {
            table.getSelectionModel().select(2);
            robot.lookup("#library-new-from").queryButton().fire();
        });
        assertEquals("builder", bench[0].shown());
        Label facts = robot.lookup("#shock-base-facts").queryAs(Label.class);
        assertTrue(facts.getText().startsWith("gap down"), facts.getText());
        robot.interact(() -> {
            robot.lookup("#shock-kind").queryComboBox().setValue("Stablecoin depeg");
            robot.lookup("#shock-add").queryButton().fire();
            robot.lookup("#shock-kind").queryComboBox().setValue("Liquidity drought");
            robot.lookup("#shock-add").queryButton().fire();
            robot.lookup("#shock-kind").queryComboBox().setValue("Correlated moves");
        });
        snapshot(robot, "workbench-builder.png");
        robot.interact(() -> robot.lookup("#shock-save-open").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        Scenario s = ScenarioReader.read(opened.get());
        assertEquals("USDC", s.symbols().get("USDC-PEG"));
        robot.interact(() -> bench[0].select("library"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench[0].libraryView().entries().stream()
                .anyMatch(e -> e.kind() == LibraryEntry.Kind.USER && e.path().equals(opened.get())));
        robot.interact(() -> robot.lookup("#library-recorded").queryButton().fire());
        assertEquals("recorded", bench[0].shown());
    }

    // ------------------------------------------------------------------ helpers

    private void show(javafx.scene.Node node, String theme) {
        Scene scene = new Scene((Parent) node, 1300, 820);
        scene.getStylesheets().setAll(ScenarioViewsTest.class.getResource(
                "/io/solvent/app/console/console-" + theme + ".css").toExternalForm());
        stage.setScene(scene);
    }

    private void snapshot(FxRobot robot, String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(stage.getScene().snapshot(null)));
        write(img.get(), PNG.resolve(file));
    }

    private void snapshot(FxRobot robot, String file, String theme) throws Exception {
        robot.interact(() -> stage.getScene().getStylesheets().setAll(ScenarioViewsTest.class.getResource(
                "/io/solvent/app/console/console-" + theme + ".css").toExternalForm()));
        snapshot(robot, file);
    }

    private static void write(WritableImage img, Path out) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(b, "png", out.toFile());
    }

    private static long liquidationsBefore(Scenario s, long t) {
        long[] n = new long[1];
        ReplayRunner.run(s, ReplaySink.events(e -> {
            if (e.kind() == SimulationEvent.Kind.LIQUIDATION && e.timeMs() < t) {
                n[0]++;
            }
        }));
        return n[0];
    }
}
