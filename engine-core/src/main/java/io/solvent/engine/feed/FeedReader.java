package io.solvent.engine.feed;

/**
 * A stream of feed events in non-decreasing time order, pulled one at a time so that a file of any size replays in
 * bounded memory. Readers of files fail with an {@link io.solvent.engine.input.InputException} naming the file and
 * line.
 */
public interface FeedReader extends AutoCloseable {

    /**
     * @return the next event, or {@code null} when the stream has ended
     * @throws io.solvent.engine.input.InputException on bad input, naming the source and the place
     */
    FeedEvent next();

    /** Releases the underlying file or connection; further calls to {@link #next()} return {@code null}. */
    @Override
    void close();
}
