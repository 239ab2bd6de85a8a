package io.solvent.engine.sim.loop;

import io.solvent.engine.scenario.Parameters;

/**
 * What an operator (or the console) asks of the {@link EngineLoop}. Commands are plain data: they are checked on the
 * engine thread when their turn comes, and one with bad arguments is rejected ({@link CommandRejectedException}, and
 * the message in {@link EngineView#notice()}) without stopping the loop.
 */
public sealed interface EngineCommand {

    /**
     * Plays the active run.
     *
     * @param speed simulated ms per wall ms ({@code 1.0}: real time, {@code 60.0}: a minute per second), or
     *              {@link Double#POSITIVE_INFINITY} for as fast as the engine goes; must be {@code > 0}
     */
    record Play(double speed) implements EngineCommand {
        /** As fast as the engine goes. */
        public static final Play FASTEST = new Play(Double.POSITIVE_INFINITY);
    }

    /** Stops stepping; the thread then waits on the command queue. */
    record Pause() implements EngineCommand {
    }

    /** Pauses and processes exactly one feed event of the active run. */
    record StepOnce() implements EngineCommand {
    }

    /**
     * Moves the active run to simulated time T ({@code Replay#seek}): every feed event stamped at or
     * before T processed, the next one after T. Playing or paused stays as it was.
     *
     * @param timeMs T, ms since the Unix epoch, UTC; not before the run's start ({@link EngineView#startMs()})
     */
    record Seek(long timeMs) implements EngineCommand {
    }

    /**
     * Forks the active run at its current moment under other parameters ({@code Replay#fork}: the same
     * book, feeds, depth and shocks, the state carried over) and makes the fork the active run; the run it came from
     * stays where it is and can be resumed with {@link SwitchTo}.
     *
     * @param label      the fork's name, unique among the loop's runs, not blank
     * @param parameters the fork's parameters (the active run's with some changed: {@code Parameters#with})
     */
    record Fork(String label, Parameters parameters) implements EngineCommand {
    }

    /**
     * Changes the active run's parameters from its current moment on ({@code Replay#change}), recorded
     * as a {@code parameter_change} event listing each changed key; seeking back to before it restores the parameters
     * of the time. Parameters equal to the run's change nothing and record nothing.
     *
     * @param parameters the new parameters (the active run's with some changed: {@code Parameters#with})
     */
    record ChangeParameters(Parameters parameters) implements EngineCommand {
    }

    /**
     * Makes another run the active one; it continues from where it was left.
     *
     * @param label the run's label ({@link EngineLoop#ORIGINAL} for the first run)
     */
    record SwitchTo(String label) implements EngineCommand {
    }

    /**
     * Asks for a page of the active run's sub-accounts, sorted and filtered on the engine thread; every later view
     * carries it ({@link EngineView#accounts()}), refreshed with the risk pass, until another query or {@code null}.
     *
     * @param query the page, or null for none
     */
    record QueryAccounts(io.solvent.engine.sim.view.AccountQuery query) implements EngineCommand {
    }

    /**
     * Asks for one sub-account of the active run in full; every later view carries it, exact at its position
     * ({@link EngineView#account()}), until another or {@code null}.
     *
     * @param account    the account's id, or null for none
     * @param subAccount the sub-account's id within it
     */
    record ShowAccount(String account, String subAccount) implements EngineCommand {
    }

    /**
     * Moves the active run to the next or the previous event of a kind. Backward, it seeks to the latest such event
     * stamped before the run's time ({@link Seek}); none is rejected. Forward, it plays as fast as possible until
     * such an event happens, then finishes that millisecond (every feed event stamped at or before the event's time
     * processed, as a {@link Seek} to it would) and pauses; the run's end first pauses there, with nothing found.
     * Any transport command meanwhile (play, pause, step, seek, fork, change, switch) ends the search.
     *
     * @param kind    the event's kind, such as {@code LIQUIDATION} or {@code BANKRUPTCY}
     * @param forward true for the next, false for the previous
     */
    record SeekEvent(io.solvent.engine.sim.SimulationEvent.Kind kind, boolean forward) implements EngineCommand {
    }

    /**
     * Removes a forked run from the loop (an undone fork): its replay is closed and its label freed. A run that is
     * the parent of another, or the original, cannot be discarded. When it is the active run, the run it was forked
     * from becomes active, paused.
     *
     * @param label the fork's label
     */
    record Discard(String label) implements EngineCommand {
    }

    /**
     * Previews parameters on the active run without applying them: the view that answers carries
     * {@link EngineView#preview()} (sub-accounts newly at risk or liquidatable, the maintenance requirement's change).
     *
     * @param parameters the parameters to preview
     */
    record Preview(Parameters parameters) implements EngineCommand {
    }

    /** Ends the loop: every run's feeds are closed and the thread ends after publishing a last view. */
    record Stop() implements EngineCommand {
    }
}
