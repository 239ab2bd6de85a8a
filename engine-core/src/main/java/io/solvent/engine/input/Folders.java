package io.solvent.engine.input;

import java.nio.file.Files;
import java.nio.file.Path;

/** Says why a folder a file is to be written in is not there, in the words an error message needs. */
public final class Folders {
    private Folders() {
    }

    /**
     * @param dir a folder that is not a directory
     * @return {@code "X is a file, not a folder"} when it or a folder above it is a file, else
     *         {@code "the folder X does not exist"}
     */
    public static String whyNotAFolder(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? "the folder " + dir + " does not exist" : p + " is a file, not a folder";
            }
        }
        return "the folder " + dir + " does not exist";
    }
}
