package io.solvent.engine.liquidity;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.io.InputException;
import io.solvent.engine.model.ModelValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A market's book over time: a list of {@link DepthSnapshot}s in strictly increasing time order, of which the one in
 * force at time t is the latest with {@code timestampMs <= t} (before the first snapshot, the first). Immutable, so
 * one history serves every fork of a run; a constant book (from scenario parameters) is a history of one snapshot.
 *
 * <p>Built from recorded {@link DepthEvent}s (Binance {@code bookDepth}) by {@link #read}: a snapshot is the set of
 * one symbol's events sharing a timestamp; percentage p &lt; 0 is a bid point at distance {@code −p/100}, p &gt; 0 an ask
 * point at {@code p/100}; notional_usd is the cumulative notional. Within one timestamp a repeated percentage keeps
 * the later event. A snapshot with no point on one side keeps that side from the previous snapshot (an empty book if
 * there is none). {@link #crossedSnapshots()} counts snapshots whose bands contradict each other.
 */
public final class DepthHistory {
    private final DepthSnapshot[] snapshots;
    private final long[] times;
    private final int crossed;

    private DepthHistory(List<DepthSnapshot> list) {
        this(list, 0);
    }

    private DepthHistory(List<DepthSnapshot> list, int crossed) {
        this.crossed = crossed;
        this.snapshots = list.toArray(new DepthSnapshot[0]);
        this.times = new long[snapshots.length];
        for (int i = 0; i < snapshots.length; i++) {
            times[i] = snapshots[i].timestampMs();
        }
    }

    /**
     * @param snapshot the book at all times
     * @return a history of that one book (its timestamp does not matter: it applies at every time)
     */
    public static DepthHistory constant(DepthSnapshot snapshot) {
        if (snapshot == null) {
            throw new ModelValidationException("snapshot", "expected a depth snapshot, was missing");
        }
        return new DepthHistory(List.of(snapshot));
    }

    /**
     * @param snapshots at least one, in strictly increasing time order
     * @return the history
     * @throws ModelValidationException naming {@code snapshots[i]} when out of order or missing
     */
    public static DepthHistory of(List<DepthSnapshot> snapshots) {
        if (snapshots == null || snapshots.isEmpty()) {
            throw new ModelValidationException("snapshots", "expected at least one depth snapshot");
        }
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i) == null) {
                throw new ModelValidationException("snapshots[" + i + "]", "expected a depth snapshot, was missing");
            }
            if (i > 0 && snapshots.get(i).timestampMs() <= snapshots.get(i - 1).timestampMs()) {
                throw new ModelValidationException("snapshots[" + i + "].timestampMs", "expected a time after "
                        + snapshots.get(i - 1).timestampMs() + " ms, was " + snapshots.get(i).timestampMs());
            }
        }
        return new DepthHistory(snapshots);
    }

    /**
     * Reads a symbol's depth snapshots from a feed, to its end, and closes it. Events of other symbols and other
     * types are skipped.
     *
     * @param reader      the feed, for example {@code RecordedFeedReader.open(file)} on a depth CSV
     * @param sourceName  the feed's file as the user named it, for errors
     * @param symbol      the feed symbol, such as {@code BTCUSDT}
     * @param maxDistance the backstop distance of every curve, a fraction, above the book's farthest point and
     *                    {@code < 1} ({@link DepthCurve#DEFAULT_MAX_DISTANCE})
     * @return the history
     * @throws InputException naming the source and the snapshot (time and percentage) on a percentage of 0 or beyond
     *                        maxDistance, a cumulative notional that decreases with distance, time going back, or
     *                        no snapshot of the symbol at all; and any error of the reader
     */
    public static DepthHistory read(FeedReader reader, String sourceName, String symbol, double maxDistance) {
        if (!(maxDistance > 0 && maxDistance < 1)) {
            throw new ModelValidationException("maxDistance", "expected a fraction with 0 < maxDistance < 1, was "
                    + maxDistance);
        }
        List<DepthSnapshot> out = new ArrayList<>();
        Builder b = new Builder(sourceName, maxDistance);
        try (reader) {
            for (FeedEvent e = reader.next(); e != null; e = reader.next()) {
                if (e instanceof DepthEvent d && d.symbol().equals(symbol)) {
                    b.accept(d, out);
                }
            }
            b.flush(out);
        }
        if (out.isEmpty()) {
            throw new InputException(sourceName, "", "no depth rows for symbol " + symbol, null);
        }
        return new DepthHistory(out, b.crossed);
    }

    /** Groups events sharing a timestamp into snapshots. */
    private static final class Builder {
        private final String source;
        private final double maxDistance;
        private final TreeMap<Double, Double> bids = new TreeMap<>();
        private final TreeMap<Double, Double> asks = new TreeMap<>();
        private long time = Long.MIN_VALUE;
        private int crossed;
        // average price (notional / base) of the innermost band of each side in the pending snapshot
        private double innerBidPrice = Double.NaN;
        private double innerBidDistance = Double.POSITIVE_INFINITY;
        private double innerAskPrice = Double.NaN;
        private double innerAskDistance = Double.POSITIVE_INFINITY;
        private DepthCurve lastBids;
        private DepthCurve lastAsks;

        Builder(String source, double maxDistance) {
            this.source = source;
            this.maxDistance = maxDistance;
        }

        void accept(DepthEvent e, List<DepthSnapshot> out) {
            if (e.timestampMs() != time) {
                if (e.timestampMs() < time) {
                    throw new InputException(source, place(e.timestampMs(), e.percentage()), "time goes back from "
                            + time + " ms", null);
                }
                flush(out);
                time = e.timestampMs();
            }
            double p = e.percentage();
            double x = Math.abs(p) / 100;
            if (!Double.isFinite(p) || p == 0 || x > maxDistance) {
                throw new InputException(source, place(time, p), "expected a percentage other than 0 within ±"
                        + maxDistance * 100 + " (the backstop distance)", null);
            }
            if (!Double.isFinite(e.notionalUsd()) || e.notionalUsd() < 0) {
                throw new InputException(source, place(time, p), "expected a notional >= 0 USD, was "
                        + e.notionalUsd(), null);
            }
            (p < 0 ? bids : asks).put(x, e.notionalUsd());
            double average = e.depthBase() > 0 ? e.notionalUsd() / e.depthBase() : Double.NaN;
            if (p < 0 && x <= innerBidDistance) {
                innerBidDistance = x;
                innerBidPrice = average;
            } else if (p > 0 && x <= innerAskDistance) {
                innerAskDistance = x;
                innerAskPrice = average;
            }
        }

        void flush(List<DepthSnapshot> out) {
            if (bids.isEmpty() && asks.isEmpty()) {
                return;
            }
            DepthCurve b = bids.isEmpty() ? carried(lastBids) : curve(bids, -1);
            DepthCurve a = asks.isEmpty() ? carried(lastAsks) : curve(asks, +1);
            out.add(new DepthSnapshot(time, b, a));
            lastBids = b;
            lastAsks = a;
            if (innerBidPrice > innerAskPrice) {
                crossed++;
            }
            innerBidPrice = Double.NaN;
            innerAskPrice = Double.NaN;
            innerBidDistance = Double.POSITIVE_INFINITY;
            innerAskDistance = Double.POSITIVE_INFINITY;
            bids.clear();
            asks.clear();
        }

        private DepthCurve carried(DepthCurve last) {
            return last != null ? last : DepthCurve.empty(maxDistance);
        }

        private DepthCurve curve(TreeMap<Double, Double> points, int sign) {
            double[] x = new double[points.size()];
            double[] n = new double[points.size()];
            int i = 0;
            for (Map.Entry<Double, Double> p : points.entrySet()) {
                x[i] = p.getKey();
                n[i] = p.getValue();
                if (i > 0 && n[i] < n[i - 1]) {
                    throw new InputException(source, place(time, sign * x[i] * 100), "cumulative notional "
                            + n[i] + " USD is below the " + n[i - 1] + " USD within " + sign * x[i - 1] * 100
                            + "%: expected depth that grows with the distance", null);
                }
                i++;
            }
            return DepthCurve.of(x, n, maxDistance);
        }

        private static String place(long t, double percentage) {
            return "snapshot at " + t + " ms (" + Instant.ofEpochMilli(t) + "), percentage " + percentage;
        }
    }

    /**
     * A data-quality figure of recorded depth: how many snapshots look <i>crossed</i>, their innermost bid band's
     * average price (notional / base quantity) above their innermost ask band's. In a real book every bid is below
     * every ask, so such snapshots' near-mid bid (or ask) figures are suspect. The model uses them as recorded; a
     * scenario may warn. 0 for histories not read from events, or whose events carry no base quantity.
     *
     * @return the number of crossed snapshots
     */
    public int crossedSnapshots() {
        return crossed;
    }

    /** @return the number of snapshots, {@code >= 1} */
    public int size() {
        return snapshots.length;
    }

    /** @param i 0 .. size() − 1 @return snapshot i, in time order */
    public DepthSnapshot get(int i) {
        return snapshots[i];
    }

    /**
     * @param tMs ms since the Unix epoch, UTC
     * @return the index of the snapshot in force at t: the latest with {@code timestampMs <= t}, or 0 before the
     * first (binary search, no allocation)
     */
    public int indexAt(long tMs) {
        int lo = 0;
        int hi = times.length - 1;
        if (tMs < times[0]) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= tMs) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @param tMs ms since the Unix epoch, UTC @return the snapshot in force at t (see {@link #indexAt}) */
    public DepthSnapshot at(long tMs) {
        return snapshots[indexAt(tMs)];
    }

    /**
     * @param i   a starting guess, 0 .. size() − 1 (the index last in force)
     * @param tMs ms since the Unix epoch, UTC
     * @return {@link #indexAt(long) indexAt(tMs)}, found by stepping forward from i when t has moved on by a few
     * snapshots (the usual case in a replay), by binary search otherwise
     */
    int indexFrom(int i, long tMs) {
        if (i < 0 || i >= times.length || times[i] > tMs) {
            return indexAt(tMs);
        }
        for (int steps = 0; steps < 8; steps++) {
            if (i + 1 >= times.length || times[i + 1] > tMs) {
                return i;
            }
            i++;
        }
        return indexAt(tMs);
    }
}
