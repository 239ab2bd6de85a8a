package io.solvent.engine.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several time-ordered readers into one time-ordered stream. Events with equal timestamps come in the order
 * of the readers given, then in each reader's own order, so a merge is deterministic. Holds one pending event per
 * reader: memory does not grow with the length of the inputs.
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
    private long sequence;

    /** @param readers the inputs, each in non-decreasing time order; closed with this reader */
    public MergedFeedReader(List<? extends FeedReader> readers) {
        this.readers = new ArrayList<>(readers);
        for (int i = 0; i < this.readers.size(); i++) {
            advance(i);
        }
    }

    private void advance(int reader) {
        FeedEvent e = readers.get(reader).next();
        if (e != null) {
            heads.add(new Head(e, reader, sequence++));
        }
    }

    @Override
    public FeedEvent next() {
        Head h = heads.poll();
        if (h == null) {
            return null;
        }
        advance(h.reader);
        return h.event;
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
        if (first != null) {
            throw first;
        }
    }
}
