package io.solvent.engine.feed;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts events, in the order they arrived from a live source, into the order the engine takes them: it drops what a
 * venue re-sent or sent late, then stamps what steps back in time at the time of the event before it
 * ({@link NonDecreasingFeedReader#notBefore}). The live stream and the replay of its journal
 * ({@link NonDecreasingFeedReader}) both go through it, so both give the engine the same events.
 *
 * <p>Dropped, per source and symbol:
 * <ul>
 *   <li>a <b>superseded</b> price: stamped before the last price kept from the same source and symbol (an
 *       out-of-order message). Kept, it would be restamped to a later time and move the price back to an older
 *       value;</li>
 *   <li>a <b>duplicate</b> price: the same time, price and confidence as the last one kept (a message delivered
 *       twice); a price at the same time with another value is kept (Pyth's {@code publish_time} is in seconds,
 *       and several updates can share one);</li>
 *   <li>a duplicate venue liquidation: equal in every field to the last one kept of the same source and symbol.</li>
 * </ul>
 * Status events are never dropped. One thread at a time.
 */
public final class ArrivalOrder {
    private final Map<String, Map<String, PriceEvent>> lastPrice = new HashMap<>();
    private final Map<String, Map<String, VenueLiquidationEvent>> lastLiquidation = new HashMap<>();
    private long lastMs = Long.MIN_VALUE;
    private long superseded;
    private long duplicates;

    /**
     * @param e the next event in arrival order
     * @return the event to hand to the engine (restamped when it steps back in time), or {@code null} when it is
     *         dropped
     */
    public FeedEvent admit(FeedEvent e) {
        switch (e) {
            case PriceEvent p -> {
                Map<String, PriceEvent> bySymbol = lastPrice.computeIfAbsent(p.source(), k -> new HashMap<>());
                PriceEvent last = bySymbol.get(p.symbol());
                if (last != null) {
                    if (p.timestampMs() < last.timestampMs()) {
                        superseded++;
                        return null;
                    }
                    if (p.timestampMs() == last.timestampMs() && Double.compare(p.price(), last.price()) == 0
                            && Double.compare(p.confidence(), last.confidence()) == 0) {
                        duplicates++;
                        return null;
                    }
                }
                bySymbol.put(p.symbol(), p);
            }
            case VenueLiquidationEvent l -> {
                Map<String, VenueLiquidationEvent> bySymbol = lastLiquidation.computeIfAbsent(l.source(),
                        k -> new HashMap<>());
                if (l.equals(bySymbol.get(l.symbol()))) {
                    duplicates++;
                    return null;
                }
                bySymbol.put(l.symbol(), l);
            }
            default -> {
            }
        }
        FeedEvent kept = NonDecreasingFeedReader.notBefore(e, lastMs);
        lastMs = kept.timestampMs();
        return kept;
    }

    /** @return prices dropped because they were stamped before the last one of their source and symbol */
    public long superseded() {
        return superseded;
    }

    /** @return prices and venue liquidations dropped as repeats of the last one of their source and symbol */
    public long duplicates() {
        return duplicates;
    }
}
