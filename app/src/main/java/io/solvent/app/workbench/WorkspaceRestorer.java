package io.solvent.app.workbench;

import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Does a workspace's forks and changes again, in order, on a fresh engine of the same scenario, then moves the runs to
 * where they stood, paused: the engine being deterministic, the runs are the same bit for bit (a fork made mid-millisecond, by
 * stepping single events, is made again at the end of its millisecond). The workbench takes each action as done.
 */
public final class WorkspaceRestorer {
    private WorkspaceRestorer() {
    }

    /**
     * @param w      the workspace
     * @param bench  the workbench of the new engine (its scenario's parameters are the base of every override)
     * @param engine sends a command, completed with the view that answers it
     * @param toMs   where to move the active run at the end, ms since the Unix epoch, UTC; {@link Long#MAX_VALUE} for
     *               its end; {@link Long#MIN_VALUE} for where the workspace says
     * @return completed with the last view, or exceptionally with the first command refused
     */
    public static CompletableFuture<EngineView> restore(Workspace w, Workbench bench,
                                                        Function<EngineCommand, CompletableFuture<EngineView>> engine,
                                                        long toMs) {
        Parameters base = bench.original();
        // paused first: a playing run would move between a seek and the fork that follows it
        CompletableFuture<EngineView> f = engine.apply(new EngineCommand.Pause());
        for (RunAction a : w.actions()) {
            switch (a) {
                case RunAction.Fork k -> f = f
                        .thenCompose(v -> engine.apply(new EngineCommand.SwitchTo(k.parent())))
                        .thenCompose(v -> engine.apply(new EngineCommand.Seek(k.atMs())))
                        .thenCompose(v -> engine.apply(new EngineCommand.Fork(k.label(), base.with(k.overrides()))))
                        .thenApply(v -> {
                            bench.replayed(k);
                            return v;
                        });
                case RunAction.Change c -> f = f
                        .thenCompose(v -> engine.apply(new EngineCommand.SwitchTo(c.run())))
                        .thenCompose(v -> engine.apply(new EngineCommand.Seek(c.atMs())))
                        .thenCompose(v -> engine.apply(new EngineCommand.ChangeParameters(base.with(c.overrides()))))
                        .thenApply(v -> {
                            bench.replayed(c);
                            return v;
                        });
            }
        }
        for (Bookmark b : w.bookmarks()) {
            bench.addBookmark(b);
        }
        long target = toMs != Long.MIN_VALUE ? toMs : w.ended() ? Long.MAX_VALUE : w.timeMs();
        f = f.thenCompose(v -> engine.apply(new EngineCommand.SwitchTo(w.active())));
        if (target != Long.MIN_VALUE) {
            f = f.thenCompose(v -> engine.apply(new EngineCommand.Seek(target)));
        }
        return f;
    }

    /**
     * @param name     the workspace's name
     * @param scenario the scenario file, or empty for the embedded default
     * @param bench    the workbench
     * @param view     the newest engine view
     * @param shown    the view shown
     * @param filters  the accounts table's filter and columns
     * @return the workspace as it stands
     */
    public static Workspace capture(String name, String scenario, Workbench bench, EngineView view, String shown,
                                    java.util.Map<String, String> filters) {
        return new Workspace(Workspace.FORMAT, name, scenario, bench.actions(), view.activeLabel(), view.timeMs(),
                view.state() == EngineView.State.ENDED, bench.bookmarks(), shown, filters);
    }
}
