package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: drain a feed, log returns, sample statistics. */
final class Paths {
    private Paths() {
    }

    static List<PriceEvent> drain(FeedReader reader) {
        List<PriceEvent> out = new ArrayList<>();
        try (reader) {
            FeedEvent e;
            while ((e = reader.next()) != null) {
                out.add((PriceEvent) e);
            }
        }
        return out;
    }

    static double[] logReturns(List<PriceEvent> path) {
        double[] r = new double[path.size() - 1];
        for (int i = 1; i < path.size(); i++) {
            r[i - 1] = Math.log(path.get(i).price() / path.get(i - 1).price());
        }
        return r;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double stdDev(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Annualised volatility from per-step log returns of a step of {@code stepMs}. */
    static double annualised(double stepStdDev, long stepMs) {
        return stepStdDev / Math.sqrt((double) stepMs / Timeline.YEAR_MS);
    }
}
