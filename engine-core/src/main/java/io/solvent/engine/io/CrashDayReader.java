package io.solvent.engine.io;

import io.solvent.engine.bench.CrashDay;
import io.solvent.engine.input.InputException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the recorded day a benchmark replays, or says why it cannot be replayed here. */
public final class CrashDayReader {
    private CrashDayReader() {
    }

    /**
     * The day, or why not.
     *
     * @param day    the day, or null
     * @param absent why the day cannot be replayed here (the file or the recorded data it reads is missing or bad), or
     *               null
     */
    public record Opened(CrashDay day, String absent) {
        /** @return whether the day can be replayed */
        public boolean present() {
            return day != null;
        }
    }

    /**
     * @param scenarioFile the 2025-10-10 scenario
     * @return the day, or why it cannot be replayed here
     */
    public static Opened open(Path scenarioFile) {
        if (!Files.isRegularFile(scenarioFile)) {
            return new Opened(null, "no scenario at " + scenarioFile);
        }
        try {
            return new Opened(CrashDay.of(ScenarioReader.read(scenarioFile)), null);
        } catch (InputException e) {
            return new Opened(null, e.getMessage());
        }
    }
}
