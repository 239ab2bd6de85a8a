package io.solvent.engine.sim;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The recorded 2025-10-10 Binance COIN-M perps (read from ../shared/data, never copied) driving the shipped
 * stressed population end to end: the cascade lands in the evening's crash minutes, the ledger balances, and two
 * runs give the same hash.
 */
class SharedCrashReplayTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "crash_2025-10-10",
            "binance_coinm_perp_1m_2025-10-10.csv");
    private static final long CRASH_FROM = 1760129400000L; // 2025-10-10 20:50 UTC
    private static final long CRASH_TO = 1760131800000L;   // 21:30 UTC
    private static final long FIRST_HOUR = 1760054400000L + 3_600_000L;

    static Scenario scenario() {
        return new Scenario("2025-10-10 COIN-M", BookReader.read(Path.of("..", "assets", "books", "population-300.json")),
                List.of(DATA), "USDC", List.of(new Scenario.RecordedFeed(DATA, null)),
                Map.of("AAVEUSD_PERP", "AAVE", "AVAXUSD_PERP", "AVAX", "DOTUSD_PERP", "DOT"),
                OracleParameters.passThrough(), Scenario.Depth.uniform(2_000_000), new LiquidityParameters(0.2, true,
                60_000), LiquidationParameters.DEFAULTS, "adl-ranked", 100_000, List.of(), 1,
                DynamicMarginParameters.DISABLED);
    }

    @Test
    void theCascadeLandsInTheCrashMinutesAndReplaysBitForBit() {
        assumeTrue(Files.exists(DATA), "shared crash data not present at " + DATA.toAbsolutePath() + ": skipping");
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.Result a = ReplayRunner.run(scenario(), sink(events));
        ReplayRunner.Result b = ReplayRunner.run(scenario(), sink(new ArrayList<>()));
        assertEquals(a.stateHash(), b.stateHash());
        assertTrue(a.summary().maxLedgerImbalance() <= 1e-9, "imbalance " + a.summary().maxLedgerImbalance());
        assertTrue(a.ticks() > 60_000, "ticks " + a.ticks());
        List<SimulationEvent> later = events.stream()
                .filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION && e.timeMs() > FIRST_HOUR).toList();
        long inCrash = later.stream().filter(e -> e.timeMs() >= CRASH_FROM && e.timeMs() < CRASH_TO).count();
        assertTrue(later.size() >= 10, "liquidations after the opening sweep: " + later.size());
        assertTrue(inCrash >= 0.8 * later.size(), inCrash + " of " + later.size() + " liquidations in 20:50–21:30");
    }

    private static ReplaySink sink(List<SimulationEvent> events) {
        return ReplaySink.events(events::add);
    }
}
