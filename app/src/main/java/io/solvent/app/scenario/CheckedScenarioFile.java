package io.solvent.app.scenario;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioDocument;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.ScenarioWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                ScenarioWriter.write(doc, tmp);
                ScenarioReader.read(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
        return target;
    }
}
