package io.solvent.app.workbench;

import java.util.Objects;

/**
 * A moment of the replay the operator marked, with a note.
 *
 * @param timeMs simulated time, ms since the Unix epoch, UTC
 * @param note   the operator's note (one line)
 */
public record Bookmark(long timeMs, String note) {
    public Bookmark {
        note = Objects.requireNonNullElse(note, "").replace('\n', ' ').replace('\r', ' ').strip();
    }
}
