package io.solvent.engine.feed.live;

import io.solvent.engine.feed.ArrivalOrder;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedSource;
import io.solvent.engine.feed.NonDecreasingFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A live session's events as a feed that can be read from its start any number of times: every event a client hands
 * over through its {@link LiveEventQueue} is moved, in arrival order, to the end of an append-only log, and each
 * {@link #open() reader} is a cursor on that log. A replay re-reads its feed from the start to restore a snapshot
 * (seeking back) or to fork, so a live run seeks and forks like a recorded one; and the log holds exactly what the
 * client recorded to its journal, in the same order, so a journal of the session replays to the same events (as
 * long as the queue dropped nothing: {@link #dropped()}).
 *
 * <p>A price sent late (stamped before the last one of its source and symbol) or twice is dropped, and so is a venue
 * liquidation sent twice ({@link ArrivalOrder}): the engine never moves a price back to an older value or takes one
 * message twice. Events are kept in non-decreasing time order ({@link NonDecreasingFeedReader#notBefore}): the
 * venue's clock stamps prices and liquidations, the receiving machine's clock the connection changes, and an event
 * stamped before the one before it is kept at that one's time; a journal replayed through a
 * {@link NonDecreasingFeedReader} gives the same events at the same times. Symbols and source names are shared between events, so that the log costs about 60 bytes per event (a
 * day of ten 1 s mark prices with their index prices, about 1.7 million events, some 100 MB).
 *
 * <p>Someone must {@link #pull()} the queue often enough that it never fills ({@link LiveEventQueue#DEFAULT_CAPACITY}
 * events): readers pull whenever they are asked for an event, and a live session pulls on a timer of its own.
 * {@link #end()} ends the stream: readers get what it holds, then {@code null}. Thread-safe.
 */
public final class LiveStream implements FeedSource {
    /** What {@link #at} answers past the last event of an ended stream (compared by identity). */
    private static final FeedEvent END = SourceStatusEvent.of(Long.MIN_VALUE, "", SourceStatusEvent.Status.DISCONNECTED,
            "end of the stream");

    private final String name;
    private final LiveEventQueue queue;
    // guarded by this
    private final ArrayList<FeedEvent> events = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();
    private final ArrivalOrder order = new ArrivalOrder();
    private boolean ended;

    /**
     * @param name  what the stream is called in messages, such as {@code binance-futures live}
     * @param queue where the clients hand their events over; this stream is its only consumer
     */
    public LiveStream(String name, LiveEventQueue queue) {
        this.name = Objects.requireNonNull(name, "name");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** @return the stream's name */
    public String name() {
        return name;
    }

    /**
     * Moves every event waiting in the queue to the end of the stream, never waiting; nothing once the stream has
     * ended.
     *
     * @return how many events the stream holds
     */
    public synchronized int pull() {
        if (!ended) {
            queue.drain(this::append, Integer.MAX_VALUE);
        }
        return events.size();
    }

    private void append(FeedEvent e) {
        FeedEvent kept = order.admit(e);
        if (kept != null) {
            events.add(shared(kept));
        }
    }

    /** @return prices dropped because they came after a newer one of their source and symbol ({@link ArrivalOrder}) */
    public synchronized long superseded() {
        return order.superseded();
    }

    /** @return prices and venue liquidations dropped as repeats of the one before ({@link ArrivalOrder}) */
    public synchronized long duplicates() {
        return order.duplicates();
    }

    /** @return the event with its symbol and source the instances other events hold (a copy when they differ) */
    private FeedEvent shared(FeedEvent e) {
        String symbol = intern(e.symbol());
        String source = intern(e.source());
        if (symbol == e.symbol() && source == e.source()) {
            return e;
        }
        return switch (e) {
            case PriceEvent p -> new PriceEvent(p.timestampMs(), symbol, p.price(), p.confidence(), source);
            case VenueLiquidationEvent l -> new VenueLiquidationEvent(l.timestampMs(), symbol, l.side(), l.price(),
                    l.quantity(), source);
            case SourceStatusEvent s -> new SourceStatusEvent(s.timestampMs(), symbol, source, s.status(), s.reason());
            default -> e;
        };
    }

    private String intern(String s) {
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /**
     * Ends the stream: what the queue holds now is its last part (a client closed before emits its final status
     * first); readers return {@code null} past it. Idempotent.
     */
    public synchronized void end() {
        pull();
        ended = true;
    }

    /** @return whether {@link #end()} was called */
    public synchronized boolean ended() {
        return ended;
    }

    /** @return how many events the stream holds now (without pulling) */
    public synchronized int size() {
        return events.size();
    }

    /**
     * @return how many events the queue dropped because it was full (they are in the journal, not in the stream: a
     *         replay of the journal then differs from the live run); 0 when the stream was pulled often enough
     */
    public long dropped() {
        return queue.droppedPrices() + queue.droppedOthers();
    }

    /**
     * @param from the first index, {@code >= 0}
     * @param to   the end, exclusive, {@code <= size()}
     * @return a copy of those events, in stream order
     */
    public synchronized List<FeedEvent> events(int from, int to) {
        return List.copyOf(events.subList(from, to));
    }

    /** @return a new reader at the stream's first event */
    @Override
    public LiveFeedReader open() {
        return new LiveFeedReader(this);
    }

    /**
     * @param index a reader's position
     * @return the event there (pulling the queue first when the reader has caught up), {@link #END} past the end of
     *         an ended stream, or null when none has arrived yet
     */
    synchronized FeedEvent at(int index) {
        if (index >= events.size()) {
            pull();
        }
        if (index < events.size()) {
            return events.get(index);
        }
        return ended ? END : null;
    }

    static boolean isEnd(FeedEvent e) {
        return e == END;
    }
}
