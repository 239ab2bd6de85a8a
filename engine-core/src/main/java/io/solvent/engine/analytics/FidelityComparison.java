package io.solvent.engine.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A replayed crash day beside the venue's real one, minute by minute, and the targets a faithful replay of
 * 2025-10-10 is held to (issue "The crash day must come out right"):
 * <ol>
 *   <li>at least {@value #MIN_CRASH_SHARE} of the day's liquidated notional falls in the crash window;</li>
 *   <li>the minute-by-minute liquidation counts over the comparison window correlate with the venue's liquidation
 *       fills with Spearman's ρ at least {@value #MIN_SPEARMAN};</li>
 *   <li>the two largest deleveraging minutes (by notional) both lie in the venue's deleveraging window;</li>
 *   <li>at least {@value #MIN_SIDE_SHARE} of the liquidated notional closed longs, and as much of the deleveraged
 *       notional closed shorts.</li>
 * </ol>
 *
 * @param rows           one per minute of the comparison window: the replay's and the venue's figures
 * @param crashShare     target 1: liquidated notional in the crash window ÷ the day's, a fraction
 * @param spearman       target 2: Spearman's ρ of the replay's liquidation counts and the venue's fills
 * @param pearson        the same figures' Pearson correlation (for the record)
 * @param adlPeak        target 3: the minutes (ms) of the replay's two largest deleveraging notionals, largest first
 * @param longShare      target 4: liquidated notional that closed longs ÷ all liquidated notional
 * @param shortShare     target 4: deleveraged notional that closed shorts ÷ all deleveraged notional
 * @param windows        the windows the targets are measured on
 */
public record FidelityComparison(List<Row> rows, double crashShare, double spearman, double pearson, long[] adlPeak,
                                 double longShare, double shortShare, Windows windows) {

    /** Target 1's threshold. */
    public static final double MIN_CRASH_SHARE = 0.80;
    /** Target 2's threshold. */
    public static final double MIN_SPEARMAN = 0.7;
    /** Target 4's threshold. */
    public static final double MIN_SIDE_SHARE = 0.85;

    /**
     * The windows the targets look at, ms since the Unix epoch, UTC; each [start, end).
     *
     * @param crashStartMs   target 1's crash window
     * @param crashEndMs     its end
     * @param compareStartMs target 2's comparison window (and the rows)
     * @param compareEndMs   its end
     * @param adlStartMs     target 3's window for the deleveraging peaks
     * @param adlEndMs       its end
     */
    public record Windows(long crashStartMs, long crashEndMs, long compareStartMs, long compareEndMs, long adlStartMs,
                          long adlEndMs) {
        /** 2025-10-10: crash 21:00–21:40, comparison 21:15–21:27 (Hyperliquid's recorded window), ADL 21:16–21:20. */
        public static final Windows OCTOBER_10 = new Windows(1_760_130_000_000L, 1_760_132_400_000L,
                1_760_130_900_000L, 1_760_131_680_000L, 1_760_130_960_000L, 1_760_131_260_000L);
    }

    /**
     * One minute of a venue's real day.
     *
     * @param minuteMs         the minute's start, ms since the Unix epoch, UTC
     * @param liquidationFills liquidation fills (Hyperliquid's count includes the liquidated leg of each ADL fill)
     * @param adlFills         ADL fills
     * @param adlNotionalUsd   ADL notional, USD
     */
    public record VenueMinute(long minuteMs, long liquidationFills, long adlFills, double adlNotionalUsd) {
    }

    /**
     * One minute side by side.
     *
     * @param minuteMs the minute's start, ms since the Unix epoch, UTC
     * @param replay   the replay's figures
     * @param venue    the venue's, or null where it recorded nothing
     */
    public record Row(long minuteMs, MinuteTally.Minute replay, VenueMinute venue) {
    }

    /**
     * @param tally   the replay's minutes
     * @param venue   the venue's minutes
     * @param windows the windows of the targets
     * @return the comparison
     */
    public static FidelityComparison of(MinuteTally tally, List<VenueMinute> venue, Windows windows) {
        List<Row> rows = new ArrayList<>();
        int n = (int) ((windows.compareEndMs() - windows.compareStartMs()) / 60_000L);
        double[] ours = new double[n];
        double[] theirs = new double[n];
        for (int i = 0; i < n; i++) {
            long m = windows.compareStartMs() + i * 60_000L;
            VenueMinute v = venue.stream().filter(x -> x.minuteMs() == m).findFirst().orElse(null);
            rows.add(new Row(m, tally.minute(m), v));
            ours[i] = tally.minute(m).liquidations();
            theirs[i] = v == null ? 0 : v.liquidationFills();
        }
        MinuteTally.Minute day = tally.total();
        MinuteTally.Minute crash = tally.total(windows.crashStartMs(), windows.crashEndMs());
        List<Long> minutes = tally.minutes().stream().filter(m -> tally.minute(m).deleveragedUsd() > 0).toList();
        long[] peak = minutes.stream().sorted(Comparator.comparingDouble((Long m) -> -tally.minute(m).deleveragedUsd())
                .thenComparingLong(m -> m)).limit(2).mapToLong(Long::longValue).toArray();
        return new FidelityComparison(rows, share(crash.liquidatedUsd(), day.liquidatedUsd()), spearman(ours, theirs),
                pearson(ours, theirs), peak, share(day.liquidatedLongUsd(), day.liquidatedUsd()),
                share(day.deleveragedShortUsd(), day.deleveragedUsd()), windows);
    }

    private static double share(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }

    /** @return target 1 met */
    public boolean crashShareMet() {
        return crashShare >= MIN_CRASH_SHARE;
    }

    /** @return target 2 met */
    public boolean spearmanMet() {
        return spearman >= MIN_SPEARMAN;
    }

    /** @return target 3 met: two deleveraging minutes, both in the window */
    public boolean adlPeakMet() {
        return adlPeak.length == 2 && Arrays.stream(adlPeak).allMatch(m -> m >= windows.adlStartMs()
                && m < windows.adlEndMs());
    }

    /** @return target 4 met for both sides */
    public boolean sidesMet() {
        return longShare >= MIN_SIDE_SHARE && shortShare >= MIN_SIDE_SHARE;
    }

    /** @return every target met */
    public boolean allMet() {
        return crashShareMet() && spearmanMet() && adlPeakMet() && sidesMet();
    }

    /**
     * Spearman's rank correlation: Pearson's of the ranks, ties sharing their mean rank.
     *
     * @param a one series
     * @param b another, as long
     * @return ρ in [−1, 1]; NaN when either series is constant
     */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    /**
     * @param a one series
     * @param b another, as long
     * @return Pearson's correlation; NaN when either series is constant
     */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series of " + a.length + " and " + b.length + " values");
        }
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double c = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            c += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? Double.NaN : c / Math.sqrt(va * vb);
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
