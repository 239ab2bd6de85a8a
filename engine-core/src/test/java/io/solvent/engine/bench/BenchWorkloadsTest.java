package io.solvent.engine.bench;

import io.solvent.engine.io.CrashDayReader;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.StreamBaseline;
import io.solvent.engine.model.Book;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.testing.MarginBooks;
import io.solvent.engine.sim.Replay;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The benchmark workloads do the work they claim: same figures, no crossing on a quiet tick, the day mapped. */
class BenchWorkloadsTest {

    @Test
    void theHotStateFromTheGeneratorIsTheOneOfTheRecords() {
        PopulationGenerator g = BenchPopulation.generator(3_000);
        assertEquals(3_000, BenchPopulation.hotState(g).subAccounts().size());
        MarginBooks.assertIdentical(MarginBook.of(g.generate(), BenchPopulation.SETTLEMENT), BenchPopulation.hotState(g));
    }

    @Test
    void theNaiveBaselineComputesTheSameFigures() {
        Book book = BenchPopulation.generator(2_000).generate();
        MarginBook hot = MarginBook.of(book);
        NaiveRevaluation naive = new NaiveRevaluation(book);
        double sum = naive.revalueAll();
        double expected = 0;
        for (int s = 0; s < hot.subAccounts().size(); s++) {
            NaiveRevaluation.Figures f = naive.figures(s);
            assertEquals(hot.equity(s), f.equity(), "equity " + s);
            assertEquals(hot.notional(s), f.notional(), "notional " + s);
            assertEquals(hot.initialHealth(s), f.initialHealth(), "initial health " + s);
            assertEquals(hot.maintenanceWeightedAssets(s), f.maintenanceWeightedAssets(), "A " + s);
            assertEquals(hot.maintenanceWeightedLiabilities(s), f.maintenanceWeightedLiabilities(), "L " + s);
            expected += hot.maintenanceHealth(s);
        }
        assertEquals(expected, sum);
        assertNotEquals(0.0, StreamBaseline.sum(hot));
        double[][] results = new double[7][hot.subAccounts().size()];
        double last = StreamBaseline.rowWise(hot, results);
        assertEquals(last, results[6][hot.subAccounts().size() - 1]);
        for (double[] column : results) {
            assertEquals(results[0][0], column[0]); // every column written
        }
    }

    @Test
    void aQuietTickLiquidatesNobody() {
        PopulationGenerator g = BenchPopulation.generator(5_000);
        QuietTick tick = new QuietTick(BenchPopulation.hotState(g), g.universe().markets(), "BTC");
        assertTrue(tick.exposed() > 1_000, "exposed " + tick.exposed());
        for (int i = 0; i < 101; i++) {
            tick.tick();
        }
        assertEquals(0, tick.liquidations());
    }

    @Test
    void theRecordedDayReplaysAndForks() {
        Path file = Path.of("..", "assets", "scenarios", CrashDay.SCENARIO);
        CrashDayReader.Opened opened = CrashDayReader.open(file);
        assumeTrue(opened.present(), opened.absent() + ": skipping");
        CrashDay day = opened.day();
        List<String> markets = day.markets();
        assertEquals(10, markets.size(), markets.toString());
        Scenario s = day.scenario(BenchPopulation.generator(2_000, markets).generate());
        CrashDay.Clockwork sink = new CrashDay.Clockwork();
        ReplayRunner.Result r = CrashDay.replay(s, sink);
        assertEquals(1_760_130_000_000L, sink.firstMs(), "21:00");
        assertTrue(sink.lastMs() >= 1_760_140_740_000L, "to 23:59: " + sink.lastMs());
        assertTrue(r.ticks() > 50_000, "ticks " + r.ticks());
        assertEquals(0, r.summary().plausibilityViolations());
        Replay.Snapshot snap = CrashDay.snapshotAtForkTime(s);
        assertTrue(snap.lastTime() <= CrashDay.FORK_AT_MS && snap.lastTime() > CrashDay.FORK_AT_MS - 60_000,
                "snapshot at " + snap.lastTime());
        CrashDay.Clockwork fork = CrashDay.fork(s, snap);
        assertTrue(fork.lastMs() >= snap.lastTime() + CrashDay.FORK_SPAN_MS - 1_000, "fork to " + fork.lastMs());
    }
}
