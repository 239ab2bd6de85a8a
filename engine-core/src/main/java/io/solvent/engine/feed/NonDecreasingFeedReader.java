package io.solvent.engine.feed;

import java.util.Objects;

/**
 * Puts a feed whose timestamps may step back a little into non-decreasing time order without reordering it: an event
 * stamped before the one delivered before it is delivered stamped at that one's time (everything else unchanged); a
 * price stamped before the last one of its source and symbol, or repeating it, is dropped ({@link ArrivalOrder}).
 *
 * <p>A live session needs it: a venue stamps its prices and liquidations with its own clock (Binance event or trade
 * time, Pyth publish time) and the client stamps connection changes with the receiving machine's, so across symbols
 * and sources the times of the messages, in the order they arrived, step back by up to the network delay. The live
 * stream ({@code feed.live.LiveStream}) applies {@link #notBefore} as events arrive, and a journal of the session is
 * replayed through this reader, so that both give the engine the same events.
 */
public final class NonDecreasingFeedReader implements FeedReader {
    private final FeedReader in;
    private final ArrivalOrder order = new ArrivalOrder();

    /** @param in a feed in arrival order; closed with this reader */
    public NonDecreasingFeedReader(FeedReader in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public FeedEvent next() {
        for (FeedEvent e = in.next(); e != null; e = in.next()) {
            FeedEvent kept = order.admit(e);
            if (kept != null) {
                return kept;
            }
        }
        return null;
    }

    @Override
    public boolean ready() {
        return in.ready();
    }

    @Override
    public boolean live() {
        return in.live();
    }

    @Override
    public void close() {
        in.close();
    }

    /**
     * @param e        an event
     * @param atLeastMs the earliest time it may carry, ms since the Unix epoch, UTC ({@link Long#MIN_VALUE}: any)
     * @return {@code e} itself when stamped at or after {@code atLeastMs}, else a copy of it stamped at
     *         {@code atLeastMs}
     */
    public static FeedEvent notBefore(FeedEvent e, long atLeastMs) {
        long t = e.timestampMs();
        if (t >= atLeastMs) {
            return e;
        }
        return switch (e) {
            case PriceEvent p -> new PriceEvent(atLeastMs, p.symbol(), p.price(), p.confidence(), p.source());
            case DepthEvent d -> new DepthEvent(atLeastMs, d.symbol(), d.percentage(), d.depthBase(), d.notionalUsd(),
                    d.source());
            case VenueLiquidationEvent l -> new VenueLiquidationEvent(atLeastMs, l.symbol(), l.side(), l.price(),
                    l.quantity(), l.source());
            case SourceStatusEvent s -> new SourceStatusEvent(atLeastMs, s.symbol(), s.source(), s.status(),
                    s.reason());
        };
    }
}
