package io.solvent.engine.sim;

/** Where a replay's rows go as they happen (events.csv and metrics.csv), so that a long run holds none in memory. */
public interface ReplaySink {

    /** A sink that keeps nothing (a stress grid needs only each run's summary). */
    ReplaySink NONE = events(e -> { });

    /**
     * @param events told of every event; metrics rows are dropped
     * @return a sink that passes on the events only
     */
    static ReplaySink events(java.util.function.Consumer<SimulationEvent> events) {
        return new ReplaySink() {
            @Override
            public void event(SimulationEvent event, String account, String subaccount, String market) {
                events.accept(event);
            }

            @Override
            public void metrics(MetricsRow row) {
            }
        };
    }

    /**
     * @param event      what happened
     * @param account    id of the account of {@code event.subAccount()}, or empty
     * @param subaccount id of that sub-account within its account, or empty
     * @param market     symbol of {@code event.market()}, or empty
     */
    void event(SimulationEvent event, String account, String subaccount, String market);

    /**
     * A metrics row.
     *
     * @param row the figures at one simulated second (or tick)
     */
    void metrics(MetricsRow row);

    /**
     * A feed event the engine does not price with, passed on for readers: a venue's own liquidation
     * ({@link io.solvent.engine.feed.VenueLiquidationEvent}) or a live source's connection state
     * ({@link io.solvent.engine.feed.SourceStatusEvent}). Ignored by default.
     *
     * @param event the event
     */
    default void observed(io.solvent.engine.feed.FeedEvent event) {
    }

    /**
     * One row of metrics.csv.
     *
     * @param timeMs               simulated time, ms since the Unix epoch, UTC
     * @param prices               every asset's price as accounts see it, in book order, USD per unit
     * @param fundUsd              insurance funds' total balance, USD
     * @param atRisk               sub-accounts with a maintenance health factor below 1.1
     * @param liquidatable         sub-accounts liquidatable now
     * @param openInterestUsd      Σ notional of all open positions, USD
     * @param liquidatedNotionalUsd notional liquidated since the start, USD
     * @param badDebtUsd           bad debt since the start, USD
     */
    record MetricsRow(long timeMs, double[] prices, double fundUsd, int atRisk, int liquidatable,
                      double openInterestUsd, double liquidatedNotionalUsd, double badDebtUsd) {
    }
}
