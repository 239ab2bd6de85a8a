package io.solvent.app.service;

import io.solvent.app.ConsoleScenarios;
import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.app.viewmodel.EventsViewModel;
import io.solvent.app.viewmodel.MarketViewModel;
import io.solvent.engine.sim.SnapshotKeeper;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.loop.EngineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The work the FX thread does per pulse does not grow with the venue: the same crash replayed at full speed over
 * 1,000 and over 100,000 sub-accounts, pulsed every 16 ms as the console's timer would, hands the views at most the
 * same bounded number of rows and points per pulse (the view models' per-pulse caps), whatever the population.
 */
class PulseWorkBoundTest {
    /** Rows one pulse may hand over: the events' cap, a page of accounts, the markets. */
    static final long ROWS = EventsViewModel.PER_PULSE + io.solvent.app.viewmodel.AccountsViewModel.PAGE + 100;
    /** Points one pulse may hand over: each log's cap for the market's, the fund's and the overview's series. */
    static final long POINTS = 8L * MarketViewModel.PER_PULSE + 1_000;

    @TempDir
    Path dir;

    @Test
    void perPulseWorkIsBoundedWhateverThePopulation() throws Exception {
        PulseWork small = replay(1_000);
        PulseWork large = replay(100_000);
        for (PulseWork w : new PulseWork[] {small, large}) {
            assertTrue(w.pulses() >= 1, "pulses: " + w.pulses());
            assertTrue(w.maxRows() <= ROWS, "rows per pulse " + w.maxRows() + " > " + ROWS);
            assertTrue(w.maxPoints() <= POINTS, "points per pulse " + w.maxPoints() + " > " + POINTS);
            assertTrue(w.maxNodes() <= 20, "nodes per pulse " + w.maxNodes());
        }
        System.out.printf("per pulse, 1,000 vs 100,000 sub-accounts: rows %d vs %d, points %d vs %d, nodes %d vs %d%n",
                small.maxRows(), large.maxRows(), small.maxPoints(), large.maxPoints(), small.maxNodes(),
                large.maxNodes());
    }

    private PulseWork replay(int accounts) throws Exception {
        // Two snapshots, not the console's 64: each is a copy of the book (about 70 MB at 100,000 sub-accounts), and
        // the work handed to the FX thread per pulse does not depend on them.
        EngineLoop.Options options = EngineLoop.Options.of(Pacer.of(System::nanoTime)).withSnapshots(
                new SnapshotKeeper.Cadence(EngineLoop.Options.DEFAULT_SNAPSHOTS.everyMs(), 2));
        try (ConsoleSession session = ConsoleSession.start(ConsoleScenarios.defaultWith(accounts, dir), options)) {
            PulseWork work = new PulseWork();
            EngineBridge[] bridge = new EngineBridge[1];
            ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c), s -> s, System::nanoTime, work);
            bridge[0] = new EngineBridge(session.loop(), vm::update);
            vm.play(0);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                bridge[0].pulse();
                work.endPulse();
                EngineView v = bridge[0].current();
                if (v != null && (v.state() == EngineView.State.ENDED || v.state() == EngineView.State.ERROR)) {
                    break;
                }
                Thread.sleep(16);
            }
            session.loop().submit(new EngineCommand.Pause());
            return work;
        }
    }
}
