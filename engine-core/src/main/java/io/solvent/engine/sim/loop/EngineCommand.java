package io.solvent.engine.sim.loop;

import io.solvent.engine.scenario.Scenario;

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
     * Moves the active run to simulated time T ({@code ReplayRunner.Replay#seek}): every feed event stamped at or
     * before T processed, the next one after T. Playing or paused stays as it was.
     *
     * @param timeMs T, ms since the Unix epoch, UTC; not before the run's start ({@link EngineView#startMs()})
     */
    record Seek(long timeMs) implements EngineCommand {
    }

    /**
     * Forks the active run at its current moment under another version of the scenario (other parameters, the same
     * book, feeds, symbols and shocks) and makes the fork the active run; the run it came from stays where it is and
     * can be resumed with {@link SwitchTo}.
     *
     * @param scenario the fork's scenario
     * @param label    the fork's name, unique among the loop's runs, not blank
     */
    record Fork(Scenario scenario, String label) implements EngineCommand {
    }

    /**
     * Makes another run the active one; it continues from where it was left.
     *
     * @param label the run's label ({@link EngineLoop#ORIGINAL} for the first run)
     */
    record SwitchTo(String label) implements EngineCommand {
    }

    /** Ends the loop: every run's feeds are closed and the thread ends after publishing a last view. */
    record Stop() implements EngineCommand {
    }
}
