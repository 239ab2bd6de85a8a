package io.solvent.engine.sim.loop;

import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.view.AppendLog;
import io.solvent.engine.sim.view.VenueFigures;

import java.util.List;
import java.util.Objects;

/**
 * Where one run of the loop stands — the active one or any other — for comparing runs side by side.
 *
 * @param label      the run's label
 * @param parent     the label of the run it was forked from; empty for the original
 * @param forkedAtMs the moment it was forked at, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} for the original
 * @param forkedAtPosition feed events processed when it was forked (0 for the original)
 * @param parameters the parameters it runs under now, by key, that differ from the original's ({@code key: value});
 *                   empty for the original unless changed
 * @param ended      whether its feeds have ended
 * @param error      why it stopped, or empty
 * @param figures    its figures where it stands
 * @param series     its metrics rows so far (one per simulated second with events), the shared history included
 * @param events     its events so far, the shared history included
 * @param stateHash  with {@code ended}: its final state hash; empty otherwise
 */
public record RunFigures(String label, String parent, long forkedAtMs, long forkedAtPosition, List<String> parameters,
                         boolean ended, String error, VenueFigures figures,
                         AppendLog.Window<ReplaySink.MetricsRow> series,
                         AppendLog.Window<EngineView.RecentEvent> events, String stateHash) {
    public RunFigures {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(parent, "parent");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(stateHash, "stateHash");
    }
}
