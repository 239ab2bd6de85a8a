package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

import java.util.Arrays;

/**
 * One side of a market's book as a cumulative depth curve: {@code N(x)}, the notional (USD) resting within a relative
 * distance {@code x} of the reference price (0.01 = 1%), like Binance's {@code bookDepth} at ±1..5%. Immutable.
 *
 * <p><b>Shape.</b> The curve starts at the origin, {@code N(0) = 0}, and joins the points {@code (x_i, N_i)},
 * i = 1..n, by straight lines ({@code x_i} strictly increasing, {@code N_i} non-decreasing). Beyond the last point it
 * continues as a straight line at the book's <i>mean density</i> {@code D = N_n / x_n} (USD per unit of distance: the
 * slope of the chord from the origin to the last point), until the distance {@link #maxDistance()}, where liquidity
 * is unlimited (a backstop: no fill is ever further than that from the reference price). The part of a trade beyond
 * {@link #capacityUsd()} is "beyond the book": its price comes from that extrapolation, not from recorded liquidity.
 * A curve with no notional at all ({@code N_n = 0}, or no points) fills everything at {@code maxDistance}.
 *
 * <p><b>Marginal distance</b> of a trade of notional q: {@code x(q) = min{x : N(x) ≥ q}} (the left-continuous
 * inverse of N; 0 for q = 0), where the last unit of the trade fills. On a segment {@code N_{k−1} < q ≤ N_k}:
 * <pre>  x(q) = x_{k−1} + (q − N_{k−1}) · (x_k − x_{k−1}) / (N_k − N_{k−1})</pre>
 * beyond the book ({@code q > N_n}): {@code x(q) = min(maxDistance, x_n + (q − N_n) / D)} ({@code maxDistance} when
 * D = 0).
 *
 * <p><b>Slippage</b> of a trade of notional q is the average distance of its fills: {@code s(q) = (1/q)·∫_0^q x(u) du}
 * (0 for q = 0), computed exactly: x(u) is linear in u on every segment, so each segment contributes
 * {@code (u_b − u_a)·(x(u_a) + x(u_b))/2}, and the capped part {@code (q − u_cap)·maxDistance}. As the average of a
 * non-decreasing function, s is non-decreasing in q and {@code 0 ≤ s(q) ≤ x(q) ≤ maxDistance < 1}. The evaluation
 * is arranged so that s stays non-decreasing under floating-point rounding too (see {@code slippageOnSegment}).
 *
 * <p><b>Depth multiplier.</b> A book whose depth is scaled by m > 0 ({@code m·N(x)}) has {@code x_m(q) = x(q/m)} and
 * {@code s_m(q) = s(q/m)}: the methods taking a multiplier evaluate that without building a new curve.
 *
 * <p>Evaluation walks the points (O(n), n is small: 5 per side for Binance) and allocates nothing.
 */
public final class DepthCurve {
    /** A backstop distance that suits liquid markets: no fill further than 50% from the reference price. */
    public static final double DEFAULT_MAX_DISTANCE = 0.5;

    private final double[] distance;   // x_0 = 0, x_1 .. x_n: the points, with the origin
    private final double[] notional;   // N_0 = 0, N_1 .. N_n
    private final double maxDistance;
    private final double density;      // D = N_n / x_n, USD per unit of distance; 0 for an empty book
    // Segments k = 1 .. K: the points' segments, then (when D > 0) the extrapolated one, ending where x reaches
    // maxDistance. Index k describes the end point of segment k; index 0 is the origin.
    private final int segments;        // K
    private final double[] segX;       // x at the end of segment k
    private final double[] segN;       // cumulative notional at the end of segment k
    private final double[] slope;      // dx/dN on segment k (0 for flat segments, never evaluated)
    private final double[] deficit;    // A_k = N_k·x_k − ∫_0^{N_k} x(u) du, >= 0
    private final double[] floor;      // s(N_k), as slippage() returns it
    private final double tailDeficit;  // N_K·maxDistance − ∫_0^{N_K} x(u) du: beyond N_K every unit fills at the cap

    private DepthCurve(double[] x, double[] n, double maxDistance) {
        this.distance = x;
        this.notional = n;
        this.maxDistance = maxDistance;
        int last = x.length - 1;
        this.density = last == 0 || n[last] == 0 ? 0 : n[last] / x[last];
        this.segments = density == 0 ? last : last + 1;
        this.segX = new double[segments + 1];
        this.segN = new double[segments + 1];
        System.arraycopy(x, 0, segX, 0, last + 1);
        System.arraycopy(n, 0, segN, 0, last + 1);
        if (density > 0) {
            segX[segments] = maxDistance;
            segN[segments] = n[last] + (maxDistance - x[last]) * density;
        }
        this.slope = new double[segments + 1];
        this.deficit = new double[segments + 1];
        this.floor = new double[segments + 1];
        double integral = 0;
        for (int k = 1; k <= segments; k++) {
            double dn = segN[k] - segN[k - 1];
            slope[k] = dn > 0 ? (segX[k] - segX[k - 1]) / dn : 0;
            integral += dn * (segX[k - 1] + segX[k]) * 0.5;
            deficit[k] = Math.max(0, segN[k] * segX[k] - integral);
            floor[k] = dn > 0 ? slippageOnSegment(k, segN[k]) : floor[k - 1];
        }
        this.tailDeficit = Math.max(0, segN[segments] * maxDistance - integral);
    }

    /**
     * @param distances    distances from the reference price of the points, fractions (0.01 = 1%), strictly
     *                     increasing, {@code > 0}, at most {@code maxDistance}
     * @param notionalsUsd cumulative notional within each distance, USD, finite, {@code >= 0}, non-decreasing
     * @param maxDistance  the backstop distance, a fraction, {@code 0 < maxDistance < 1}
     * @return the curve through the origin and these points
     * @throws ModelValidationException naming the offending field ({@code distances[2]}, {@code notionalsUsd[1]},
     *                                  {@code maxDistance})
     */
    public static DepthCurve of(double[] distances, double[] notionalsUsd, double maxDistance) {
        if (distances == null) {
            throw new ModelValidationException("distances", "expected a list of distances, was missing");
        }
        if (notionalsUsd == null) {
            throw new ModelValidationException("notionalsUsd", "expected a list of notionals, was missing");
        }
        if (distances.length != notionalsUsd.length) {
            throw new ModelValidationException("notionalsUsd", "expected one notional per distance ("
                    + distances.length + "), found " + notionalsUsd.length);
        }
        if (!(maxDistance > 0 && maxDistance < 1)) {
            throw new ModelValidationException("maxDistance", "expected a fraction with 0 < maxDistance < 1, was "
                    + maxDistance);
        }
        int n = distances.length;
        double[] x = new double[n + 1];
        double[] q = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double d = distances[i];
            if (!Double.isFinite(d) || !(d > x[i])) {
                throw new ModelValidationException("distances[" + i + "]", i == 0
                        ? "expected a finite fraction > 0, was " + d
                        : "expected a finite fraction above distances[" + (i - 1) + "] = " + x[i] + ", was " + d);
            }
            if (d > maxDistance) {
                throw new ModelValidationException("distances[" + i + "]", "expected at most maxDistance = "
                        + maxDistance + ", was " + d);
            }
            double v = notionalsUsd[i];
            if (!Double.isFinite(v) || !(v >= q[i])) {
                throw new ModelValidationException("notionalsUsd[" + i + "]", i == 0
                        ? "expected a finite notional >= 0 USD, was " + v
                        : "expected a finite cumulative notional >= notionalsUsd[" + (i - 1) + "] = " + q[i]
                        + " USD, was " + v);
            }
            x[i + 1] = d;
            q[i + 1] = v;
        }
        return new DepthCurve(x, q, maxDistance);
    }

    /**
     * @param notionalPerPercentUsd depth per 1% of distance, USD, finite, {@code >= 0}
     * @param maxDistance           the backstop distance, a fraction, {@code 0.01 <= maxDistance < 1}
     * @return the linear book {@code N(x) = notionalPerPercentUsd · x / 0.01} (one point at 1%, extended at the same
     * slope by the mean-density rule)
     * @throws ModelValidationException naming {@code notionalPerPercentUsd} or {@code maxDistance}
     */
    public static DepthCurve linear(double notionalPerPercentUsd, double maxDistance) {
        if (!Double.isFinite(notionalPerPercentUsd) || !(notionalPerPercentUsd >= 0)) {
            throw new ModelValidationException("notionalPerPercentUsd", "expected a finite notional >= 0 USD, was "
                    + notionalPerPercentUsd);
        }
        if (!(maxDistance >= 0.01 && maxDistance < 1)) {
            throw new ModelValidationException("maxDistance", "expected a fraction with 0.01 <= maxDistance < 1,"
                    + " was " + maxDistance);
        }
        return of(new double[]{0.01}, new double[]{notionalPerPercentUsd}, maxDistance);
    }

    /**
     * @param maxDistance the backstop distance, a fraction, {@code 0 < maxDistance < 1}
     * @return a book with no liquidity: every fill at {@code maxDistance}
     */
    public static DepthCurve empty(double maxDistance) {
        return of(new double[0], new double[0], maxDistance);
    }

    /** @return how many points the curve has (the origin not counted) */
    public int points() {
        return distance.length - 1;
    }

    /** @param i 0 .. points() − 1 @return the distance of point i, a fraction */
    public double distance(int i) {
        return distance[i + 1];
    }

    /** @param i 0 .. points() − 1 @return the cumulative notional of point i, USD */
    public double notionalUsd(int i) {
        return notional[i + 1];
    }

    /** @return the backstop distance: no fill is further from the reference price, a fraction */
    public double maxDistance() {
        return maxDistance;
    }

    /** @return the notional of the book's points: trades above it go beyond the book, USD (0 for no points) */
    public double capacityUsd() {
        return notional[notional.length - 1];
    }

    /** @return the distance of the last point, a fraction (0 for no points) */
    public double lastDistance() {
        return distance[distance.length - 1];
    }

    /** @return the mean density {@code D = N_n / x_n} that extends the book beyond its last point, USD per unit of
     * distance (USD per 1% is this × 0.01); 0 for an empty book */
    public double extrapolationDensity() {
        return density;
    }

    /**
     * @param notionalUsd q, the trade's notional, USD, {@code >= 0}
     * @return the marginal distance {@code x(q)}: where the last unit of the trade fills, a fraction in
     * [0, maxDistance]
     * @throws IllegalArgumentException if q is negative, infinite or NaN
     */
    public double marginalDistance(double notionalUsd) {
        return marginalAt(checkNotional(notionalUsd));
    }

    private double marginalAt(double q) {
        if (q == 0) {
            return 0;
        }
        for (int k = 1; k <= segments; k++) {
            if (segN[k] >= q) {
                return Math.min(segX[k - 1] + (q - segN[k - 1]) * slope[k], segX[k]);
            }
        }
        return maxDistance; // beyond the last segment (also q = +∞)
    }

    /**
     * @param notionalUsd q, the trade's notional, USD, {@code >= 0}
     * @return the slippage {@code s(q)}: the average distance of the trade's fills from the reference price, a
     * fraction in [0, maxDistance]; 0 for q = 0
     * @throws IllegalArgumentException if q is negative, infinite or NaN
     */
    public double slippage(double notionalUsd) {
        return slippageAt(checkNotional(notionalUsd));
    }

    /**
     * s(q) for q >= 0, q possibly infinite (a finite trade on a vanishing book): the limit maxDistance. Evaluated in
     * a form whose every term is monotone in q under rounding, and floored by the value at the segment's start, so
     * that s is non-decreasing in q in floating point too, not only in exact arithmetic.
     */
    private double slippageAt(double q) {
        if (q == 0) {
            return 0;
        }
        for (int k = 1; k <= segments; k++) {
            if (segN[k] >= q) {
                return slippageOnSegment(k, q);
            }
        }
        if (q == Double.POSITIVE_INFINITY) {
            return maxDistance;
        }
        // beyond N_K: s = (∫_0^{N_K} x + (q − N_K)·c) / q = c − tailDeficit / q
        return Math.min(Math.max(maxDistance - tailDeficit / q, floor[segments]), maxDistance);
    }

    /**
     * s(q) on segment k, N_{k−1} < q ≤ N_k, with u = q − N_{k−1}:
     * {@code s = x_{k−1} − A_{k−1}/q + slope_k/2 · u · 1/(1 + N_{k−1}/u)}, which equals
     * {@code (∫_0^{N_{k−1}} x + u·(x_{k−1} + x(q))/2) / q}.
     */
    private double slippageOnSegment(int k, double q) {
        double u = q - segN[k - 1];
        double s = segX[k - 1] - deficit[k - 1] / q + slope[k] * 0.5 * (u * (1 / (1 + segN[k - 1] / u)));
        return Math.min(Math.max(s, floor[k - 1]), maxDistance);
    }

    /**
     * @param notionalUsd     q, USD, {@code >= 0}
     * @param depthMultiplier m, the factor on the book's depth, {@code > 0}
     * @return the marginal distance on the book scaled by m: {@code x(q/m)}, a fraction
     */
    public double marginalDistance(double notionalUsd, double depthMultiplier) {
        return marginalAt(checkNotional(notionalUsd) / checkMultiplier(depthMultiplier));
    }

    /**
     * @param notionalUsd     q, USD, {@code >= 0}
     * @param depthMultiplier m, the factor on the book's depth, {@code > 0}
     * @return the slippage on the book scaled by m: {@code s(q/m)}, a fraction
     */
    public double slippage(double notionalUsd, double depthMultiplier) {
        return slippageAt(checkNotional(notionalUsd) / checkMultiplier(depthMultiplier));
    }

    private static double checkNotional(double q) {
        if (!(q >= 0) || q == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("expected a finite notional >= 0 USD, was " + q);
        }
        return q;
    }

    private static double checkMultiplier(double m) {
        if (!(m > 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("expected a depth multiplier > 0, was " + m);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepthCurve c && c.maxDistance == maxDistance && Arrays.equals(c.distance, distance)
                && Arrays.equals(c.notional, notional);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(distance) + Arrays.hashCode(notional)) + Double.hashCode(maxDistance);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DepthCurve[");
        for (int i = 1; i < distance.length; i++) {
            b.append(i > 1 ? ", " : "").append(distance[i] * 100).append("%: ").append(notional[i]);
        }
        return b.append("; maxDistance ").append(maxDistance).append(']').toString();
    }
}
