package io.solvent.engine.feed;

/**
 * Opens a feed again and again, each time from its first event: what a replay needs of a feed that is not a file
 * named in a scenario (a live venue's stream, a journal), since a replay re-reads its feed from the start to restore
 * a snapshot (seeking back) or to fork.
 */
@FunctionalInterface
public interface FeedSource {

    /**
     * @return a new reader positioned before the feed's first event, independent of every reader opened before; to be
     *         closed (closing it releases that reader only)
     * @throws io.solvent.engine.input.InputException when the feed cannot be opened, naming it
     */
    FeedReader open();
}
