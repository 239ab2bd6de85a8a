package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;

import java.util.concurrent.locks.LockSupport;

/**
 * A reader of a {@link LiveStream} from its first event: a cursor on the stream's log, so that several readers (a run
 * and its forks, a replay restoring a snapshot) read the same events independently. It is {@link #live() live}: with
 * nothing yet it is not {@link #ready()}, and {@link #next()} then waits (polling every few milliseconds) until an
 * event arrives or the stream ends. Closing it ends this reader only, not the stream. One thread at a time.
 */
public final class LiveFeedReader implements FeedReader {
    /** How long {@link #next()} sleeps between two looks at the stream while it waits, ns. */
    private static final long POLL_NANOS = 2_000_000L;

    private final LiveStream stream;
    private int index;
    private boolean closed;

    LiveFeedReader(LiveStream stream) {
        this.stream = stream;
    }

    @Override
    public FeedEvent next() {
        while (!closed) {
            FeedEvent e = stream.at(index);
            if (LiveStream.isEnd(e)) {
                return null;
            }
            if (e != null) {
                index++;
                return e;
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for an event of " + stream.name());
            }
        }
        return null;
    }

    /** @return whether {@link #next()} returns at once: an event has arrived, or the stream has ended, or this closed */
    @Override
    public boolean ready() {
        return closed || stream.at(index) != null;
    }

    /** @return true: events arrive as the venue sends them */
    @Override
    public boolean live() {
        return true;
    }

    /** @return how many events this reader has returned */
    public long position() {
        return index;
    }

    /** Ends this reader (further calls to {@link #next()} return {@code null}); the stream goes on. */
    @Override
    public void close() {
        closed = true;
    }
}
