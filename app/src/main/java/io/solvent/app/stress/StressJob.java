package io.solvent.app.stress;

import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A validated stress analysis, ready to run ({@link StressRun}): what the console's form was set to. */
public sealed interface StressJob {

    /** @return how many runs it takes (for the reverse search, the most it can take) */
    int runs();

    /**
     * A grid: one run per combination.
     *
     * @param scenario  the scenario as loaded (its own parameters run the shared history of a forked grid)
     * @param keys      the grid's keys, in order
     * @param cells     each combination, key to value, in grid order (the last key varies fastest)
     * @param cellParameters each combination's parameters: the current ones with its values
     * @param forkAtMs  the fork time, ms since the Unix epoch, UTC; null to run every cell from the start
     */
    record Grid(Scenario scenario, List<String> keys, List<Map<String, String>> cells, List<Parameters> cellParameters,
                Long forkAtMs) implements StressJob {
        public Grid {
            keys = List.copyOf(keys);
            cells = List.copyOf(cells);
            cellParameters = List.copyOf(cellParameters);
        }

        @Override
        public int runs() {
            return cells.size();
        }
    }

    /**
     * The reverse stress search.
     *
     * @param scenario  the scenario, under the parameters to search with
     * @param shockAtMs when the drop happens, ms since the Unix epoch, UTC
     * @param maxDrop   the largest drop tried, {@code 0 < d < 1}
     */
    record Reverse(Scenario scenario, long shockAtMs, double maxDrop) implements StressJob {
        @Override
        public int runs() {
            return 2 + (int) Math.ceil(Math.log(maxDrop / io.solvent.engine.scenario.ReverseStress.TOLERANCE)
                    / Math.log(2));
        }
    }

    /**
     * Monte Carlo paths.
     *
     * @param scenario    the scenario, under the parameters to run the paths with
     * @param calibration the recorded files of the window the paths are calibrated to
     * @param seed        the seed of path 0 (path i uses seed + i)
     * @param paths       how many
     */
    record MonteCarlo(Scenario scenario, List<Path> calibration, long seed, int paths) implements StressJob {
        public MonteCarlo {
            calibration = List.copyOf(calibration);
        }

        @Override
        public int runs() {
            return paths;
        }
    }
}
