package io.solvent.app.view;

import io.solvent.app.cli.SolventCommand;
import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.CompareRow;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.app.workbench.Workbench;
import io.solvent.app.workbench.Workspace;
import io.solvent.app.workbench.WorkspaceRestorer;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.RunFigures;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's story, headless through the real window: open the bundled crash, play, pause at the first
 * bankruptcy, raise a maintenance margin within its guardrail (a bigger step is refused), fork, play both to the end;
 * the Compare view shows the difference in bad debt that {@code solvent stress} computes for the two settings; the
 * workspace saved and reopened gives the same runs; undo restores the original's figures.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStoryTest {
    private static final Path SCENARIO = Path.of("..", "assets", "scenarios", "slow-crash.json");
    private Path dir;
    private ConsoleSession session;
    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        dir = Files.createTempDirectory("workbench-story");
        open();
    }

    private void open() {
        session = ConsoleSession.start(ScenarioReader.read(SCENARIO));
        EngineBridge[] bridge = new EngineBridge[1];
        ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c), session.feedToAsset(), System::nanoTime,
                new PulseWork());
        bridge[0] = new EngineBridge(session.loop(), vm::update);
        window = new ConsoleWindow(bridge[0], vm, Workbench.forScenario(session.scenario(), dir.resolve("config"),
                bridge[0]::submit), "dark", 1500, 950, t -> { }, () -> { });
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stop()).get(); // a running timer would keep the window alive
        if (session != null) {
            session.close();
        }
    }

    private EngineView latest() {
        return session.loop().latest();
    }

    private static void waitFor(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
    }

    private void click(FxRobot robot, String id, Callable<Boolean> happened) throws Exception {
        robot.clickOn(id);
        try {
            waitFor(5, happened);
        } catch (java.util.concurrent.TimeoutException lost) { // Monocle's robot can lose a click under load
            robot.interact(() -> robot.lookup(id).queryButton().fire());
            waitFor(60, happened);
        }
    }

    private static long firstBankruptcy(Scenario s) {
        List<Long> t = new ArrayList<>();
        ReplayRunner.run(s, new ReplaySink() {
            @Override
            public void event(SimulationEvent e, String account, String subaccount, String market) {
                if (e.kind() == SimulationEvent.Kind.BANKRUPTCY) {
                    t.add(e.timeMs());
                }
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        });
        return t.getFirst();
    }

    /** @return each grid row's figures by column, from {@code solvent stress}'s stress.csv */
    private static List<Map<String, String>> stress(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SolventCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Path csv = Path.of(args[Arrays.asList(args).indexOf("--out") + 1], "stress.csv");
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.getFirst().split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                row.put(head[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private CompareRow badDebtRow() {
        return window.compare().rows().stream().filter(r -> r.metric().startsWith("Bad debt")).findFirst()
                .orElseThrow();
    }

    @Test
    void forkAtTheFirstBankruptcyCompareUndoAndReopen(FxRobot robot) throws Exception {
        Scenario scenario = ScenarioReader.read(SCENARIO);
        long bankruptcy = firstBankruptcy(scenario);
        waitFor(30, () -> latest().state() == EngineView.State.PAUSED);

        // play, then jump to the first bankruptcy: the run pauses at the end of its millisecond
        click(robot, "#transport-play", () -> latest().state() != EngineView.State.PAUSED
                || latest().timeMs() != Long.MIN_VALUE);
        click(robot, "#transport-next-bankruptcy", () -> latest().seeking() == null
                && latest().state() == EngineView.State.PAUSED && latest().timeMs() >= bankruptcy);
        assertEquals(bankruptcy, latest().timeMs(), "paused at the first bankruptcy");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Label where = robot.lookup("#transport-position").queryAs(Label.class);
        assertTrue(where.getText().startsWith(io.solvent.app.viewmodel.Format.time(bankruptcy)), where.getText());

        // the parameter sheet: a step beyond the guardrail is refused, one within it previewed
        robot.interact(() -> window.select("parameters"));
        String key = "markets.ETH-PERP.tiers[0].maintenanceMarginFraction";
        String was = latest().parameters().get(key);
        double mmf = Double.parseDouble(was);
        String raised = String.valueOf(Math.round((mmf + 0.01) * 1e6) / 1e6);
        robot.interact(() -> window.parameters().stage(key, String.valueOf(mmf + 0.05)));
        Label refusal = robot.lookup("#parameters-refusal").queryAs(Label.class);
        assertTrue(refusal.getText().contains("largest change per edit"), refusal.getText());
        assertTrue(robot.lookup("#parameters-fork").queryButton().isDisabled(), "a refused edit cannot be forked");
        robot.interact(() -> window.parameters().stage(key, raised));
        assertEquals("", refusal.getText());
        waitFor(10, () -> window.parameters().previewProperty().get() != null);
        var preview = window.parameters().previewProperty().get();
        assertTrue(preview.maintenanceRequirementChangeUsd() > 0, preview.toString());
        Label shown = robot.lookup("#parameters-preview").queryAs(Label.class);
        assertTrue(shown.getText().contains("maintenance requirement"), shown.getText());

        // fork here, then play both runs to the end
        robot.interact(() -> window.parameters().fork("mm-up", "raise ETH maintenance margin by 1 point"));
        waitFor(10, () -> latest().labels().contains("mm-up") && "mm-up".equals(latest().activeLabel()));
        click(robot, "#transport-play", () -> latest().state() == EngineView.State.ENDED
                && latest().runs().stream().allMatch(RunFigures::ended));
        robot.interact(() -> window.select("compare"));
        waitFor(10, () -> window.compare().labels().size() == 2 && !window.compare().rows().isEmpty()
                && !Double.isNaN(badDebtRow().endDifference()));
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        robot.interact(() -> window.renderNow());
        CompareRow bad = badDebtRow();

        // the same difference, computed by solvent stress for the two settings forked at the same moment
        Path out = dir.resolve("stress");
        List<Map<String, String>> grid = stress("stress", SCENARIO.toString(), "--fork-at", String.valueOf(bankruptcy),
                "--set", key + "=" + was + "," + raised, "--out", out.toString(), "--threads", "1", "--no-progress");
        double stressDifference = Double.parseDouble(grid.get(1).get("badDebtUsd"))
                - Double.parseDouble(grid.get(0).get("badDebtUsd"));
        assertEquals(stressDifference, bad.endDifference(), 1e-6, "Compare's difference in bad debt: " + bad);
        assertTrue(stressDifference < -1_000, "a higher maintenance margin from the first bankruptcy on leaves less"
                + " bad debt in this crash: " + stressDifference);
        assertEquals(grid.get(1).get("stateHash"), latest().runs().get(1).stateHash(), "the fork is stress's cell");
        TableView<?> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertEquals(8, table.getItems().size());
        Path png = dir.resolve("compare.png");
        robot.interact(() -> assertTrue(window.exportPng(png)));
        assertTrue(Files.size(png) > 10_000);
        Path csv = dir.resolve("compare.csv");
        robot.interact(() -> {
            try {
                assertEquals(8, Exports.csv(window.shownTable(), csv));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.readString(csv).contains("Bad debt (USD)"));

        // save the workspace with both runs
        String originalHash = latest().runs().get(0).stateHash();
        String forkHash = latest().runs().get(1).stateHash();
        double originalBadDebt = latest().runs().get(0).figures().summary().badDebtUsd();
        Path ws = dir.resolve("story.workspace.json");
        robot.interact(() -> {
            try {
                WorkspaceRestorer.capture("story", SCENARIO.toString(), window.workbench(), latest(), "compare",
                        Map.of()).save(ws);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // undo: the fork is discarded, the original's figures are shown again
        click(robot, "#parameters-undo", () -> latest().labels().size() == 1);
        assertEquals("original", latest().activeLabel());
        assertEquals(originalHash, latest().stateHash());
        assertEquals(originalBadDebt, latest().figures().summary().badDebtUsd());
        List<AuditEntry> audit = AuditLog.read(dir.resolve("config").resolve(AuditLog.FILE));
        assertEquals(List.of("fork", "undo"), audit.stream().map(AuditEntry::action).toList());
        assertEquals(was, audit.getFirst().old());
        assertEquals(raised, audit.getFirst().value());
        assertEquals("raise ETH maintenance margin by 1 point", audit.getFirst().why());

        // reopen the workspace on a fresh engine: the same runs, bit for bit
        Workspace w = Workspace.read(ws);
        assertEquals(1, w.actions().size());
        robot.interact(() -> {
            window.stop();
            session.close();
            open();
        });
        WorkspaceRestorer.restore(w, window.workbench(), session.loop()::submit, Long.MIN_VALUE).get(120,
                TimeUnit.SECONDS);
        waitFor(60, () -> latest().runs().size() == 2 && latest().runs().stream().allMatch(RunFigures::ended));
        assertEquals(originalHash, latest().runs().get(0).stateHash());
        assertEquals(forkHash, latest().runs().get(1).stateHash());
        assertFalse(window.workbench().actions().isEmpty());
    }
}
