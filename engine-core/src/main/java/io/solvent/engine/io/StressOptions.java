package io.solvent.engine.io;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of a stress analysis as the user gave them ({@code solvent stress} and the Spark job take the same
 * ones), before they are checked: {@link StressPlan#of} turns them into a plan or rejects them in one line.
 *
 * @param scenario   the scenario file
 * @param sets       each {@code --set KEY=V1,V2,...} in order, or null when none was given (not a grid)
 * @param forkAt     {@code --fork-at}: an ISO-8601 UTC instant or ms since the Unix epoch, or null
 * @param reverse    {@code --reverse}: the reverse stress search instead of a grid
 * @param monteCarlo {@code --monte-carlo N}: the number of paths, or null
 * @param calibrate  {@code --calibrate}: the recorded files of the calibration window, or null
 * @param seed       {@code --seed}: the seed of Monte Carlo path 0
 * @param shockAt    {@code --shock-at}: when the reverse drop happens, ms since the Unix epoch, or null for the
 *                   scenario's first price
 * @param maxDrop    {@code --max-drop}: the largest reverse drop tried, a fraction of the price
 */
public record StressOptions(Path scenario, List<String> sets, String forkAt, boolean reverse, Integer monteCarlo,
                            List<Path> calibrate, long seed, Long shockAt, double maxDrop) {
    /** The seed of path 0 when none is given. */
    public static final long DEFAULT_SEED = 1;
    /** The largest reverse drop tried when none is given, a fraction of the price. */
    public static final double DEFAULT_MAX_DROP = 0.95;
    /** The most Monte Carlo paths one run takes (each is a whole replay; the results are held for VaR). */
    public static final int MAX_PATHS = 100_000;

    /**
     * An option the user gave was rejected: the message is one line naming it and what was expected.
     */
    public static final class Rejected extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @param message one line naming the option and what was expected */
        public Rejected(String message) {
            super(message);
        }
    }
}
