package io.solvent.engine.feed;

/**
 * A time window over a time-ordered feed: the events stamped before {@code startMs} are skipped, and the feed ends at
 * the first event stamped at or after {@code endMs} (nothing beyond it is read).
 */
public final class WindowedFeedReader implements FeedReader {
    private final FeedReader in;
    private final long startMs;
    private final long endMs;
    private boolean ended;

    /**
     * @param in      a time-ordered feed
     * @param startMs the first instant kept, ms since the Unix epoch, UTC
     * @param endMs   the end, exclusive, ms since the Unix epoch, UTC
     */
    public WindowedFeedReader(FeedReader in, long startMs, long endMs) {
        this.in = in;
        this.startMs = startMs;
        this.endMs = endMs;
    }

    @Override
    public FeedEvent next() {
        while (!ended) {
            FeedEvent e = in.next();
            if (e == null || e.timestampMs() >= endMs) {
                ended = true;
                return null;
            }
            if (e.timestampMs() >= startMs) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        in.close();
    }
}
