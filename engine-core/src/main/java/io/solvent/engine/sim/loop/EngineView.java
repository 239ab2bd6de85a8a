package io.solvent.engine.sim.loop;

import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;

import java.util.List;
import java.util.Objects;

/**
 * What the {@link EngineLoop} publishes for readers (the console): an immutable copy of the active run's aggregates,
 * made on the engine thread. Readers never touch engine state; they take the newest view with
 * {@link EngineLoop#latest()}.
 *
 * @param sequence        number of this publication: 0 for the placeholder before the thread has started the first
 *                        run, then +1 per publication
 * @param state           what the loop is doing
 * @param error           with {@link State#ERROR}: why the active run stopped (one line, e.g. an
 *                        {@code InputException}'s message naming file and line); empty otherwise
 * @param notice          the message of the command rejected just before this publication; empty when the command
 *                        was carried out (or when the publication is not a command's answer)
 * @param speed           the speed of the last accepted {@link EngineCommand.Play}, simulated ms per wall ms
 *                        ({@link Double#POSITIVE_INFINITY}: as fast as possible); 0 before any
 * @param activeLabel     label of the run shown and stepped ({@link EngineLoop#ORIGINAL} for the first)
 * @param labels          every run's label, in creation order
 * @param startMs         the earliest time the active run can seek to, ms since the Unix epoch, UTC: the first
 *                        feed event's time for the original, the fork's moment for a fork;
 *                        {@link Long#MIN_VALUE} when unknown (no run, or feeds without events)
 * @param timeMs          simulated time of the last feed event processed, ms since the Unix epoch, UTC;
 *                        {@link Long#MIN_VALUE} before the first
 * @param position        feed events processed by the active run
 * @param ticks           price events processed by the active run
 * @param prices          every asset's price as accounts see it, in book order, USD per unit
 * @param fundUsd         insurance funds' total balance, USD
 * @param atRisk          sub-accounts with a maintenance health factor below 1.1
 * @param liquidatable    sub-accounts liquidatable now
 * @param openInterestUsd Σ notional of all open positions, USD
 * @param figuresAtMs     simulated time the five figures above are from, ms since the Unix epoch, UTC: they are
 *                        always exact at the run's position, read from the engine on its own thread; at the end, the
 *                        time of the oracles' last delivery ({@code timeMs} + latency)
 * @param summary         the active run's figures so far (exact at every publication)
 * @param stateHash       with {@link State#ENDED}: the run's final state hash (that of {@code ReplayRunner.run});
 *                        empty otherwise
 * @param recentEvents    the active run's latest events, oldest first, at most {@code EngineLoop.Options#recentEvents}
 */
public record EngineView(long sequence, State state, String error, String notice, double speed, String activeLabel,
                         List<String> labels, long startMs, long timeMs, long position, long ticks,
                         List<AssetPrice> prices, double fundUsd, int atRisk, int liquidatable,
                         double openInterestUsd, long figuresAtMs, RunSummary summary, String stateHash,
                         List<RecentEvent> recentEvents) {

    public EngineView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(activeLabel, "activeLabel");
        labels = List.copyOf(labels);
        prices = List.copyOf(prices);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stateHash, "stateHash");
        recentEvents = List.copyOf(recentEvents);
    }

    /** What the loop is doing. */
    public enum State {
        /** The thread has not yet opened the first run. */
        STARTING,
        /** Waiting for commands; the active run does not move. */
        PAUSED,
        /** Stepping the active run, paced by the speed. */
        PLAYING,
        /** The active run's feeds have ended; {@link #stateHash()} holds its final hash. */
        ENDED,
        /** The active run stopped on an exception ({@link #error()}); seek back, fork, switch or stop. */
        ERROR,
        /** The loop has ended; no command is taken any more. */
        STOPPED
    }

    /**
     * An asset's price.
     *
     * @param symbol   the asset's symbol
     * @param priceUsd its price as accounts see it, USD per unit
     */
    public record AssetPrice(String symbol, double priceUsd) {
    }

    /**
     * An engine event with its indexes resolved to names.
     *
     * @param event      what happened (its indexes are the book's dense indexes)
     * @param account    id of the account of {@code event.subAccount()}, or empty
     * @param subAccount id of that sub-account within its account, or empty
     * @param market     symbol of {@code event.market()}, or empty
     */
    public record RecentEvent(SimulationEvent event, String account, String subAccount, String market) {
    }
}
