package io.solvent.app.viewmodel;

import io.solvent.app.ConsoleScenarios;
import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.app.service.PulseWork;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view models, driven by a real engine loop, without the FX toolkit. */
class ConsoleViewModelTest {
    @TempDir
    Path dir;

    @Test
    void viewModelsShowTheEngineFiguresAtTheMomentSought() throws Exception {
        Scenario sc = ConsoleScenarios.defaultWith(2_000, dir);
        try (ConsoleSession session = ConsoleSession.start(sc)) {
            List<CompletableFuture<EngineView>> pending = new ArrayList<>();
            PulseWork work = new PulseWork();
            EngineBridge[] bridge = new EngineBridge[1];
            ConsoleViewModel vm = new ConsoleViewModel(c -> pending.add(bridge[0].submit(c)), s -> s, System::nanoTime,
                    work);
            bridge[0] = new EngineBridge(session.loop(), vm::update);
            EngineView first = session.loop().submit(new EngineCommand.StepOnce()).join();
            EngineView at = session.loop().submit(new EngineCommand.Seek(first.startMs() + 20 * 60_000)).join();
            for (int i = 0; i < 300; i++) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                pending.clear();
                vm.update(session.loop().latest());
                work.endPulse();
            }
            EngineView v = session.loop().latest();
            assertEquals(at.timeMs(), v.timeMs());
            // overview: the engine's exact figures, with their units and levels
            assertEquals(v.fundUsd(), vm.overview().fundProperty().get().value(), 1e-9);
            assertEquals("USD", vm.overview().fundProperty().get().unit());
            assertEquals(v.summary().badDebtUsd(), vm.overview().badDebtProperty().get().value(), 1e-9);
            assertEquals(v.atRisk(), (int) vm.overview().atRiskProperty().get().value());
            double oi = v.risk().ladders().stream().mapToDouble(l -> l.longOpenUsd() + l.shortOpenUsd()).sum();
            assertEquals(oi, vm.overview().openInterestProperty().get().value(), 1e-6 * oi);
            // liquidations per minute: the minutes' counts add up to the liquidation events before this minute
            long minute = Math.floorDiv(v.timeMs(), 60_000L);
            long before = v.events().all().stream().filter(e -> e.event().kind() == SimulationEvent.Kind.LIQUIDATION
                    && Math.floorDiv(e.event().timeMs(), 60_000L) < minute).count();
            XYSeries perMinute = vm.overview().liquidationsPerMinute();
            double sum = 0;
            for (int i = 0; i < perMinute.size(); i++) {
                sum += perMinute.y(i);
            }
            assertTrue(before > 0, "the crash liquidated by 21:20");
            assertEquals(before, sum, 0.0);
            // market: one price point per metrics row
            assertEquals(v.series().size(), vm.market().price().size());
            assertFalse(vm.market().liquidations().size() == 0);
            // events: all taken, in order
            assertEquals(0, vm.events().backlog());
            assertEquals(Math.min(v.events().size(), EventsViewModel.KEPT), vm.events().shown().size());
            // accounts: the virtual list is as long as the matched sub-accounts; the page's rows are the engine's
            assertEquals(v.accounts().matched(), vm.accounts().rows().size());
            assertEquals(v.accounts().rows().getFirst(), vm.accounts().rows().getFirst());
            // distributions: the engine's bins and the at-risk curve, 101 moves
            assertEquals(v.risk().healthFactors().counts().size(), vm.distributions().healthCounts().size());
            assertEquals(101, vm.distributions().atRisk().size());
            // insurance: one balance point per metrics row
            assertEquals(v.series().size(), vm.insurance().balance().size());
        }
    }

    @Test
    void sortingAndScrollingAreAskedOfTheEngine() throws Exception {
        Scenario sc = ConsoleScenarios.defaultWith(3_000, dir);
        try (ConsoleSession session = ConsoleSession.start(sc)) {
            List<EngineCommand> sent = new ArrayList<>();
            List<CompletableFuture<EngineView>> pending = new ArrayList<>();
            ConsoleViewModel vm = new ConsoleViewModel(c -> {
                sent.add(c);
                pending.add(session.loop().submit(c));
            }, s -> s, System::nanoTime, new PulseWork());
            session.loop().submit(new EngineCommand.StepOnce()).join();
            Runnable pump = () -> {
                for (int i = 0; i < 5; i++) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                    vm.update(session.loop().latest());
                }
            };
            pump.run();
            int n = vm.accounts().rows().size();
            assertTrue(n > 2_000, "every sub-account is a row: " + n);
            vm.accounts().sortBy(io.solvent.engine.sim.view.AccountQuery.Column.EQUITY, false);
            pump.run();
            double top = vm.accounts().rows().get(0).equityUsd();
            double next = vm.accounts().rows().get(1).equityUsd();
            assertTrue(top >= next, "descending by equity");
            pump.run();
            // a row far down is null until its page comes, then it is there
            int far = n - 10;
            vm.accounts().rows().get(far);
            pump.run();
            assertTrue(vm.accounts().rows().get(far) != null, "the page around a row in view is asked for");
            long queries = sent.stream().filter(c -> c instanceof EngineCommand.QueryAccounts).count();
            assertTrue(queries >= 3, "first page, the sort, the scroll: " + queries);
        }
    }
}
