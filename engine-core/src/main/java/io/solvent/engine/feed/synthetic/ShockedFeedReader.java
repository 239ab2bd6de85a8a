package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;

import java.util.List;

/**
 * Lays {@link Shock}s on top of any feed. For each event of a shocked symbol at time t: if a shock
 * {@link Shock#silences silences} t the event is dropped; otherwise a {@link PriceEvent}'s price and confidence are
 * multiplied by the product of the shocks' {@link Shock#multiplier multipliers} at t (in the order given). Events
 * of other symbols, and depth and venue-liquidation events outside a silence, pass through unchanged (the same
 * instance). Time order is preserved. Over a live feed, {@link #ready()} reads ahead past the silenced events that
 * have arrived, never waiting.
 */
public final class ShockedFeedReader implements FeedReader {
    private final FeedReader base;
    private final Shock[] shocks;
    private final boolean live;
    private FeedEvent ahead; // read by ready(), not yet returned
    private boolean ended;

    /**
     * @param base   the path to shock; closed with this reader
     * @param shocks the shocks, applied in this order
     */
    public ShockedFeedReader(FeedReader base, List<? extends Shock> shocks) {
        this.base = FieldChecks.present("base", base);
        this.shocks = FieldChecks.present("shocks", shocks).toArray(new Shock[0]);
        this.live = base.live();
    }

    @Override
    public FeedEvent next() {
        if (ahead != null) {
            FeedEvent e = ahead;
            ahead = null;
            return e;
        }
        FeedEvent e;
        while ((e = base.next()) != null) {
            FeedEvent out = shocked(e);
            if (out != null) {
                return out;
            }
        }
        ended = true;
        return null;
    }

    @Override
    public boolean ready() {
        if (!live) {
            return true;
        }
        while (ahead == null && !ended) {
            if (!base.ready()) {
                return false;
            }
            FeedEvent e = base.next();
            if (e == null) {
                ended = true;
            } else {
                ahead = shocked(e);
            }
        }
        return true;
    }

    @Override
    public boolean live() {
        return live;
    }

    /** @return the event with the shocks applied, or null when a shock silences it */
    private FeedEvent shocked(FeedEvent e) {
        long t = e.timestampMs();
        String symbol = e.symbol();
        double m = 1.0;
        boolean silent = false;
        for (Shock s : shocks) {
            if (s.symbol().equals(symbol)) {
                if (s.silences(t)) {
                    silent = true;
                    break;
                }
                m *= s.multiplier(t);
            }
        }
        if (silent) {
            return null;
        }
        if (m != 1.0 && e instanceof PriceEvent p) {
            return new PriceEvent(t, symbol, p.price() * m, p.confidence() * m, p.source());
        }
        return e;
    }

    @Override
    public void close() {
        ahead = null;
        base.close();
    }
}
