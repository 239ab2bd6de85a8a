package io.solvent.engine.analytics;

import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;

import java.util.TreeMap;

/**
 * A replay's events per minute (UTC), as a venue reports its day: liquidations (fills, notional, how much of it
 * closed longs), deleveraging (fills, notional at the ADL price, how much of it closed shorts) and bankruptcies. A
 * liquidation is a {@code liquidation} row (a fill in the book or a hand-over) or a {@code collateral_sale}; its side
 * is the sign of the size closed. Metrics rows are ignored. Deterministic; not thread-safe.
 */
public final class MinuteTally implements ReplaySink {

    /**
     * One minute's figures.
     *
     * @param liquidations          liquidation fills
     * @param liquidatedUsd         their notional, USD
     * @param liquidatedLongUsd     the part of it that closed long positions, USD
     * @param deleveragings         ADL fills
     * @param deleveragedUsd        their notional at the ADL price, USD
     * @param deleveragedShortUsd   the part of it that closed short positions, USD
     * @param bankruptcies          sub-accounts that went bankrupt
     */
    public record Minute(long liquidations, double liquidatedUsd, double liquidatedLongUsd, long deleveragings,
                         double deleveragedUsd, double deleveragedShortUsd, long bankruptcies) {
        static final Minute ZERO = new Minute(0, 0, 0, 0, 0, 0, 0);
    }

    private final TreeMap<Long, long[]> counts = new TreeMap<>();
    private final TreeMap<Long, double[]> sums = new TreeMap<>();

    @Override
    public void event(SimulationEvent e, String account, String subaccount, String market) {
        long minute = Math.floorDiv(e.timeMs(), 60_000L) * 60_000L;
        long[] c = counts.computeIfAbsent(minute, k -> new long[3]);
        double[] s = sums.computeIfAbsent(minute, k -> new double[4]);
        switch (e.kind()) {
            case LIQUIDATION, COLLATERAL_SALE -> {
                double notional = e.kind() == SimulationEvent.Kind.LIQUIDATION ? e.amountUsd()
                        : Math.abs(e.size()) * e.priceUsd();
                c[0]++;
                s[0] += notional;
                if (e.size() > 0) {
                    s[1] += notional;
                }
            }
            case DELEVERAGING -> {
                double notional = Math.abs(e.size()) * e.priceUsd();
                c[1]++;
                s[2] += notional;
                if (e.size() < 0) {
                    s[3] += notional;
                }
            }
            case BANKRUPTCY -> c[2]++;
            default -> {
            }
        }
    }

    @Override
    public void metrics(MetricsRow row) {
    }

    /** @param minuteMs the minute's start, ms since the Unix epoch, UTC @return its figures (zeros when none) */
    public Minute minute(long minuteMs) {
        long[] c = counts.get(minuteMs);
        if (c == null) {
            return Minute.ZERO;
        }
        double[] s = sums.get(minuteMs);
        return new Minute(c[0], s[0], s[1], c[1], s[2], s[3], c[2]);
    }

    /**
     * @param fromMs start, inclusive, ms since the Unix epoch, UTC
     * @param toMs   end, exclusive
     * @return the figures of the minutes starting in [from, to), summed
     */
    public Minute total(long fromMs, long toMs) {
        long l = 0;
        double lu = 0;
        double ll = 0;
        long d = 0;
        double du = 0;
        double ds = 0;
        long b = 0;
        for (long m : counts.subMap(fromMs, toMs).keySet()) {
            Minute x = minute(m);
            l += x.liquidations();
            lu += x.liquidatedUsd();
            ll += x.liquidatedLongUsd();
            d += x.deleveragings();
            du += x.deleveragedUsd();
            ds += x.deleveragedShortUsd();
            b += x.bankruptcies();
        }
        return new Minute(l, lu, ll, d, du, ds, b);
    }

    /** @return the starts of the minutes with any event, ms since the Unix epoch, UTC, in order */
    public java.util.List<Long> minutes() {
        return java.util.List.copyOf(counts.keySet());
    }

    /** @return the figures of every minute */
    public Minute total() {
        return total(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
