package io.solvent.app.alert;

import io.solvent.app.service.ConsoleSession;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alerts view, headless on Monocle, with the alerts a real replay of the gap-down scenario raises: the rules and
 * the list fill, Acknowledge and Acknowledge all work, the badge counts, popups are shown without a fault, and the
 * view is rendered to {@code target/alerts-view-dark.png} and {@code -light.png} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {
    private Stage stage;
    private AlertsViewModel vm;
    private AlertsView view;
    private AlertNotifier notifier;
    private Label badge;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("alerts-view");
        vm = new AlertsViewModel(new AlertRulesStore(dir.resolve("alerts.json")), Runnable::run, Runnable::run,
                System::currentTimeMillis);
        view = new AlertsView(vm);
        notifier = new AlertNotifier(stage, null);
        vm.addListener(notifier);
        badge = view.badge(() -> { });
        HBox status = new HBox(8, new Label("status bar:"), badge);
        status.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(view.node());
        root.setBottom(status);
        Scene scene = new Scene(root, 1440, 820);
        theme(scene, "dark");
        stage.setScene(scene);
        stage.show();
    }

    private static void theme(Scene scene, String t) {
        scene.getStylesheets().setAll(AlertsViewTest.class.getResource(
                "/io/solvent/app/console/console-" + t + ".css").toExternalForm());
    }

    private static List<EngineView> replay() {
        List<EngineView> views = new ArrayList<>();
        try (ConsoleSession s = ConsoleSession.start(AlertMonitorReplayTest.scenario("gap-down.json"))) {
            EngineView v = s.loop().submit(new EngineCommand.StepOnce()).join();
            for (long t = v.startMs(); t <= v.clock().endHintMs(); t += 10_000) {
                views.add(s.loop().submit(new EngineCommand.Seek(t)).join());
            }
        }
        return views;
    }

    private static AlertRuleRow row(AlertsViewModel vm, String id) {
        return vm.rules().stream().filter(r -> r.rule().id().equals(id)).findFirst().orElseThrow();
    }

    private void png(Path out) throws Exception {
        png(stage.getScene(), out);
    }

    private static void png(Scene scene, Path out) throws Exception {
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = scene.snapshot(null)).get(20, TimeUnit.SECONDS);
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            img[0].getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), line, 0, w);
            b.setRGB(0, y, w, 1, line, 0, w);
        }
        Files.createDirectories(out.getParent());
        ImageIO.write(b, "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, "a picture, not a blank: " + Files.size(out));
    }

    @Test
    void theViewListsARealReplaysAlertsAndAcknowledgesThem(FxRobot robot) throws Exception {
        List<EngineView> views = replay();
        robot.interact(() -> {
            // a tighter desk than the defaults, so that more kinds show
            vm.setThreshold(row(vm, "at-risk"), 5);
            vm.setThreshold(row(vm, "oracle-stale"), 55_000);
            vm.setThreshold(row(vm, "hf-ten-near"), 1.15);
            views.forEach(vm::update);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int raised = vm.alerts().size();
        assertTrue(raised >= 6, "alerts from the gap: " + raised);
        assertEquals(raised, vm.unacknowledgedProperty().get());
        assertTrue(notifier.shown() >= 1, "popups shown");
        assertTrue(notifier.shown() <= AlertNotifier.PER_SECOND + 1, "a burst is coalesced: " + notifier.shown());
        assertEquals("⚠ " + raised + " alerts", badge.getText());
        // the popups: ControlsFX windows of their own, owned by the stage
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        List<javafx.stage.Window> popups = robot.listWindows().stream().filter(w -> w != stage && w.isShowing())
                .toList();
        assertFalse(popups.isEmpty(), "a notification popup is showing");
        png(popups.getLast().getScene(), Path.of("target", "alerts-notification.png"));

        TableView<?> list = robot.lookup("#alerts-list").queryAs(TableView.class);
        assertEquals(raised, list.getItems().size());
        TableView<?> rules = robot.lookup("#alerts-rules").queryAs(TableView.class);
        assertEquals(AlertRules.DEFAULTS.rules().size(), rules.getItems().size());

        // edit a threshold in the table as an operator does: the cell's field, typed and committed
        robot.interact(() -> {
            TableView<AlertRuleRow> rt = view.rulesTable();
            rt.layout();
            rt.edit(2, rt.getColumns().get(3));
        });
        javafx.scene.control.TextField field = robot.lookup("#alerts-rules .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.setText("250");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250, row(vm, "at-risk").rule().threshold());
        assertEquals(250, new AlertRulesStore(vm.store().file()).load().rules().rules().get(2).threshold(),
                "saved");
        robot.interact(() -> {
            TableView<AlertRuleRow> rt = view.rulesTable();
            rt.edit(2, rt.getColumns().get(3));
        });
        javafx.scene.control.TextField again = robot.lookup("#alerts-rules .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            again.setText("lots");
            again.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250, row(vm, "at-risk").rule().threshold(), "not a number: unchanged");
        assertEquals("\"lots\" is not a number", robot.lookup("#alerts-problem").queryAs(Label.class).getText());

        // acknowledge the newest two by selecting them and pressing Acknowledge
        robot.interact(() -> list.getSelectionModel().selectRange(0, 2));
        robot.clickOn(robot.lookup("#alerts-acknowledge").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(raised - 2, vm.unacknowledgedProperty().get());
        assertEquals("⚠ " + (raised - 2) + " alerts", badge.getText());
        robot.interact(() -> list.getSelectionModel().clearSelection());

        png(Path.of("target", "alerts-view-dark.png"));
        robot.interact(() -> theme(stage.getScene(), "light"));
        png(Path.of("target", "alerts-view-light.png"));

        robot.clickOn(robot.lookup("#alerts-acknowledge-all").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.unacknowledgedProperty().get());
        assertEquals("alerts: none", badge.getText());
        assertFalse(vm.alerts().stream().anyMatch(AlertEntry::active));
    }
}
