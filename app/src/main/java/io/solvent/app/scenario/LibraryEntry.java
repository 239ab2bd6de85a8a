package io.solvent.app.scenario;

import java.nio.file.Path;

/**
 * One scenario the library offers.
 *
 * @param kind        where it comes from
 * @param name        its name (the file's {@code "name"}, else the file name)
 * @param description what it is, in a sentence: for a bundled one, written for it; otherwise its book and shocks
 * @param window      the simulated time it replays, in words with units
 * @param path        its file
 * @param note        why it cannot be opened as it is (its recorded data missing, unreadable), or null when it can
 */
public record LibraryEntry(Kind kind, String name, String description, String window, Path path, String note) {

    /** Where an entry comes from. */
    public enum Kind {
        /** Shipped in the jar. */
        BUNDLED("bundled"),
        /** A file in the user's scenario folder. */
        USER("yours"),
        /** Opened lately, most recent first. */
        RECENT("recent");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the kind as the library lists it */
        public String label() {
            return label;
        }
    }

    /** @return whether it can be opened as it is */
    public boolean openable() {
        return note == null;
    }
}
