package io.solvent.app.cli;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output folder an option names before anything runs: a file in its place is bad input, said in one line. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param spec   the command (for the error)
     * @param option the option's name, such as {@code --out}
     * @param dir    the folder (created later when missing)
     * @throws CommandLine.ParameterException when it, or a folder above it, is a file, or it cannot be written
     */
    static void check(CommandLine.Model.CommandSpec spec, String option, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + dir + ": "
                        + (p.equals(abs) ? "is a file" : p + " is a file") + "; expected a folder (made when missing)");
            }
            if (Files.isDirectory(p)) {
                if (!Files.isWritable(p)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + " " + dir + ": " + p
                            + " cannot be written (permissions); choose a folder you can write");
                }
                return; // the first folder that exists: the rest is made under it
            }
        }
    }
}
