package io.solvent.engine.io;

import io.solvent.engine.analytics.FidelityComparison;
import io.solvent.engine.analytics.MinuteTally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Draws a replayed crash day beside the venue's as an SVG of two panels, minute by minute over a window: the
 * liquidations (the replay's count and the venue's fills, each as a share of its own peak, since the replay's venue
 * is smaller) and the deleveraging notional (both in $M, on one axis). Written atomically.
 */
public final class FidelityChartWriter {
    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 230;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final String OURS = "#1f6fb2";
    private static final String THEIRS = "#c0392b";

    private FidelityChartWriter() {
    }

    /**
     * @param file   the SVG to write
     * @param title  the chart's title
     * @param tally  the replay's minutes
     * @param venue  the venue's minutes
     * @param venueName the venue's name for the legend
     * @param fromMs the first minute drawn, ms since the Unix epoch, UTC
     * @param toMs   the end, exclusive
     */
    public static void write(Path file, String title, MinuteTally tally, List<FidelityComparison.VenueMinute> venue,
                             String venueName, long fromMs, long toMs) {
        int minutes = (int) ((toMs - fromMs) / 60_000L);
        double[] liq = new double[minutes];
        double[] fills = new double[minutes];
        double[] adl = new double[minutes];
        double[] adlVenue = new double[minutes];
        boolean[] recorded = new boolean[minutes];
        for (int i = 0; i < minutes; i++) {
            long m = fromMs + i * 60_000L;
            liq[i] = tally.minute(m).liquidations();
            adl[i] = tally.minute(m).deleveragedUsd() / 1e6;
            for (FidelityComparison.VenueMinute v : venue) {
                if (v.minuteMs() == m) {
                    fills[i] = v.liquidationFills();
                    adlVenue[i] = v.adlNotionalUsd() / 1e6;
                    recorded[i] = true;
                }
            }
        }
        double peakLiq = Math.max(1, max(liq));
        double peakFills = Math.max(1, max(fills));
        StringBuilder b = new StringBuilder();
        int height = 2 * PANEL_HEIGHT + 185;
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\""
                + " font-size=\"14\">%s</text>%n", WIDTH / 2, escape(title)));
        double[] liqShare = scale(liq, 100 / peakLiq);
        double[] fillShare = scale(fills, 100 / peakFills);
        panel(b, 50, "Liquidations per minute, % of each series' peak", "% of peak", 100, liqShare, fillShare,
                recorded, fromMs, String.format(Locale.ROOT, "Solvent replay: liquidations (peak %,.0f a minute)",
                        peakLiq), String.format(Locale.ROOT, "%s: liquidation fills (peak %,.0f a minute)",
                        venueName, peakFills));
        double top = niceCeiling(Math.max(max(adl), max(adlVenue)));
        panel(b, 50 + PANEL_HEIGHT + 70, "Deleveraging (ADL) notional per minute, $M", "$M", top, adl, adlVenue,
                recorded, fromMs, "Solvent replay: ADL notional", venueName + ": ADL notional");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">Minutes UTC."
                + " The shaded minutes are those %s's record covers; outside them it is not zero but not recorded."
                + "</text>%n", LEFT, height - 14, escape(venueName)));
        b.append("</svg>\n");
        try {
            AtomicFiles.writeText(file, w -> w.write(b.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void panel(StringBuilder b, int y0, String title, String unit, double top, double[] ours,
                              double[] theirs, boolean[] recorded, long fromMs, String oursLabel, String theirsLabel) {
        int w = WIDTH - LEFT - RIGHT;
        int h = PANEL_HEIGHT;
        int n = ours.length;
        double slot = (double) w / n;
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", LEFT, y0 - 8,
                escape(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>%n", LEFT, y0, w, h));
        for (int k = 0; k <= 4; k++) {
            double v = top * k / 4;
            double y = y0 + h - h * k / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    LEFT, y, LEFT + w, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s"
                    + "</text>%n", LEFT - 6, y + 4, label(v)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"22\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 22"
                + " %d)\">%s</text>%n", y0 + h / 2, y0 + h / 2, escape(unit)));
        for (int i = 0; i < n; i++) {
            if (recorded[i]) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"#fbeeee\"/>%n", LEFT + i * slot, y0 + 1, slot, h - 1));
            }
        }
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * slot;
            bar(b, x + slot * 0.1, slot * 0.38, ours[i], top, y0, h, OURS);
            if (recorded[i]) {
                bar(b, x + slot * 0.52, slot * 0.38, theirs[i], top, y0, h, THEIRS);
            }
            if (i % 5 == 0) {
                String hhmm = Instant.ofEpochMilli(fromMs + i * 60_000L).atOffset(ZoneOffset.UTC).toLocalTime()
                        .toString();
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                        + " font-size=\"11\">%s</text>%n", x + slot / 2, y0 + h + 16, hhmm));
            }
        }
        int ly = y0 + 18;
        int lx = LEFT + w - 346; // top right: the crash's bars stand left of the middle
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"340\" height=\"40\" fill=\"white\""
                + " fill-opacity=\"0.85\" stroke=\"#ccc\"/>%n", lx, ly - 14));
        legend(b, lx + 6, ly, OURS, oursLabel);
        legend(b, lx + 6, ly + 17, THEIRS, theirsLabel);
    }

    private static void bar(StringBuilder b, double x, double width, double v, double top, int y0, int h, String c) {
        if (!(v > 0)) {
            return;
        }
        double bh = Math.min(h, h * v / top);
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y0 + h - bh, width, bh, c));
    }

    private static void legend(StringBuilder b, int x, int y, String color, String text) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>%n", x,
                y - 9, color));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 18, y, escape(text)));
    }

    private static double[] scale(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** @return the smallest of 1, 2, 2.5, 5 × 10^k at or above v (1 for v <= 0) */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= v) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
