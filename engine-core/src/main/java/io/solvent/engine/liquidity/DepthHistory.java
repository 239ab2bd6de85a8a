package io.solvent.engine.liquidity;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.input.InputException;
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
    /**
     * How far (a fraction) a band's average price may lie outside the range its distance allows around the
     * snapshot's estimated mid before the band is dropped as impossible ({@link #droppedBands()}).
     */
    public static final double BAND_TOLERANCE = 0.005;

    private final DepthSnapshot[] snapshots;
    private final long[] times;
    private final int crossed;
    private final int dropped;

    private DepthHistory(List<DepthSnapshot> list) {
        this(list, 0, 0);
    }

    private DepthHistory(List<DepthSnapshot> list, int crossed, int dropped) {
        this.crossed = crossed;
        this.dropped = dropped;
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
        return read(reader, sourceName, symbol, maxDistance, 1.0);
    }

    /**
     * As {@link #read(FeedReader, String, String, double)}, every notional multiplied by {@code scale}: another
     * market's book modelled on a recorded one (its shape kept, its size scaled).
     *
     * @param reader      the feed
     * @param sourceName  the feed's file as the user named it, for errors
     * @param symbol      the feed symbol
     * @param maxDistance the backstop distance of every curve
     * @param scale       the factor on every notional, finite and {@code > 0}
     * @return the history
     */
    public static DepthHistory read(FeedReader reader, String sourceName, String symbol, double maxDistance,
                                    double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new ModelValidationException("scale", "expected a finite factor > 0, was " + scale);
        }
        if (!(maxDistance > 0 && maxDistance < 1)) {
            throw new ModelValidationException("maxDistance", "expected a fraction with 0 < maxDistance < 1, was "
                    + maxDistance);
        }
        List<DepthSnapshot> out = new ArrayList<>();
        Builder b = new Builder(sourceName, maxDistance, scale);
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
        return new DepthHistory(out, b.crossed, b.dropped);
    }

    /** Groups events sharing a timestamp into snapshots. */
    private static final class Builder {
        private final String source;
        private final double maxDistance;
        private final double scale;
        // distance -> {cumulative notional USD, cumulative base quantity}
        private final TreeMap<Double, double[]> bids = new TreeMap<>();
        private final TreeMap<Double, double[]> asks = new TreeMap<>();
        private long time = Long.MIN_VALUE;
        private int crossed;
        private int dropped;
        private DepthCurve lastBids;
        private DepthCurve lastAsks;

        Builder(String source, double maxDistance, double scale) {
            this.source = source;
            this.maxDistance = maxDistance;
            this.scale = scale;
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
            (p < 0 ? bids : asks).put(x, new double[]{e.notionalUsd(), e.depthBase()});
        }

        void flush(List<DepthSnapshot> out) {
            if (bids.isEmpty() && asks.isEmpty()) {
                return;
            }
            checkGrowing(bids, -1);
            checkGrowing(asks, +1);
            if (innerAverage(bids) > innerAverage(asks)) {
                crossed++;
            }
            dropImpossibleBands();
            DepthCurve b = bids.isEmpty() ? carried(lastBids) : curve(bids);
            DepthCurve a = asks.isEmpty() ? carried(lastAsks) : curve(asks);
            out.add(new DepthSnapshot(time, b, a));
            lastBids = b;
            lastAsks = a;
            bids.clear();
            asks.clear();
        }

        /** @return the average price (notional / base) of the innermost band, NaN without a base quantity */
        private static double innerAverage(TreeMap<Double, double[]> side) {
            if (side.isEmpty()) {
                return Double.NaN;
            }
            double[] v = side.firstEntry().getValue();
            return v[1] > 0 ? v[0] / v[1] : Double.NaN;
        }

        /**
         * Drops the bands whose average price is impossible for their distance: the cumulative band at distance x of
         * the bids holds orders within {@code [M·(1 − x), M]} of the mid M, so its average price lies there, and an ask
         * band's within {@code [M, M·(1 + x)]} ({@value #BAND_TOLERANCE} of slack either way). The mid is estimated as
         * the median over the snapshot's bands of the mid each implies ({@code average / (1 ∓ x/2)}), so a minority of
         * bad bands cannot move it. Needs at least three bands with a base quantity; otherwise nothing is dropped.
         */
        private void dropImpossibleBands() {
            double[] mids = new double[bids.size() + asks.size()];
            int n = 0;
            for (Map.Entry<Double, double[]> e : bids.entrySet()) {
                double[] v = e.getValue();
                if (v[1] > 0) {
                    mids[n++] = v[0] / v[1] / (1 - e.getKey() / 2);
                }
            }
            for (Map.Entry<Double, double[]> e : asks.entrySet()) {
                double[] v = e.getValue();
                if (v[1] > 0) {
                    mids[n++] = v[0] / v[1] / (1 + e.getKey() / 2);
                }
            }
            if (n < 3) {
                return;
            }
            double[] sorted = java.util.Arrays.copyOf(mids, n);
            java.util.Arrays.sort(sorted);
            double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            dropped += drop(bids, mid, -1);
            dropped += drop(asks, mid, +1);
        }

        private static int drop(TreeMap<Double, double[]> side, double mid, int sign) {
            int n = 0;
            var it = side.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Double, double[]> e = it.next();
                double[] v = e.getValue();
                if (!(v[1] > 0)) {
                    continue;
                }
                double average = v[0] / v[1];
                double near = mid;
                double far = mid * (1 + sign * e.getKey());
                double lo = Math.min(near, far) * (1 - BAND_TOLERANCE);
                double hi = Math.max(near, far) * (1 + BAND_TOLERANCE);
                if (average < lo || average > hi) {
                    it.remove();
                    n++;
                }
            }
            return n;
        }

        private DepthCurve carried(DepthCurve last) {
            return last != null ? last : DepthCurve.empty(maxDistance);
        }

        private void checkGrowing(TreeMap<Double, double[]> points, int sign) {
            double previous = -1;
            double previousX = 0;
            for (Map.Entry<Double, double[]> p : points.entrySet()) {
                double n = p.getValue()[0];
                if (n < previous) {
                    throw new InputException(source, place(time, sign * p.getKey() * 100), "cumulative notional "
                            + n + " USD is below the " + previous + " USD within " + sign * previousX * 100
                            + "%: expected depth that grows with the distance", null);
                }
                previous = n;
                previousX = p.getKey();
            }
        }

        private DepthCurve curve(TreeMap<Double, double[]> points) {
            double[] x = new double[points.size()];
            double[] n = new double[points.size()];
            int i = 0;
            for (Map.Entry<Double, double[]> p : points.entrySet()) {
                x[i] = p.getKey();
                n[i] = p.getValue()[0] * scale;
                if (i > 0 && n[i] < n[i - 1]) {
                    n[i] = n[i - 1]; // scaling rounding only: the recorded notionals were checked to grow
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

    /**
     * A data-quality figure of recorded depth: how many bands (one percentage of one snapshot) were dropped because
     * their average price is impossible for their distance from the snapshot's mid (the rule and its tolerance are in
     * the builder's {@code dropImpossibleBands}); the curve of that side goes through the bands that remain. 0 for
     * histories not read from events, or whose events carry no base quantity.
     *
     * @return the number of bands dropped
     */
    public int droppedBands() {
        return dropped;
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
