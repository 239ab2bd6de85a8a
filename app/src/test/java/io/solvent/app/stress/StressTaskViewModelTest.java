package io.solvent.app.stress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solvent.app.stress.StressTaskViewModel.Axis;
import io.solvent.app.stress.StressTaskViewModel.Mode;
import io.solvent.engine.scenario.Scenario;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.solvent.app.stress.StressFixtures.FLASH;
import static io.solvent.app.stress.StressFixtures.FLASH_MID_CRASH_MS;
import static io.solvent.app.stress.StressFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's stress analyses: the same figures as {@code solvent stress}, validation, settings, cancel. */
class StressTaskViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StressRun.Listener QUIET = (d, t, m) -> { };

    @BeforeAll
    static void fx() {
        StressFixtures.startFx();
    }

    private static StressResult run(StressTaskViewModel vm, int threads) throws InterruptedException {
        return StressRun.run(vm.job(), threads, QUIET, () -> false);
    }

    private static StressTaskViewModel grid(Scenario s, long moment, String... axes) {
        StressTaskViewModel vm = new StressTaskViewModel(s, s.parameters(), moment);
        for (int i = 0; i < axes.length; i += 2) {
            vm.axes().add(new Axis(axes[i], axes[i + 1]));
        }
        return vm;
    }

    @Test
    void aGridGivesSolventStressRowsAndCsv(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = grid(StressFixtures.flash(), Long.MIN_VALUE, "deleveraging", "adl-ranked,deficit",
                "liquidation.buffer", "0.02, 0.1");
        assertEquals(4, vm.runsProperty().get(), "the number of runs before starting");
        assertTrue(vm.planProperty().get().startsWith("4 runs · each cell from the start"), vm.planProperty().get());
        StressResult.GridResult r = (StressResult.GridResult) run(vm, 2);
        cli("stress", FLASH.toString(), "--set", "deleveraging=adl-ranked,deficit", "--set",
                "liquidation.buffer=0.02,0.1", "--no-progress", "--out", dir.toString());
        assertEquals(Files.readString(dir.resolve("stress.csv")), StressCsv.of(r), "row for row, figure for figure");
        assertFalse(r.cancelled());
        assertEquals(List.of("deleveraging", "liquidation.buffer"), r.keys());
        JsonNode runs = JSON.readTree(dir.resolve("stress.json").toFile()).get("runs");
        for (int i = 0; i < 4; i++) {
            assertEquals(runs.get(i).get("badDebtUsd").asDouble(), r.rows().get(i).badDebtUsd(), 0.0);
            assertEquals(runs.get(i).get("fundMinimumUsd").asDouble(), r.rows().get(i).fundMinimumUsd(), 0.0);
            assertEquals(runs.get(i).get("stateHash").asText(), r.rows().get(i).stateHash());
        }
        assertEquals(StressCsv.of(r), StressCsv.of(run(vm, 1)), "the threads change nothing but the time");
    }

    @Test
    void aGridForkedAtTheCurrentMomentIsSolventStressForkAt(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = grid(StressFixtures.flash(), FLASH_MID_CRASH_MS, "liquidation.buffer", "0.02,0.1");
        StressResult.GridResult fromStart = (StressResult.GridResult) run(vm, 2);
        vm.forkAtMomentProperty().set(true);
        assertTrue(vm.planProperty().get().contains("each cell forked at 2025-01-01 00:25:00 UTC from the original"
                + " run"), vm.planProperty().get());
        StressResult.GridResult forked = (StressResult.GridResult) run(vm, 2);
        cli("stress", FLASH.toString(), "--fork-at", "2025-01-01T00:25:00Z", "--set", "liquidation.buffer=0.02,0.1",
                "--no-progress", "--out", dir.toString());
        assertEquals(Files.readString(dir.resolve("stress.csv")), StressCsv.of(forked));
        assertEquals(FLASH_MID_CRASH_MS, forked.forkAtMs());
        assertNull(fromStart.forkAtMs());
        assertNotEquals(fromStart.rows().get(1).stateHash(), forked.rows().get(1).stateHash(),
                "forking keeps the history before the moment: a 10% buffer liquidates otherwise from the start");
        assertTrue(forked.label().contains("forked at 2025-01-01 00:25:00 UTC"), forked.label());
    }

    @Test
    void theReverseSearchIsSolventStressReverse(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = new StressTaskViewModel(StressFixtures.flash());
        vm.modeProperty().set(Mode.REVERSE);
        assertEquals("2025-01-01T00:00:00Z", vm.shockAtProperty().get(), "no moment: the scenario's first price");
        assertEquals(List.of(), vm.problems());
        StressResult.ReverseResult r = (StressResult.ReverseResult) run(vm, 1);
        cli("stress", FLASH.toString(), "--reverse", "--no-progress", "--out", dir.toString());
        JsonNode reverse = JSON.readTree(dir.resolve("reverse.json").toFile());
        assertEquals(reverse.get("emptiesFundAtDrop").asDouble(), r.emptiesAt(), 0.0);
        assertEquals(0.2343109130859375, r.emptiesAt(), 0.0);
        assertEquals(reverse.get("largestSurvivedDrop").asDouble(), r.survives(), 0.0);
        assertEquals(reverse.get("trials").size(), r.trials().size());
        JsonNode summary = JSON.readTree(dir.resolve("run/summary.json").toFile());
        assertEquals(summary.get("stateHash").asText(), r.run().stateHash(), "the run that shows the fund emptied");
        assertEquals(0.0, r.run().fundMinimumUsd(), 0.0);
        assertTrue(r.label().startsWith("a uniform drop of 23.431% at 2025-01-01 00:00:00 UTC empties the fund"),
                r.label());
    }

    @Test
    void monteCarloIsSolventStressMonteCarlo(@TempDir Path dir) throws Exception {
        Path window = StressFixtures.window(dir);
        StressTaskViewModel vm = new StressTaskViewModel(StressFixtures.flash());
        vm.modeProperty().set(Mode.MONTE_CARLO);
        vm.pathsProperty().set("6");
        vm.seedProperty().set("7");
        vm.calibrationFiles().add(window);
        assertEquals(6, vm.runsProperty().get());
        assertTrue(vm.planProperty().get().contains("6 paths (seeds 7–12)")
                && vm.planProperty().get().contains("the 99% VaR and ES rest on 1 path(s)"), vm.planProperty().get());
        StressResult.MonteCarloResult r = (StressResult.MonteCarloResult) run(vm, 2);
        cli("stress", FLASH.toString(), "--monte-carlo", "6", "--calibrate", window.toString(), "--seed", "7",
                "--no-progress", "--out", dir.resolve("cli").toString());
        assertEquals(Files.readString(dir.resolve("cli/montecarlo.csv")), StressCsv.of(r), "path for path");
        JsonNode json = JSON.readTree(dir.resolve("cli/montecarlo.json").toFile());
        for (String loss : new String[] {"badDebtUsd", "fundLossUsd"}) {
            StressResult.Tail tail = loss.equals("badDebtUsd") ? r.badDebt() : r.fundLoss();
            assertEquals(json.get(loss).get("mean").asDouble(), tail.meanUsd(), 0.0);
            for (String pct : new String[] {"95", "99"}) {
                StressResult.TailLevel l = tail.at(Integer.parseInt(pct) / 100.0);
                assertEquals(json.get(loss).get("var" + pct).asDouble(), l.varUsd(), 0.0, loss + " VaR " + pct);
                assertEquals(json.get(loss).get("es" + pct).asDouble(), l.esUsd(), 0.0, loss + " ES " + pct);
                assertEquals(json.get(loss).get("pathsInTail" + pct).asInt(), l.pathsInTail());
                assertEquals(json.get(loss).get("reliable" + pct).asBoolean(), l.reliable());
            }
        }
        assertTrue(r.thinTail(), "six paths: the tail rests on one path, and the result says so");
        assertTrue(r.label().contains("thin tail"), r.label());
    }

    @Test
    void eachSettingChangesWhatItClaims(@TempDir Path dir) throws Exception {
        Path window = StressFixtures.window(dir);
        StressTaskViewModel vm = new StressTaskViewModel(StressFixtures.flash());
        vm.modeProperty().set(Mode.MONTE_CARLO);
        vm.calibrationFiles().add(window);
        vm.seedProperty().set("7");
        vm.pathsProperty().set("3");
        StressResult.MonteCarloResult three = (StressResult.MonteCarloResult) run(vm, 2);
        vm.pathsProperty().set("5");
        StressResult.MonteCarloResult five = (StressResult.MonteCarloResult) run(vm, 2);
        assertEquals(3, three.paths().size());
        assertEquals(5, five.paths().size(), "more paths, more rows");
        assertEquals(three.paths(), five.paths().subList(0, 3), "the same seed: the first paths are the same");
        vm.seedProperty().set("8");
        StressResult.MonteCarloResult shifted = (StressResult.MonteCarloResult) run(vm, 2);
        assertEquals(five.paths().get(1).stateHash(), shifted.paths().get(0).stateHash(),
                "path i uses seed + i: seed 8's path 0 is seed 7's path 1");
        assertNotEquals(five.paths().get(0).stateHash(), shifted.paths().get(0).stateHash());

        StressTaskViewModel g = grid(StressFixtures.flash(), Long.MIN_VALUE, "liquidation.buffer", "0.02");
        assertEquals(1, g.runsProperty().get());
        g.axes().set(0, new Axis("liquidation.buffer", "0.02,0.05,0.1"));
        assertEquals(3, g.runsProperty().get(), "more values, more runs");
        g.axes().add(new Axis("deleveraging", "adl-ranked,deficit"));
        assertEquals(6, g.runsProperty().get());
        StressResult.GridResult six = (StressResult.GridResult) run(g, 2);
        assertEquals(6, six.rows().size());
        assertEquals("0.1", six.rows().get(5).set().get("liquidation.buffer"));
        assertNotEquals(six.rows().get(0).liquidations(), six.rows().get(4).liquidations(),
                "the buffer changes the liquidations");

        StressTaskViewModel rv = new StressTaskViewModel(StressFixtures.flash());
        rv.modeProperty().set(Mode.REVERSE);
        rv.maxDropPercentProperty().set("10");
        StressResult.ReverseResult small = (StressResult.ReverseResult) run(rv, 1);
        assertTrue(Double.isNaN(small.emptiesAt()) && small.run() == null, "a 10% drop does not empty the fund");
        assertEquals(2, small.trials().size());
        assertTrue(small.label().contains("the fund survives even a 10.0% drop"), small.label());
        rv.maxDropPercentProperty().set("95");
        rv.shockAtProperty().set("2025-01-01T00:30:00Z"); // the bottom of the crash: a smaller drop suffices
        StressResult.ReverseResult atBottom = (StressResult.ReverseResult) run(rv, 1);
        assertTrue(atBottom.emptiesAt() < 0.2343109130859375, "shocked at the bottom: " + atBottom.emptiesAt());
        assertEquals(1_735_691_400_000L, atBottom.shockAtMs());
    }

    @Test
    void badInputIsOneClearLinePerValue() {
        StressTaskViewModel vm = grid(StressFixtures.flash(), Long.MIN_VALUE, "liquidation.buffer", "0.02,-1,x",
                "insuranceFund.openingBalanceUsd", "0,1e6", "deleveraging", "adl-ranked,,nope");
        assertEquals(0, vm.runsProperty().get());
        assertFalse(vm.canStartProperty().get());
        List<String> p = vm.problems();
        assertTrue(p.contains("liquidation.buffer = -1: expected a number >= 0, was -1")
                || p.stream().anyMatch(s -> s.startsWith("liquidation.buffer = -1: expected a number >= 0")), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("liquidation.buffer = x: ")), p::toString);
        assertTrue(p.contains("insuranceFund.openingBalanceUsd: not a parameter of this scenario"), p::toString);
        assertTrue(p.contains("deleveraging: an empty value in 'adl-ranked,,nope'"), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("deleveraging = nope: expected one of")), p::toString);
        assertEquals(5, p.size(), p::toString);
        assertThrows(IllegalStateException.class, vm::job);

        vm.axes().setAll(new Axis("liquidation.buffer", "0.02"), new Axis("liquidation.buffer", "0.05"));
        assertEquals(List.of("liquidation.buffer: given twice"), vm.problems());
        vm.axes().clear();
        assertEquals(List.of("add a parameter and the values to try"), vm.problems());
        vm.axes().add(new Axis("liquidation.buffer", String.join(",", java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> "0.0" + (i + 10)).toList())));
        vm.axes().add(new Axis("liquidation.maxFraction", String.join(",", java.util.stream.IntStream.range(1, 30)
                .mapToObj(i -> Double.toString(i / 30.0)).toList())));
        assertEquals(List.of("1,160 runs: a grid started from the console may have at most 1,000; use fewer values,"
                + " or solvent stress"), vm.problems());
        vm.axes().setAll(new Axis("liquidation.buffer", "0.02"));
        vm.forkAtMomentProperty().set(true);
        assertEquals(List.of("no current moment to fork at: the console has not started the run"), vm.problems());

        vm.modeProperty().set(Mode.REVERSE);
        vm.shockAtProperty().set("yesterday");
        vm.maxDropPercentProperty().set("120");
        assertEquals(List.of("shock time: expected an ISO-8601 UTC instant (2025-10-10T21:00:00Z) or ms since the"
                + " epoch, was 'yesterday'", "largest drop: expected a percentage above 0 and below 100, was '120'"),
                vm.problems());
        vm.shockAtProperty().set("1735690800000");
        vm.maxDropPercentProperty().set("50%");
        assertEquals(List.of(), vm.problems());
        assertEquals(1_735_690_800_000L, ((StressJob.Reverse) vm.job()).shockAtMs());
        assertEquals(0.5, ((StressJob.Reverse) vm.job()).maxDrop(), 0.0);

        vm.modeProperty().set(Mode.MONTE_CARLO);
        vm.pathsProperty().set("20000");
        assertEquals(List.of("paths: 20,000 is more than the 10,000 the console runs; use solvent stress --monte-carlo"
                + " for more", "calibration: pick the recorded files of a window to calibrate the paths to"),
                vm.problems());
        vm.pathsProperty().set("0");
        vm.seedProperty().set("x");
        vm.calibrationFiles().add(Path.of("no-such-window.csv"));
        assertEquals(List.of("paths: 0 is fewer than 1", "seed: expected a whole number, was 'x'",
                "calibration: no-such-window.csv: no such readable file"), vm.problems());
        vm.pathsProperty().set("many");
        assertTrue(vm.problems().getFirst().startsWith("paths: expected a whole number from 1 to 10,000, was 'many'"));
    }

    @Test
    void theConsoleOpensItOnTheActiveRunsParametersAndMoment() throws Exception {
        Scenario flash = StressFixtures.flash();
        java.util.Map<String, String> active = new java.util.LinkedHashMap<>(flash.parameters().values());
        active.put("liquidation.buffer", "0.05"); // the operator changed it in the console
        StressTaskViewModel vm = StressTaskViewModel.forConsole(flash, active, FLASH_MID_CRASH_MS);
        assertEquals("0.05", vm.currentValue("liquidation.buffer"));
        assertEquals("2025-01-01T00:25:00Z", vm.shockAtProperty().get(), "the reverse stress shocks at the moment");
        vm.axes().add(new Axis("deleveraging", "adl-ranked"));
        StressResult.GridResult r = (StressResult.GridResult) run(vm, 1);
        StressResult.GridResult direct = (StressResult.GridResult) run(grid(flash, Long.MIN_VALUE,
                "liquidation.buffer", "0.05", "deleveraging", "adl-ranked"), 1);
        assertEquals(direct.rows().getFirst().stateHash(), r.rows().getFirst().stateHash(),
                "a cell runs under the active parameters with its values");

        active.put("liquidation.buffer", "0.1"); // the console moves on: another change, a later moment
        vm.forkAtMomentProperty().set(true);
        vm.follow(active, FLASH_MID_CRASH_MS + 60_000);
        assertEquals("0.1", vm.currentValue("liquidation.buffer"));
        assertEquals(FLASH_MID_CRASH_MS + 60_000, vm.momentMs());
        assertEquals("2025-01-01T00:26:00Z", vm.shockAtProperty().get(), "an untyped shock time follows the moment");
        assertEquals(FLASH_MID_CRASH_MS + 60_000, ((StressJob.Grid) vm.job()).forkAtMs(), "a grid forks there");
        vm.shockAtProperty().set("2025-01-01T00:10:00Z");
        vm.follow(active, FLASH_MID_CRASH_MS + 120_000);
        assertEquals("2025-01-01T00:10:00Z", vm.shockAtProperty().get(), "a typed shock time stays");
        vm.modeProperty().set(Mode.REVERSE);
        assertEquals("0.1", ((StressJob.Reverse) vm.job()).scenario().parameters().values().get("liquidation.buffer"));
    }

    @Test
    void aLiveFeedIsRefusedInOneLine() {
        Scenario flash = StressFixtures.flash();
        Scenario live = flash.withFeeds(List.of(new Scenario.StreamFeed("binance-futures live", () -> {
            throw new AssertionError("a stress analysis must not open a live feed");
        }, null)));
        StressTaskViewModel vm = new StressTaskViewModel(live);
        vm.axes().add(new Axis("liquidation.buffer", "0.02"));
        assertEquals(List.of("the scenario reads a live feed, which never ends: a stress analysis needs a recorded one"
                + " (record it with solvent record, then open the recording)"), vm.problems());
        assertFalse(vm.canStartProperty().get());
    }

    @Test
    void aCalibrationThatCannotBeFittedFailsTheTaskWithItsReason(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.csv"); // a window of a symbol the scenario does not map
        Files.writeString(other, "timestamp_ms,symbol,price\n0,SOLUSD,150\n60000,SOLUSD,151\n120000,SOLUSD,149\n");
        StressTaskViewModel vm = new StressTaskViewModel(StressFixtures.flash());
        vm.modeProperty().set(Mode.MONTE_CARLO);
        vm.pathsProperty().set("3");
        vm.calibrationFiles().add(other);
        WaitForAsyncUtils.asyncFx(vm::start).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertNull(vm.resultProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("failed: calibration files: "), vm.statusProperty().get());
        assertTrue(vm.canStartProperty().get(), "the form can start again");
    }

    @Test
    void aCancelledGridKeepsTheCellsThatFinishedExactly() throws Exception {
        StressTaskViewModel vm = grid(StressFixtures.flash(), Long.MIN_VALUE, "liquidation.buffer",
                "0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08");
        StressResult.GridResult all = (StressResult.GridResult) run(vm, 1);
        AtomicLong done = new AtomicLong();
        StressResult.GridResult partial = (StressResult.GridResult) StressRun.run(vm.job(), 1,
                (d, t, m) -> done.set(d), () -> done.get() >= 2);
        assertTrue(partial.cancelled());
        assertTrue(partial.rows().size() >= 2 && partial.rows().size() < 8, "rows: " + partial.rows().size());
        for (StressResult.RunRow r : partial.rows()) {
            assertEquals(all.rows().get(r.index()), r, "a finished cell is exactly its run");
        }
        assertTrue(partial.label().startsWith("Partial grid (cancelled): " + partial.rows().size() + " of 8 runs"
                + " finished"), partial.label());
        assertTrue(StressCsv.of(partial).lines().count() == partial.rows().size() + 1);
        assertNull(StressRun.run(vm.job(), 1, QUIET, () -> true), "cancelled before any run finished: no result");
    }

    @Test
    void whileItRunsTheFinishedRunsAreHandedOverAsTheyLand(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = grid(StressFixtures.flash(), Long.MIN_VALUE, "liquidation.buffer", "0.01,0.02,0.03,0.04");
        java.util.List<StressResult> interim = new java.util.ArrayList<>();
        long[] clock = {0};
        StressRun.Listener listener = new StressRun.Listener() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public void interim(StressResult soFar) {
                interim.add(soFar);
            }
        };
        // a clock that moves a second per reading: every finished run is due to be handed over
        StressResult.GridResult end = (StressResult.GridResult) StressRun.run(vm.job(), 1, listener, () -> false,
                () -> clock[0] += 1_000_000_000L);
        assertEquals(List.of(1, 2, 3, 4), interim.stream().map(r -> ((StressResult.GridResult) r).rows().size())
                .toList(), "one row more each time");
        assertEquals(end.rows().subList(0, 3), ((StressResult.GridResult) interim.get(2)).rows());
        assertTrue(interim.getFirst().label().startsWith("Grid under way: 1 of 4 runs finished"));
        assertFalse(interim.getFirst().cancelled());

        StressTaskViewModel mc = new StressTaskViewModel(StressFixtures.flash());
        mc.modeProperty().set(Mode.MONTE_CARLO);
        mc.calibrationFiles().add(StressFixtures.window(dir));
        mc.pathsProperty().set("3");
        interim.clear();
        StressRun.run(mc.job(), 1, listener, () -> false, () -> clock[0] += 1_000_000_000L);
        assertEquals(List.of(1, 2, 3), interim.stream().map(r -> ((StressResult.MonteCarloResult) r).paths().size())
                .toList());
        assertTrue(interim.getFirst().label().startsWith("Monte Carlo under way: paths 0–0, 1 of 3"),
                interim.getFirst().label());
    }

    @Test
    void aCancelledMonteCarloKeepsAnUnbrokenPrefixOfPaths(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = new StressTaskViewModel(StressFixtures.flash());
        vm.modeProperty().set(Mode.MONTE_CARLO);
        vm.calibrationFiles().add(StressFixtures.window(dir));
        vm.pathsProperty().set("12");
        AtomicLong done = new AtomicLong();
        StressResult.MonteCarloResult partial = (StressResult.MonteCarloResult) StressRun.run(vm.job(), 2,
                (d, t, m) -> done.set(d), () -> done.get() >= 3);
        assertTrue(partial.cancelled());
        int k = partial.paths().size();
        assertTrue(k >= 1 && k < 12, "paths kept: " + k);
        vm.pathsProperty().set(Integer.toString(k));
        StressResult.MonteCarloResult prefix = (StressResult.MonteCarloResult) run(vm, 2);
        assertEquals(StressCsv.of(prefix), StressCsv.of(partial), "exactly a run of " + k + " paths, same seed");
        assertEquals(prefix.badDebt().at(0.95).varUsd(), partial.badDebt().at(0.95).varUsd(), 0.0);
        assertTrue(partial.label().startsWith("Partial Monte Carlo (cancelled): paths 0–" + (k - 1)), partial.label());
    }

    @Test
    void theTaskRunsInTheBackgroundWithProgressAndCancel(@TempDir Path dir) throws Exception {
        StressTaskViewModel vm = grid(StressFixtures.flash(), Long.MIN_VALUE, "liquidation.buffer",
                String.join(",", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "0.0" + (10 + i)).toList()),
                "liquidation.maxFraction", "0.2,0.4,0.6,0.8,1"); // 300 runs: seconds, long enough to cancel
        vm.threadsProperty().set(1);
        WaitForAsyncUtils.asyncFx(vm::start).get(10, TimeUnit.SECONDS);
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canStartProperty().get(), "one analysis at a time");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.progressProperty().get() > 0);
        assertTrue(vm.statusProperty().get().contains(" of 300 runs"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("ETA"), vm.statusProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null);
        StressResult.GridResult soFar = (StressResult.GridResult) vm.resultProperty().get();
        assertTrue(vm.runningProperty().get(), "rows land while the grid runs");
        assertFalse(soFar.cancelled());
        assertTrue(soFar.rows().size() < 300 && soFar.label().startsWith("Grid under way: " + soFar.rows().size()
                + " of 300 runs finished"), soFar.label());
        WaitForAsyncUtils.asyncFx(vm::cancel).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        StressResult.GridResult r = (StressResult.GridResult) vm.resultProperty().get();
        assertTrue(r.cancelled() && r.rows().size() < 300, "stopped early: " + r.rows().size());
        assertTrue(vm.statusProperty().get().startsWith("Partial grid (cancelled)"), vm.statusProperty().get());
        assertTrue(vm.progressProperty().get() < 1);
        Path csv = dir.resolve("partial.csv");
        WaitForAsyncUtils.asyncFx(() -> {
            vm.exportCsv(csv);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(StressCsv.of(r), Files.readString(csv));

        vm.axes().setAll(new Axis("liquidation.buffer", "0.02,0.05"));
        assertTrue(vm.canStartProperty().get());
        WaitForAsyncUtils.asyncFx(vm::start).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertEquals("Grid: 2 runs, each cell from the start", vm.statusProperty().get());
        assertEquals(1.0, vm.progressProperty().get(), 0.0);
        assertFalse(vm.resultProperty().get().cancelled());
        assertFalse(Platform.isFxApplicationThread());
    }
}
