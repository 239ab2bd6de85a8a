package io.solvent.engine.analytics;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.VenueMinutesReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped 2025-10-10 scenario over its calibrated population, replayed once from the shared recordings and set
 * beside Hyperliquid's day (docs/fidelity.md shows the same figures): the plausibility invariants hold, and the
 * targets — all but the side deleveraged, whose shortfall docs/fidelity.md explains — are met. Skipped where the
 * shared data is absent.
 */
class OctoberTenthFidelityTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");
    static final Path SCENARIO = Path.of("..", "assets", "scenarios", "2025-10-10.json");

    private static ReplayRunner.Result result;
    private static FidelityComparison comparison;

    @BeforeAll
    static void replay() {
        assumeTrue(Files.isDirectory(DATA.resolve("crash_2025-10-10")) && Files.isDirectory(
                DATA.resolve("positions_2025-10-10")), "shared data not present at " + DATA.toAbsolutePath()
                + ": skipping the 2025-10-10 replay");
        Scenario s = ScenarioReader.read(SCENARIO);
        MinuteTally tally = new MinuteTally();
        result = ReplayRunner.run(s, tally);
        comparison = FidelityComparison.of(tally, VenueMinutesReader.read(DATA.resolve(
                "positions_2025-10-10/hl_liq_adl_per_minute.csv")), FidelityComparison.Windows.OCTOBER_10);
        System.out.printf("2025-10-10: crash share %.3f, Spearman %.3f, ADL peaks %s, long %.3f, short %.3f%n",
                comparison.crashShare(), comparison.spearman(), java.util.Arrays.toString(comparison.adlPeak()),
                comparison.longShare(), comparison.shortShare());
    }

    @Test
    void thePlausibilityInvariantsHoldOnTheRealDay() {
        RunSummary s = result.summary();
        assertTrue(s.plausibilityChecks() > 10_000, "checks: " + s.plausibilityChecks());
        assertEquals(0, s.plausibilityViolations());
        assertTrue(s.maxLedgerImbalance() <= 1e-9);
        assertTrue(s.liquidations() > 10_000 && s.bankruptcies() > 0 && s.deleveragingFills() > 0, s.toString());
    }

    @Test
    void theDayFallsInTheCrashWindowAndFollowsHyperliquidsMinutes() {
        assertTrue(comparison.crashShareMet(), "share in 21:00-21:40: " + comparison.crashShare());
        assertTrue(comparison.spearmanMet(), "Spearman " + comparison.spearman());
        assertTrue(comparison.adlPeakMet(), "ADL peaks " + java.util.Arrays.toString(comparison.adlPeak()));
    }

    @Test
    void longsAreLiquidatedAndMostDeleveragingClosesShorts() {
        assertTrue(comparison.longShare() >= FidelityComparison.MIN_SIDE_SHARE, "long " + comparison.longShare());
        // the target is 85%; the generated population's hedged accounts keep it below (docs/fidelity.md): the figure
        // reached is pinned so that a change shows
        assertTrue(comparison.shortShare() >= 0.6 && comparison.shortShare() < FidelityComparison.MIN_SIDE_SHARE,
                "short " + comparison.shortShare());
    }
}
