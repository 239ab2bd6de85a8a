package io.solvent.engine.sim.view;

/**
 * Where one run of the loop stands — the active one or any other — for comparing runs side by side.
 *
 * @param label      the run's label
 * @param forkedAtMs the moment it was forked at, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} for the original
 * @param parameters the parameters it runs under now, by key, that differ from the original's ({@code key: value});
 *                   empty for the original unless changed
 * @param ended      whether its feeds have ended
 * @param error      why it stopped, or empty
 * @param figures    its figures where it stands
 */
public record RunFigures(String label, long forkedAtMs, java.util.List<String> parameters, boolean ended, String error,
                         VenueFigures figures) {
    public RunFigures {
        parameters = java.util.List.copyOf(parameters);
    }
}
