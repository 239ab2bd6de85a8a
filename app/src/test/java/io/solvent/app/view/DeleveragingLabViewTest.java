package io.solvent.app.view;

import io.fair_acc.chartfx.XYChart;
import io.solvent.app.viewmodel.DeleveragingLabViewModel;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.lab.LabResult;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's view, headless on Monocle: run on a real scenario as a background task, its tables and chart filled, a
 * PNG written to look at ({@code target/lab/deleveraging-lab.png}); a run on the 100,000-account console default is
 * cancelled from the Cancel button.
 */
@ExtendWith(ApplicationExtension.class)
class DeleveragingLabViewTest {
    static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    private DeleveragingLabViewModel vm;
    private DeleveragingLabView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new DeleveragingLabViewModel();
        view = new DeleveragingLabView(vm);
        scene = new Scene((javafx.scene.Parent) view.node(), 1500, 900);
        scene.getStylesheets().setAll(DeleveragingLabView.class.getResource(
                "/io/solvent/app/console/console-dark.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A task is read on the FX thread only. */
    private static Worker.State state(Task<?> t) throws Exception {
        return WaitForAsyncUtils.asyncFx(t::getState).get(10, TimeUnit.SECONDS);
    }

    private static LabResult value(Task<LabResult> t) throws Exception {
        return WaitForAsyncUtils.asyncFx(t::getValue).get(10, TimeUnit.SECONDS);
    }

    @Test
    void runsTheLabInTheBackgroundAndShowsEveryPolicy(FxRobot robot) throws Exception {
        Scenario gap = ScenarioReader.read(SCENARIOS.resolve("gap-down.json")).withInsuranceFundUsd(1_000);
        Task<LabResult>[] task = new Task[1];
        robot.interact(() -> task[0] = vm.run(gap, gap.parameters(), Long.MIN_VALUE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state(task[0]) == Worker.State.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> policies = robot.lookup("#lab-policies").queryAs(TableView.class);
        assertEquals(4, policies.getItems().size());
        TableView<?> payers = robot.lookup("#lab-payers").queryAs(TableView.class);
        assertEquals(value(task[0]).outcomes().getFirst().payers().size(), payers.getItems().size());
        XYChart chart = robot.lookup("#lab-chart").queryAs(XYChart.class);
        assertEquals(2, chart.getRenderers().stream().mapToLong(r -> r.getDatasets().stream()
                .filter(d -> d.getDataCount() == 4).count()).sum(), "paid and overshoot, one bar per policy");
        assertTrue(robot.lookup("#lab-status").queryLabeled().getText().startsWith("done in "));
        // the Hyperliquid queue, picked in the table, shows its own payers
        robot.interact(() -> policies.getSelectionModel().select(1));
        assertEquals(value(task[0]).outcomes().get(1).payers().size(), payers.getItems().size());
        robot.interact(() -> policies.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Path.of("target", "lab", "deleveraging-lab.png");
        Files.createDirectories(png.getParent());
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", png.toFile());
        assertTrue(Files.size(png) > 10_000, "a real picture: " + Files.size(png));
    }

    @Test
    void cancelStopsALongRun(FxRobot robot) throws Exception {
        Scenario big = ScenarioReader.read(SCENARIOS.resolve("console-default.json"));
        Task<LabResult>[] task = new Task[1];
        robot.interact(() -> task[0] = vm.run(big, big.parameters(), Long.MIN_VALUE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state(task[0]) == Worker.State.RUNNING);
        assertTrue(vm.runningProperty().get());
        robot.clickOn(robot.lookup("#lab-cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state(task[0]) == Worker.State.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", vm.statusProperty().get());
        assertTrue(robot.lookup("#lab-cancel").queryAs(Button.class).isDisabled());
    }
}
