package io.solvent.engine.sim.loop;

import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunViews;
import io.solvent.engine.sim.loop.EngineView.State;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AppendLog;
import io.solvent.engine.sim.view.Clock;
import io.solvent.engine.sim.view.RiskPass;
import io.solvent.engine.sim.view.RiskView;
import io.solvent.engine.sim.view.VenueFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles the {@link EngineView} the loop publishes, on the engine thread: the cheap parts exact at every
 * publication (O(assets + runs)), the whole-book risk pass when the budget allows — at most {@code share} of the
 * engine thread's wall time while playing (after a pass that took C, the next waits {@code C·(1/share − 1)}), and at
 * once when the operator waits for it (a command's answer, a new query, a paused run that moved).
 */
final class ViewAssembler {
    private final Pacer pacer;
    private final double share;
    private final Parameters original;
    private long passEndNanos;
    private long passNanos;
    private boolean passed;
    private long passes;

    /**
     * @param pacer    the wall clock
     * @param share    the risk pass's share of the engine thread's time while playing
     * @param original the original run's parameters, which every run's are described against
     */
    ViewAssembler(Pacer pacer, double share, Parameters original) {
        this.pacer = pacer;
        this.share = share;
        this.original = original;
    }

    /** @return the placeholder before the thread has opened the first run */
    EngineView starting() {
        return empty(0, State.STARTING, "", "", 0);
    }

    /** @return the last view, stopped, saying why */
    EngineView stopped(EngineView v, String why) {
        return new EngineView(v.sequence() + 1, State.STOPPED, why, "", v.speed(), v.activeLabel(), v.labels(),
                v.clock(), v.figures(), v.assets(), v.series(), v.events(), v.samples(), v.venueLiquidations(),
                v.sources(), v.risk(), v.accounts(), v.account(),
                v.runs(), v.parameters(), v.stateHash(), null, null);
    }

    private static EngineView empty(long sequence, State state, String error, String notice, double speed) {
        return new EngineView(sequence, state, error, notice, speed, "", List.of(), Clock.NONE, VenueFigures.NONE,
                List.of(), AppendLog.Window.empty(), AppendLog.Window.empty(), AppendLog.Window.empty(),
                AppendLog.Window.empty(), List.of(), RiskView.NONE, null, null, List.of(),
                Map.of(), "", null, null);
    }

    /**
     * @param sequence    the publication's number
     * @param state       what the loop is doing
     * @param startError  why the scenario could not be opened, or null
     * @param notice      a rejected command's message, or empty
     * @param speed       the last accepted speed
     * @param active      the active run, or null
     * @param runs        every run, in creation order
     * @param interactive whether an operator waits on this view (a command's answer, or not playing): the risk pass
     *                    runs at once if the run moved since the last
     * @return the view
     */
    EngineView view(long sequence, State state, String startError, String notice, double speed, LoopRun active,
                    Map<String, LoopRun> runs, boolean interactive,
                    io.solvent.engine.sim.view.ParameterPreview preview,
                    io.solvent.engine.sim.SimulationEvent.Kind seeking) {
        if (active == null) {
            return empty(sequence, state, startError == null ? "" : startError, notice, speed);
        }
        LoopRun r = active;
        long position = r.replay.position();
        Clock clock = new Clock(r.startMs, r.replay.timeMs(), r.endHintMs, position, r.replay.ticks());
        VenueFigures figures = figures(r);
        if (r.riskPosition != position || r.riskRequested) {
            boolean due = r.riskRequested || interactive || !passed
                    || pacer.nanoTime() - passEndNanos >= (long) (passNanos * (1 / share - 1));
            if (due) {
                long started = pacer.nanoTime();
                RiskPass.Result pass = RunViews.risk(r.replay, r.pass, r.query);
                passEndNanos = pacer.nanoTime();
                passNanos = passEndNanos - started;
                passed = true;
                r.risk = pass.risk().measured(passNanos, ++passes);
                r.page = pass.page();
                r.riskPosition = position;
                r.riskRequested = false;
            }
        }
        AccountDetail detail = r.detailSub < 0 ? null : RunViews.detail(r.replay, r.detailSub);
        List<RunFigures> all = new ArrayList<>(runs.size());
        for (LoopRun x : runs.values()) {
            all.add(new RunFigures(x.label, x.parent, x.forkedAtMs, x.forkedAtPosition,
                    x.parameterChanges(original), x.ended(), x.error == null ? "" : x.error,
                    x == r ? figures : figures(x), x.series.window(), x.events.window(),
                    x.ended() ? x.result.stateHash() : ""));
        }
        return new EngineView(sequence, state, r.error == null ? "" : r.error, notice, speed, r.label,
                List.copyOf(runs.keySet()), clock, figures, RunViews.assets(r.replay), r.series.window(),
                r.events.window(), r.samples.window(), r.venueLiquidations.window(), r.sources, r.risk, r.query == null ? null : r.page, detail, all, r.parameterValues(original),
                r.ended() ? r.result.stateHash() : "", preview, seeking);
    }

    /** A run's figures where it stands: at its end, those of its last metrics row (the oracles' last delivery). */
    private static VenueFigures figures(LoopRun r) {
        if (r.ended() && r.series.size() > 0) {
            ReplaySink.MetricsRow last = r.series.window().last(1).getFirst();
            return new VenueFigures(r.replay.position(), last, r.result.summary());
        }
        return RunViews.figures(r.replay);
    }
}
