package io.solvent.engine.feed;

/**
 * A stream of feed events in non-decreasing time order, pulled one at a time so that a file of any size replays in
 * bounded memory. Readers of files fail with an {@link io.solvent.engine.input.InputException} naming the file and
 * line.
 *
 * <p>A <em>live</em> reader ({@link #live()}) delivers events as they arrive from outside: it may have nothing yet
 * without having ended. Its {@link #next()} then waits; a consumer that must not wait (the engine thread) asks
 * {@link #ready()} first. Readers of files and generators are never live and always ready.
 */
public interface FeedReader extends AutoCloseable {

    /**
     * @return the next event, or {@code null} when the stream has ended; a live reader with nothing yet waits until an
     *         event arrives or the stream ends (ask {@link #ready()} first not to wait)
     * @throws io.solvent.engine.input.InputException on bad input, naming the source and the place
     */
    FeedEvent next();

    /**
     * Whether {@link #next()} would return at once: an event is available, or the stream has ended (next() then
     * returns {@code null}). Never waits. May read ahead (and so raise what {@link #next()} would raise).
     *
     * @return true unless the reader is live and has nothing yet; always true for a reader that is not live
     */
    default boolean ready() {
        return true;
    }

    /**
     * @return whether events arrive from outside as time passes (a live venue), so that {@link #ready()} may be false
     *         and {@link #next()} may wait; false for files and generators
     */
    default boolean live() {
        return false;
    }

    /** Releases the underlying file or connection; further calls to {@link #next()} return {@code null}. */
    @Override
    void close();
}
