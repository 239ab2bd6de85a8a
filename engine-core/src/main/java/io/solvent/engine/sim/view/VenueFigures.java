package io.solvent.engine.sim.view;

import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;

import java.util.Objects;

/**
 * A run's venue-wide figures, exact at a feed position: its metrics row (the very row {@code metrics.csv} gets, made by
 * the same builder) and its counters. Read on the engine thread in O(assets + funds): the engine's trigger indexes
 * count who is at risk without a scan, and the counters are kept as the run goes.
 *
 * @param position feed events processed when they were read
 * @param row      prices, fund, at risk, liquidatable, open interest, liquidated notional and bad debt at
 *                 {@code row.timeMs()} ({@link Long#MIN_VALUE} before the first event)
 * @param summary  every counter of the run so far; its ledger imbalance is the largest any step's check found (the
 *                 end of a run re-verifies the whole ledger)
 */
public record VenueFigures(long position, ReplaySink.MetricsRow row, RunSummary summary) {
    public VenueFigures {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(summary, "summary");
    }

    /** Nothing yet: before a run exists. */
    public static final VenueFigures NONE = new VenueFigures(0,
            new ReplaySink.MetricsRow(Long.MIN_VALUE, new double[0], 0, 0, 0, 0, 0, 0),
            new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    /** @return simulated time they are from, ms since the Unix epoch, UTC */
    public long asOfMs() {
        return row.timeMs();
    }

    /** @return insurance funds' total balance, USD */
    public double fundUsd() {
        return row.fundUsd();
    }

    /** @return sub-accounts with a maintenance health factor below 1.1 */
    public int atRisk() {
        return row.atRisk();
    }

    /** @return sub-accounts liquidatable now */
    public int liquidatable() {
        return row.liquidatable();
    }

    /** @return Σ notional of all open positions at the prices accounts see, USD */
    public double openInterestUsd() {
        return row.openInterestUsd();
    }
}
