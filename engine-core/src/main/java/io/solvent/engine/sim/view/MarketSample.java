package io.solvent.engine.sim.view;

/**
 * One simulated second of a run's market, for the console's charts: beside each metrics row (same time), what the
 * feeds showed and what the oracles sent, and the insurance funds' cumulative flows. Made on the engine thread in
 * O(assets); the arrays are never written after the sample is made.
 *
 * @param timeMs        simulated time, ms since the Unix epoch, UTC (that of the metrics row it goes with)
 * @param feedUsd       per asset, in book order: the latest price observed on its preferred feed, before the oracle
 *                      model, USD per unit; NaN before any or for an asset with no feed
 * @param oracleUsd     per asset, in book order: the price the oracle model last sent, USD per unit; NaN before any
 * @param fundInflowUsd the insurance funds' inflows since the run's start (their shares of liquidation fees), USD
 * @param fundPayoutUsd what the insurance funds paid out since the run's start (bad debt covered), USD
 */
public record MarketSample(long timeMs, double[] feedUsd, double[] oracleUsd, double fundInflowUsd,
                           double fundPayoutUsd) {
    public MarketSample {
        java.util.Objects.requireNonNull(feedUsd, "feedUsd");
        java.util.Objects.requireNonNull(oracleUsd, "oracleUsd");
        if (feedUsd.length != oracleUsd.length) {
            throw new IllegalArgumentException("expected as many feed prices as oracle prices");
        }
    }
}
