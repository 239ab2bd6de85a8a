package io.solvent.engine.sim;

import io.solvent.engine.scenario.Scenario;

/**
 * Runs a scenario headless to the end: the feeds merged in time order (shocks applied), each mapped price through
 * the oracle model, each publication an engine step. Rows go to a {@link ReplaySink} as they happen; the result holds
 * the summary and the state hash. Deterministic: the same scenario gives the same rows and hash.
 */
public final class ReplayRunner {
    /** A metrics row is written at most once per simulated second. */
    public static final long METRICS_PERIOD_MS = 1_000;
    /** Sub-accounts below this maintenance health factor count as at risk in the metrics. */
    public static final double AT_RISK_HEALTH_FACTOR = SimulationEngine.AT_RISK_HEALTH_FACTOR;

    private ReplayRunner() {
    }

    /**
     * The outcome of a replay.
     *
     * @param summary     the run's figures
     * @param ticks       price events read from the feeds
     * @param unmapped    price events whose symbol the scenario does not map to an asset
     * @param fundStartUsd the insurance fund's opening balance, USD
     * @param stateHash   the state hash ({@link StateHasher})
     */
    public record Result(RunSummary summary, long ticks, long unmapped, double fundStartUsd, String stateHash)
            implements java.io.Serializable {
    }

    /**
     * @param scenario the scenario
     * @param sink     receives the events and metrics rows
     * @return the summary and state hash
     * @throws io.solvent.engine.input.InputException when a feed file is bad
     */
    public static Result run(Scenario scenario, ReplaySink sink) {
        try (Replay replay = Replay.start(scenario, sink)) {
            while (replay.step()) {
                // one feed event at a time
            }
            return replay.finish();
        }
    }

}
