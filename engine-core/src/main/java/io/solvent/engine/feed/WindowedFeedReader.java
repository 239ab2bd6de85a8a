package io.solvent.engine.feed;

/**
 * A time window over a time-ordered feed: the events stamped before {@code startMs} are skipped, and the feed ends at
 * the first event stamped at or after {@code endMs} (nothing beyond it is read). Over a live feed, {@link #ready()}
 * reads ahead past the skipped events that have arrived, never waiting.
 */
public final class WindowedFeedReader implements FeedReader {
    private final FeedReader in;
    private final long startMs;
    private final long endMs;
    private final boolean live;
    private boolean ended;
    private FeedEvent ahead; // read by ready(), not yet returned

    /**
     * @param in      a time-ordered feed
     * @param startMs the first instant kept, ms since the Unix epoch, UTC
     * @param endMs   the end, exclusive, ms since the Unix epoch, UTC
     */
    public WindowedFeedReader(FeedReader in, long startMs, long endMs) {
        this.in = in;
        this.startMs = startMs;
        this.endMs = endMs;
        this.live = in.live();
    }

    @Override
    public FeedEvent next() {
        if (ahead != null) {
            FeedEvent e = ahead;
            ahead = null;
            return e;
        }
        while (!ended) {
            FeedEvent e = in.next();
            if (keep(e)) {
                return e;
            }
        }
        return null;
    }

    /** @return whether e is returned; marks the end at null or past the window */
    private boolean keep(FeedEvent e) {
        if (e == null || e.timestampMs() >= endMs) {
            ended = true;
            return false;
        }
        return e.timestampMs() >= startMs;
    }

    @Override
    public boolean ready() {
        if (!live) {
            return true;
        }
        while (ahead == null && !ended) {
            if (!in.ready()) {
                return false;
            }
            FeedEvent e = in.next();
            if (keep(e)) {
                ahead = e;
            }
        }
        return true;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public void close() {
        ahead = null;
        in.close();
    }
}
