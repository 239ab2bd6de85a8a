package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The bounded hand-over from live clients (network threads) to the engine thread. Neither side ever waits:
 * {@link #offer} and {@link #poll} hold a lock only for the few operations on the queue.
 *
 * <p>When the queue is full:
 * <ul>
 *   <li>an arriving price evicts the oldest queued price of the same source and symbol (it is superseded), or
 *       else the oldest queued price of any symbol; the eviction is counted in {@link #droppedPrices()};</li>
 *   <li>an arriving liquidation or status event evicts the oldest queued price, counted the same way;</li>
 *   <li>only when the queue holds no price at all is the arriving event itself dropped: a price is counted in
 *       {@link #droppedPrices()}, anything else in {@link #droppedOthers()}. The journal still has every message,
 *       since clients record before they enqueue.</li>
 * </ul>
 * So liquidations and status changes are never dropped while a price could make room for them, and never
 * silently.
 */
public final class LiveEventQueue {
    /** The default capacity: about three hours of one 1 s mark-price stream, far more than a busy engine lags. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<FeedEvent> events = new ArrayDeque<>();
    private long droppedPrices;
    private long droppedOthers;
    private long offered;

    /** @param capacity the most events held, {@code >= 1} */
    public LiveEventQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** A queue of {@link #DEFAULT_CAPACITY}. */
    public LiveEventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Adds an event, never waiting; when full, applies the policy in the class description.
     *
     * @param event the event
     * @return whether the event itself was queued (false only when it was dropped)
     */
    public synchronized boolean offer(FeedEvent event) {
        Objects.requireNonNull(event, "event");
        offered++;
        if (events.size() < capacity) {
            events.add(event);
            return true;
        }
        if (event instanceof PriceEvent p && evictOldestPrice(p)) {
            events.add(event);
            return true;
        }
        if (evictOldestPrice(null)) {
            events.add(event);
            return true;
        }
        if (event instanceof PriceEvent) {
            droppedPrices++;
        } else {
            droppedOthers++;
        }
        return false;
    }

    /** Removes the oldest price of the same source and symbol as {@code like}, or of any when {@code like} is null. */
    private boolean evictOldestPrice(PriceEvent like) {
        for (Iterator<FeedEvent> it = events.iterator(); it.hasNext(); ) {
            if (it.next() instanceof PriceEvent q && (like == null
                    || (q.symbol().equals(like.symbol()) && q.source().equals(like.source())))) {
                it.remove();
                droppedPrices++;
                return true;
            }
        }
        return false;
    }

    /** @return the oldest event, or {@code null} when none is waiting (never waits) */
    public synchronized FeedEvent poll() {
        return events.poll();
    }

    /**
     * Hands up to {@code max} waiting events, oldest first, to {@code sink} (outside the lock), never waiting.
     *
     * @param sink receives the events
     * @param max  the most events to hand over
     * @return how many were handed over
     */
    public int drain(Consumer<? super FeedEvent> sink, int max) {
        FeedEvent[] batch;
        synchronized (this) {
            int n = Math.min(max, events.size());
            batch = new FeedEvent[n];
            for (int k = 0; k < n; k++) {
                batch[k] = events.poll();
            }
        }
        for (FeedEvent e : batch) {
            sink.accept(e);
        }
        return batch.length;
    }

    /** @return the number of events waiting */
    public synchronized int size() {
        return events.size();
    }

    /** @return the capacity */
    public int capacity() {
        return capacity;
    }

    /** @return how many events were ever offered */
    public synchronized long offered() {
        return offered;
    }

    /** @return how many price events were dropped or evicted because the queue was full */
    public synchronized long droppedPrices() {
        return droppedPrices;
    }

    /** @return how many liquidation or status events were dropped because the queue was full of them */
    public synchronized long droppedOthers() {
        return droppedOthers;
    }
}
