package io.solvent.app.scenario;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.ScenarioDocument;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.ScenarioWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a scenario file only once the scenario reader has read it whole: a file the console cannot open is never left. */
final class CheckedScenarioFile {
    private CheckedScenarioFile() {
    }

    /**
     * @param doc    the scenario's text
     * @param target the file to write; its folder is created
     * @return the target
     * @throws InputException       when the scenario written cannot be read (the target is untouched), naming the
     *                              place and what was expected
     * @throws UncheckedIOException when it cannot be written
     */
    static Path write(ScenarioDocument doc, Path target) {
        try {
            AtomicFiles.replace(target, tmp -> {
                ScenarioWriter.write(doc, tmp);
                ScenarioReader.read(tmp);
            }, AtomicFiles.Option.CREATE_PARENTS);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
        return target;
    }
}
