package io.solvent.engine.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several time-ordered readers into one time-ordered stream. Events with equal timestamps come in the order
 * of the readers given, then in each reader's own order, so a merge is deterministic. Holds one pending event per
 * reader: memory does not grow with the length of the inputs.
 *
 * <p>A live reader among the inputs ({@link FeedReader#live()}) is read only when it is {@link FeedReader#ready()
 * ready}: until it has an event (or has ended) the merge cannot tell which event comes next, so the merge is not ready
 * either, and its {@link #next()} waits for that reader. Readers that are not live are read as before.
 */
public final class MergedFeedReader implements FeedReader {
    private record Head(FeedEvent event, int reader, long sequence) {
    }

    private final List<FeedReader> readers;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.event.timestampMs(), b.event.timestampMs());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.reader, b.reader);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    });
    private final boolean[] waiting; // a live reader not read yet: it had nothing when its turn came
    private int waitingCount;
    private final boolean live;
    private long sequence;

    /** @param readers the inputs, each in non-decreasing time order; closed with this reader */
    public MergedFeedReader(List<? extends FeedReader> readers) {
        this.readers = new ArrayList<>(readers);
        this.waiting = new boolean[this.readers.size()];
        boolean anyLive = false;
        for (FeedReader r : this.readers) {
            anyLive |= r.live();
        }
        this.live = anyLive;
        for (int i = 0; i < this.readers.size(); i++) {
            advance(i);
        }
    }

    /** Reads the reader's next event into the heads, unless it is live and has nothing yet (it then waits). */
    private void advance(int reader) {
        FeedReader r = readers.get(reader);
        if (live && !r.ready()) {
            waiting[reader] = true;
            waitingCount++;
            return;
        }
        take(reader);
    }

    /** Reads the reader's next event (waiting when it is live and has none) into the heads. */
    private void take(int reader) {
        FeedEvent e = readers.get(reader).next();
        if (e != null) {
            heads.add(new Head(e, reader, sequence++));
        }
    }

    @Override
    public FeedEvent next() {
        if (waitingCount > 0) {
            for (int i = 0; i < waiting.length; i++) {
                if (waiting[i]) {
                    waiting[i] = false;
                    waitingCount--;
                    take(i);
                }
            }
        }
        Head h = heads.poll();
        if (h == null) {
            return null;
        }
        advance(h.reader);
        return h.event;
    }

    @Override
    public boolean ready() {
        if (waitingCount == 0) {
            return true;
        }
        for (int i = 0; i < waiting.length; i++) {
            if (waiting[i]) {
                if (!readers.get(i).ready()) {
                    return false;
                }
                waiting[i] = false;
                waitingCount--;
                take(i);
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
        RuntimeException first = null;
        for (FeedReader r : readers) {
            try {
                r.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        heads.clear();
        java.util.Arrays.fill(waiting, false);
        waitingCount = 0;
        if (first != null) {
            throw first;
        }
    }
}
