package io.solvent.engine.sim.loop;

import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.sim.view.MarketSample;

import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AccountPage;
import io.solvent.engine.sim.view.AppendLog;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.Clock;
import io.solvent.engine.sim.view.RiskView;
import io.solvent.engine.sim.view.VenueFigures;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link EngineLoop} publishes for readers (the console): one tree of immutable records, made on the engine
 * thread, that every screen reads — the loop's state, the active run's clock and exact venue figures, every asset with
 * its freshness, the run's chart series and events (windows on append-only logs: a reader that skips views still gets
 * every point and event since the last it read), the riskiest sub-accounts, distributions and ladders (a whole-book
 * pass as often as a budget of the engine thread allows, stamped with the time it is exact at), the page of
 * sub-accounts and the one sub-account asked for, and where every run stands. Readers never touch engine state; they
 * take the newest view with {@link EngineLoop#latest()}.
 *
 * @param sequence    number of this publication: 0 for the placeholder before the thread has started the first run,
 *                    then +1 per publication
 * @param state       what the loop is doing
 * @param error       with {@link State#ERROR}: why the active run stopped (one line, e.g. an {@code InputException}'s
 *                    message naming file and line); empty otherwise
 * @param notice      the message of the command rejected just before this publication; empty when the command was
 *                    carried out (or when the publication is not a command's answer)
 * @param speed       the speed of the last accepted {@link EngineCommand.Play}, simulated ms per wall ms
 *                    ({@link Double#POSITIVE_INFINITY}: as fast as possible); 0 before any
 * @param activeLabel label of the run shown and stepped ({@link EngineLoop#ORIGINAL} for the first)
 * @param labels      every run's label, in creation order
 * @param clock       where the active run stands in simulated time
 * @param figures     the active run's venue-wide figures, exact at its position (at the end, at the oracles' last
 *                    delivery)
 * @param assets      every asset: price, oracle and feed prices, half-spread, freshness, pause, margin multiplier
 * @param series      the active run's metrics rows so far (one per simulated second with events)
 * @param events      the active run's events so far, names resolved
 * @param samples     the active run's market so far, one sample per metrics row (feed and oracle prices, the funds'
 *                    flows)
 * @param venueLiquidations the venue's own liquidations the active run's feeds carried so far (Binance
 *                    {@code forceOrder}, live or journaled)
 * @param sources     each live source's latest connection state, by source name; empty for recorded feeds
 * @param risk        the riskiest sub-accounts, distributions and ladders, as of {@link RiskView#asOfMs()}
 * @param accounts    the page of sub-accounts asked for ({@link EngineCommand.QueryAccounts}), or null
 * @param account     the sub-account asked for ({@link EngineCommand.ShowAccount}), exact now, or null
 * @param runs        where every run stands, in creation order
 * @param parameters  the active run's parameters by key ({@code Parameters#values()}): what a parameter sheet shows
 * @param stateHash   with {@link State#ENDED}: the run's final state hash (that of {@code ReplayRunner.run}); empty
 *                    otherwise
 * @param preview     in the view that answers {@link EngineCommand.Preview}: what the parameters would change now;
 *                    null in every other view
 * @param seeking     the kind of event a forward {@link EngineCommand.SeekEvent} is playing towards, or null
 */
public record EngineView(long sequence, State state, String error, String notice, double speed, String activeLabel,
                         List<String> labels, Clock clock, VenueFigures figures, List<AssetView> assets,
                         AppendLog.Window<ReplaySink.MetricsRow> series, AppendLog.Window<RecentEvent> events,
                         AppendLog.Window<MarketSample> samples,
                         AppendLog.Window<VenueLiquidationEvent> venueLiquidations, List<SourceStatusEvent> sources,
                         RiskView risk, AccountPage accounts, AccountDetail account, List<RunFigures> runs,
                         Map<String, String> parameters, String stateHash,
                         io.solvent.engine.sim.view.ParameterPreview preview,
                         io.solvent.engine.sim.SimulationEvent.Kind seeking) {

    public EngineView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(activeLabel, "activeLabel");
        labels = List.copyOf(labels);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(figures, "figures");
        assets = List.copyOf(assets);
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(venueLiquidations, "venueLiquidations");
        sources = List.copyOf(sources);
        Objects.requireNonNull(risk, "risk");
        runs = List.copyOf(runs);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        Objects.requireNonNull(stateHash, "stateHash");
    }

    /** How many events {@link #recentEvents()} returns. */
    public static final int RECENT_EVENTS = 200;

    /** @return the earliest time the active run can seek to ({@link Clock#startMs()}) */
    public long startMs() {
        return clock.startMs();
    }

    /** @return simulated time of the last feed event processed ({@link Clock#timeMs()}) */
    public long timeMs() {
        return clock.timeMs();
    }

    /** @return feed events processed by the active run */
    public long position() {
        return clock.position();
    }

    /** @return price events processed by the active run */
    public long ticks() {
        return clock.ticks();
    }

    /** @return every asset's price as accounts see it, in book order */
    public List<AssetPrice> prices() {
        return assets.stream().map(a -> new AssetPrice(a.symbol(), a.priceUsd())).toList();
    }

    /** @return insurance funds' total balance, USD */
    public double fundUsd() {
        return figures.fundUsd();
    }

    /** @return sub-accounts with a maintenance health factor below 1.1 */
    public int atRisk() {
        return figures.atRisk();
    }

    /** @return sub-accounts liquidatable now */
    public int liquidatable() {
        return figures.liquidatable();
    }

    /** @return Σ notional of all open positions, USD */
    public double openInterestUsd() {
        return figures.openInterestUsd();
    }

    /** @return simulated time the figures are from */
    public long figuresAtMs() {
        return figures.asOfMs();
    }

    /** @return the active run's figures so far */
    public RunSummary summary() {
        return figures.summary();
    }

    /** @return the active run's latest events, oldest first, at most {@value #RECENT_EVENTS} */
    public List<RecentEvent> recentEvents() {
        return events.last(RECENT_EVENTS);
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
