package io.solvent.engine.sim.loop;

import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView.RecentEvent;
import io.solvent.engine.sim.view.AccountPage;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.view.AppendLog;
import io.solvent.engine.sim.view.RiskPass;
import io.solvent.engine.sim.view.RiskView;
import io.solvent.engine.sim.Replay;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One replay of the loop with what its views need: its chart series and events as append-only logs (fed by the
 * replay's sink, inside its steps), the reader's requests (a page of sub-accounts, one sub-account), and the last risk
 * pass. Engine thread only.
 */
final class LoopRun implements ReplaySink {
    final String label;
    final long forkedAtMs;
    /** The label of the run it was forked from; empty for the original. */
    String parent = "";
    /** Feed events processed when it was forked; 0 for the original. */
    long forkedAtPosition;
    private final ReplaySink out;
    AppendLog<MetricsRow> series = new AppendLog<>();
    AppendLog<RecentEvent> events = new AppendLog<>();
    AppendLog<io.solvent.engine.sim.view.MarketSample> samples = new AppendLog<>();
    AppendLog<io.solvent.engine.feed.VenueLiquidationEvent> venueLiquidations = new AppendLog<>();
    /** Every live source's state change, so that a seek back can say what each was at the time. */
    AppendLog<io.solvent.engine.feed.SourceStatusEvent> statuses = new AppendLog<>();
    /** Each live source's latest state, by source; replaced (never changed) when one changes. */
    java.util.List<io.solvent.engine.feed.SourceStatusEvent> sources = java.util.List.of();
    Replay replay;
    long startMs = Long.MIN_VALUE;
    long endHintMs = Long.MIN_VALUE;
    private io.solvent.engine.scenario.Parameters shown;   // the parameters last described, and their description
    private java.util.Map<String, String> shownValues = java.util.Map.of();
    private java.util.List<String> shownChanges = java.util.List.of();
    ReplayRunner.Result result;
    String error;

    // what the reader asked for, and the risk pass
    AccountQuery query;
    int detailSub = -1;       // the sub-account shown in full, −1 for none
    final RiskPass pass;
    RiskView risk = RiskView.NONE;
    AccountPage page;
    long riskPosition = -1;   // feed position of the last pass; −1 for none (or stale after a seek back)
    boolean riskRequested;    // a request (a query) waits for a pass

    LoopRun(String label, long forkedAtMs, ReplaySink out, int riskiest) {
        this.label = label;
        this.forkedAtMs = forkedAtMs;
        this.out = Objects.requireNonNull(out, "sink for " + label);
        this.pass = new RiskPass(riskiest);
    }

    /** @return the parameters it runs under now, by key (cached while they stay the same object) */
    java.util.Map<String, String> parameterValues(io.solvent.engine.scenario.Parameters original) {
        describe(original);
        return shownValues;
    }

    /** @return each parameter that differs from the original's, {@code key: from → to} */
    java.util.List<String> parameterChanges(io.solvent.engine.scenario.Parameters original) {
        describe(original);
        return shownChanges;
    }

    private void describe(io.solvent.engine.scenario.Parameters original) {
        io.solvent.engine.scenario.Parameters now = replay.scenario().parameters();
        if (now != shown) {
            shown = now;
            shownValues = now.values();
            shownChanges = original.differences(now);
        }
    }

    boolean ended() {
        return result != null;
    }

    @Override
    public void event(SimulationEvent event, String account, String subaccount, String market) {
        events.append(new RecentEvent(event, account, subaccount, market));
        out.event(event, account, subaccount, market);
    }

    @Override
    public void metrics(MetricsRow row) {
        series.append(row);
        samples.append(io.solvent.engine.sim.RunViews.sample(replay, row.timeMs()));
        out.metrics(row);
    }

    @Override
    public void observed(io.solvent.engine.feed.FeedEvent event) {
        if (event instanceof io.solvent.engine.feed.VenueLiquidationEvent l) {
            venueLiquidations.append(l);
        } else if (event instanceof io.solvent.engine.feed.SourceStatusEvent st) {
            statuses.append(st);
            sources = latestBySource(statuses);
        }
        out.observed(event);
    }

    private static java.util.List<io.solvent.engine.feed.SourceStatusEvent> latestBySource(
            AppendLog<io.solvent.engine.feed.SourceStatusEvent> log) {
        java.util.Map<String, io.solvent.engine.feed.SourceStatusEvent> latest = new java.util.TreeMap<>();
        for (io.solvent.engine.feed.SourceStatusEvent e : log.window().all()) {
            latest.put(e.source(), e);
        }
        return java.util.List.copyOf(latest.values());
    }

    /** After a seek back to T: the logs keep what is stamped at or before T (in new logs: readers start over). */
    void truncateTo(long timeMs) {
        series = prefix(series, r -> r.timeMs() <= timeMs);
        samples = prefix(samples, r -> r.timeMs() <= timeMs);
        events = prefix(events, e -> e.event().timeMs() <= timeMs);
        venueLiquidations = prefix(venueLiquidations, e -> e.timestampMs() <= timeMs);
        statuses = prefix(statuses, e -> e.timestampMs() <= timeMs);
        sources = latestBySource(statuses);
        riskPosition = -1;
        page = null;
        risk = RiskView.NONE;
    }

    /** A fork's logs: the history it shares with the run it came from. */
    void inherit(LoopRun from) {
        series = prefix(from.series, r -> true);
        samples = prefix(from.samples, r -> true);
        events = prefix(from.events, e -> true);
        venueLiquidations = prefix(from.venueLiquidations, e -> true);
        statuses = prefix(from.statuses, e -> true);
        sources = from.sources;
    }

    private static <T> AppendLog<T> prefix(AppendLog<T> log, Predicate<T> keep) {
        AppendLog<T> out = new AppendLog<>();
        for (T item : log.window().all()) {
            if (!keep.test(item)) {
                break;
            }
            out.append(item);
        }
        return out;
    }
}
