package io.solvent.app.stress;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Batch panel headless on Monocle: a small grid, a reverse search and a small Monte Carlo run through its form,
 * Run button and result views; each result is written to {@code target/stress-png/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class StressPanelTest {
    static final Path PNG = Path.of("target", "stress-png");
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    private StressPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new javafx.scene.layout.StackPane(), 1400, 900);
        theme("dark");
        stage.setScene(scene);
        stage.show();
    }

    /** Shows a panel on a scenario at a moment, as the console would open it. */
    private void show(FxRobot robot, io.solvent.engine.scenario.Scenario s, long momentMs) {
        robot.interact(() -> {
            panel = new StressPanel(new StressTaskViewModel(s, s.parameters(), momentMs));
            scene.setRoot((javafx.scene.Parent) panel.node());
        });
    }

    private void theme(String name) {
        scene.getStylesheets().setAll(StressPanel.class.getResource(
                "/io/solvent/app/console/console-" + name + ".css").toExternalForm());
    }

    private void runAndWait(FxRobot robot) throws Exception {
        Button run = robot.lookup("#stress-run").queryAs(Button.class);
        assertFalse(run.isDisabled(), () -> "the form is valid: " + panel.viewModel().problems());
        robot.clickOn(run);
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> panel.viewModel().task() != null);
        } catch (java.util.concurrent.TimeoutException lost) { // Monocle's robot may lose a click under load
            robot.interact(run::fire);
        }
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> panel.viewModel().resultProperty().get() != null
                && !panel.viewModel().runningProperty().get());
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS); // the charts lay out and draw
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image[0].getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        Files.createDirectories(PNG);
        ImageIO.write(b, "png", PNG.resolve(name + ".png").toFile());
        assertTrue(Files.size(PNG.resolve(name + ".png")) > 10_000, name);
    }

    private static List<DataSet> data(XYChart chart) {
        return chart.getRenderers().stream().flatMap(r -> r.getDatasets().stream()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallGridRunsFromTheFormIntoATableAndABarChart(FxRobot robot, @TempDir Path dir) throws Exception {
        // gap-down a second before its gap: every cell shares the calm hour and meets the gap under its own values
        show(robot, io.solvent.engine.io.ScenarioReader.read(GAP), 1_735_690_799_000L);
        Label plan = robot.lookup("#stress-plan").queryAs(Label.class);
        assertEquals("", plan.getText());
        robot.clickOn("#stress-grid-add");
        WaitForAsyncUtils.waitForFxEvents();
        if (panel.viewModel().axes().isEmpty()) {
            robot.interact(() -> robot.lookup("#stress-grid-add").queryAs(Button.class).fire());
        }
        robot.interact(() -> robot.lookup("#stress-grid-add").queryAs(Button.class).fire());
        robot.interact(() -> {
            robot.lookup("#stress-grid-key-0").queryAs(ComboBox.class).setValue("liquidity.stressedDepthMultiplier");
            robot.lookup("#stress-grid-values-0").queryAs(TextField.class).setText("0.1, 0.2, 1");
            robot.lookup("#stress-grid-key-1").queryAs(ComboBox.class).setValue("deleveraging");
            robot.lookup("#stress-grid-values-1").queryAs(TextField.class).setText("adl-ranked,x");
        });
        assertTrue(robot.lookup(".stress-problem").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("deleveraging = x: expected one of")),
                "the bad value is named in the form");
        assertTrue(robot.lookup("#stress-run").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#stress-grid-values-1").queryAs(TextField.class)
                .setText("adl-ranked,deficit"));
        robot.interact(() -> panel.viewModel().forkAtMomentProperty().set(true));
        assertEquals("6 runs · each cell forked at 2025-01-01 00:19:59 UTC from the original run · "
                + panel.viewModel().threadsProperty().get() + " at once", plan.getText());
        runAndWait(robot);

        TableView<StressResult.RunRow> table = robot.lookup("#stress-grid-table").queryAs(TableView.class);
        assertEquals(6, table.getItems().size());
        XYChart chart = robot.lookup("#stress-grid-chart").queryAs(XYChart.class);
        assertEquals(List.of(6, 6), data(chart).stream().map(DataSet::getDataCount).toList(),
                "one bar of bad debt and one of deficit per cell");
        TableColumn<StressResult.RunRow, ?> badDebt = table.getColumns().stream()
                .filter(c -> c.getText().equals("bad debt, USD")).findFirst().orElseThrow();
        TableColumn<StressResult.RunRow, ?> liquidations = table.getColumns().stream()
                .filter(c -> c.getText().equals("liquidations")).findFirst().orElseThrow();
        robot.interact(() -> {
            liquidations.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(liquidations));
        });
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).liquidations() >= table.getItems().get(i).liquidations(),
                    "sorted by liquidations, most first");
        }
        assertTrue(badDebt.isSortable());
        assertTrue(robot.lookup("#stress-status").queryAs(Label.class).getText()
                .startsWith("Grid: 6 runs, forked at 2025-01-01 00:19:59 UTC"));
        snapshot(robot, "grid-dark");
        robot.interact(() -> theme("light"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        snapshot(robot, "grid-light");
        Path csv = dir.resolve("batch.csv");
        robot.interact(() -> {
            try {
                panel.exportCsv(csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(7, Files.readAllLines(csv).size(), "a header and six rows");
        assertTrue(Files.readAllLines(csv).getFirst().startsWith("liquidity.stressedDepthMultiplier,deleveraging,ticks,"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallMonteCarloShowsBothDistributionsWithVarAndEsMarked(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path window = StressFixtures.window(dir);
        show(robot, StressFixtures.flash(), StressFixtures.FLASH_MID_CRASH_MS);
        robot.interact(() -> robot.lookup("#stress-mode").queryAs(ChoiceBox.class)
                .setValue(StressTaskViewModel.Mode.MONTE_CARLO));
        assertTrue(robot.lookup("#stress-mc-form").query().isVisible());
        assertFalse(robot.lookup("#stress-grid-form").query().isVisible());
        robot.interact(() -> {
            robot.lookup("#stress-mc-paths").queryAs(TextField.class).setText("60");
            robot.lookup("#stress-mc-seed").queryAs(TextField.class).setText("3");
            panel.viewModel().calibrationFiles().add(window); // what "Add files…" does with the chooser's answer
        });
        assertTrue(robot.lookup("#stress-plan").queryAs(Label.class).getText().startsWith("60 paths (seeds 3–62)"));
        runAndWait(robot);
        StressResult.MonteCarloResult r = (StressResult.MonteCarloResult) panel.viewModel().resultProperty().get();
        assertEquals(60, r.paths().size());
        for (String id : new String[] {"#stress-mc-bad-debt", "#stress-mc-fund-loss"}) {
            List<String> names = data(robot.lookup(id).queryAs(XYChart.class)).stream().map(DataSet::getName).toList();
            assertTrue(names.getFirst().startsWith("paths per "), names::toString);
            for (String m : new String[] {"VaR 95% ", "ES 95% ", "VaR 99% ", "ES 99% "}) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(m) && n.contains("$")), m + " in " + names);
            }
        }
        assertTrue(robot.lookup(".stress-warning").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .anyMatch(n -> ((Label) n).getText().startsWith("Thin tail: with 60 paths the 99% VaR and ES rest on 1"
                        + " path(s)")), "sixty paths: the thin tail is flagged");
        snapshot(robot, "montecarlo-dark");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancelStopsTheGridAndShowsWhatFinishedAsPartial(FxRobot robot) throws Exception {
        show(robot, StressFixtures.flash(), Long.MIN_VALUE);
        robot.interact(() -> {
            panel.viewModel().threadsProperty().set(1);
            panel.viewModel().axes().setAll(
                    new StressTaskViewModel.Axis("liquidation.buffer", String.join(",", java.util.stream.IntStream
                            .range(0, 60).mapToObj(i -> "0.0" + (10 + i)).toList())),
                    new StressTaskViewModel.Axis("liquidation.maxFraction", "0.2,0.4,0.6,0.8,1"));
        });
        assertEquals("0.2,0.4,0.6,0.8,1", robot.lookup("#stress-grid-values-1").queryAs(TextField.class).getText(),
                "the form shows the axes set from outside");
        Button cancel = robot.lookup("#stress-cancel").queryAs(Button.class);
        assertTrue(cancel.isDisabled(), "nothing to cancel yet");
        robot.interact(() -> robot.lookup("#stress-run").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel.viewModel().progressProperty().get() > 0);
        assertFalse(cancel.isDisabled());
        assertTrue(robot.lookup("#stress-run").queryAs(Button.class).isDisabled(), "one analysis at a time");
        robot.clickOn(cancel);
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> panel.viewModel().task().stopping());
        } catch (java.util.concurrent.TimeoutException lost) {
            robot.interact(cancel::fire);
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !panel.viewModel().runningProperty().get());
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        StressResult.GridResult r = (StressResult.GridResult) panel.viewModel().resultProperty().get();
        assertTrue(r.cancelled() && r.rows().size() < 300, "stopped early: " + r.rows().size());
        assertEquals(r.rows().size(), robot.lookup("#stress-grid-table").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#stress-status").queryAs(Label.class).getText().startsWith("Partial grid (cancelled): "
                + r.rows().size() + " of 300 runs finished"));
        assertTrue(data(robot.lookup("#stress-grid-chart").queryAs(XYChart.class)).getFirst().getName()
                .contains("partial"));
        snapshot(robot, "grid-cancelled-dark");
    }

    @Test
    void theReverseSearchShowsItsAnswerAndTrials(FxRobot robot) throws Exception {
        show(robot, StressFixtures.flash(), StressFixtures.FLASH_MID_CRASH_MS);
        robot.interact(() -> panel.viewModel().modeProperty().set(StressTaskViewModel.Mode.REVERSE));
        assertEquals("2025-01-01T00:25:00Z", robot.lookup("#stress-reverse-at").queryAs(TextField.class).getText(),
                "shocked at the console's moment by default");
        runAndWait(robot);
        StressResult.ReverseResult r = (StressResult.ReverseResult) panel.viewModel().resultProperty().get();
        assertTrue(r.emptiesAt() > 0 && r.emptiesAt() < 0.95, r.label());
        XYChart chart = robot.lookup("#stress-reverse-chart").queryAs(XYChart.class);
        assertEquals(r.trials().size(), data(chart).stream().filter(d -> !d.getName().startsWith("smallest"))
                .mapToInt(DataSet::getDataCount).sum(), "one point per trial");
        assertTrue(data(chart).stream().anyMatch(d -> d.getName().startsWith("smallest drop that empties the fund ")),
                "the answer marked");
        snapshot(robot, "reverse-dark");
    }
}
