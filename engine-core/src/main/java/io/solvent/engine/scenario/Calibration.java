package io.solvent.engine.scenario;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.synthetic.Timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Volatility and correlation measured on a recorded window, to calibrate Monte Carlo paths: each symbol's last
 * price at each timestamp (a bar's close), the timestamps where every symbol has one, log returns between them;
 * annualised volatility {@code stdev(r) / √(mean step in years)} and the Pearson correlation of the returns.
 *
 * @param symbols     the feed symbols, in the order of the arrays
 * @param volatility  annualised volatility of each, per √year
 * @param correlation correlation matrix of the returns
 * @param stepMs      the median step between aligned timestamps, ms
 * @param steps       how many aligned timestamps the window has
 */
public record Calibration(List<String> symbols, double[] volatility, double[][] correlation, long stepMs, int steps)
        implements java.io.Serializable {

    /**
     * @param feed    the recorded window (read to its end, not closed)
     * @param symbols the symbols to measure, each present in the window
     * @return the calibration
     * @throws IllegalArgumentException when the window has fewer than three common timestamps
     */
    public static Calibration of(FeedReader feed, List<String> symbols) {
        int n = symbols.size();
        TreeMap<Long, double[]> rows = new TreeMap<>();
        for (FeedEvent e = feed.next(); e != null; e = feed.next()) {
            if (e instanceof PriceEvent p) {
                int i = symbols.indexOf(p.symbol());
                if (i >= 0) {
                    rows.computeIfAbsent(p.timestampMs(), t -> filled(n))[i] = p.price();
                }
            }
        }
        List<long[]> times = new ArrayList<>();
        List<double[]> prices = new ArrayList<>();
        for (Map.Entry<Long, double[]> r : rows.entrySet()) {
            if (Arrays.stream(r.getValue()).noneMatch(Double::isNaN)) {
                times.add(new long[] {r.getKey()});
                prices.add(r.getValue());
            }
        }
        if (prices.size() < 3) {
            throw new IllegalArgumentException("the window has " + prices.size() + " timestamps where all of "
                    + symbols + " have a price; at least 3 are needed");
        }
        int m = prices.size() - 1;
        double[][] ret = new double[n][m];
        long[] dts = new long[m];
        for (int k = 0; k < m; k++) {
            dts[k] = times.get(k + 1)[0] - times.get(k)[0];
            for (int i = 0; i < n; i++) {
                ret[i][k] = StrictMath.log(prices.get(k + 1)[i] / prices.get(k)[i]);
            }
        }
        double meanStepYears = Arrays.stream(dts).average().orElseThrow() / Timeline.YEAR_MS;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = Arrays.stream(ret[i]).average().orElseThrow();
            double ss = 0;
            for (double r : ret[i]) {
                ss += (r - mean[i]) * (r - mean[i]);
            }
            sd[i] = Math.sqrt(ss / (m - 1));
        }
        double[] vol = new double[n];
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            vol[i] = sd[i] / Math.sqrt(meanStepYears);
            for (int j = 0; j < n; j++) {
                double c = 0;
                for (int k = 0; k < m; k++) {
                    c += (ret[i][k] - mean[i]) * (ret[j][k] - mean[j]);
                }
                double denominator = (m - 1) * sd[i] * sd[j];
                corr[i][j] = i == j ? 1 : denominator == 0 ? 0 : Math.max(-0.999, Math.min(0.999, c / denominator));
            }
        }
        long[] sorted = dts.clone();
        Arrays.sort(sorted);
        return new Calibration(List.copyOf(symbols), vol, corr, sorted[m / 2], prices.size());
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
