package io.solvent.app.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One chart over simulated time as inline SVG: lines or bars, a legend, the y axis with its unit, the x axis in UTC,
 * and vertical markers (a fork, a parameter change). Everything is drawn here; the page needs no script to show it.
 * Every series carries {@code class="series"}, {@code data-series} (its name) and {@code data-points} (its point or
 * bar count), which the browser check reads back.
 */
final class SvgChart {
    private static final long[] STEPS_MS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
        600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
        172_800_000, 604_800_000};
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MDHM = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final int LEFT = 74;
    static final int RIGHT = 18;
    static final int TOP = 34;
    static final int BOTTOM = 42;

    private record Line(String name, String label, String color, String dash, List<Downsampler.Point> points,
                        DoubleUnaryOperator transform) {
    }

    private record Bars(String name, String label, String color, long binMs, List<Downsampler.Point> bins) {
    }

    private record Marker(long timeMs, String label) {
    }

    private final String id;
    private final String ariaLabel;
    private final String unit;
    private final int width;
    private final int height;
    private final long fromMs;
    private final long toMs;
    private final List<Line> lines = new ArrayList<>();
    private final List<Bars> bars = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private YLabel yLabel = YLabel.number("");
    private boolean includeZero = true;

    /**
     * @param id        the SVG element's id
     * @param ariaLabel what it shows, for screen readers
     * @param unit      the y axis' unit, shown beside it
     * @param width     width, px of the view box
     * @param height    height, px of the view box
     * @param fromMs    the time axis' start, ms since the Unix epoch, UTC
     * @param toMs      its end
     */
    SvgChart(String id, String ariaLabel, String unit, int width, int height, long fromMs, long toMs) {
        this.id = id;
        this.ariaLabel = ariaLabel;
        this.unit = unit;
        this.width = width;
        this.height = height;
        this.fromMs = fromMs;
        this.toMs = Math.max(toMs, fromMs + 1);
    }

    /** @return the plot area's width, px of the view box: the columns the series are reduced to fit it */
    int plotWidth() {
        return width - LEFT - RIGHT;
    }

    SvgChart yLabels(YLabel format) {
        this.yLabel = format;
        return this;
    }

    /** Lets the y axis start away from zero (prices); by default it includes zero. */
    SvgChart free() {
        this.includeZero = false;
        return this;
    }

    SvgChart line(String name, String label, String color, String dash, List<Downsampler.Point> points,
                  DoubleUnaryOperator transform) {
        lines.add(new Line(name, label, color, dash, points, transform));
        return this;
    }

    SvgChart line(String name, String label, String color, List<Downsampler.Point> points) {
        return line(name, label, color, null, points, DoubleUnaryOperator.identity());
    }

    /** @param bins one point per bin: the bin's start and its value */
    SvgChart bars(String name, String label, String color, long binMs, List<Downsampler.Point> bins) {
        bars.add(new Bars(name, label, color, binMs, bins));
        return this;
    }

    SvgChart marker(long timeMs, String label) {
        markers.add(new Marker(timeMs, label));
        return this;
    }

    String render() {
        double lo = includeZero ? 0 : Double.POSITIVE_INFINITY;
        double hi = includeZero ? 0 : Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (Downsampler.Point p : l.points()) {
                double v = l.transform().applyAsDouble(p.value());
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (Bars b : bars) {
            for (Downsampler.Point p : b.bins()) {
                lo = Math.min(lo, p.value());
                hi = Math.max(hi, p.value());
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = hi == 0 ? 1 : Math.abs(hi) * 0.05;
            hi += pad;
            lo = includeZero && lo >= 0 ? lo : lo - pad;
        }
        double step = niceStep((hi - lo) / 4);
        double yLo = Math.floor(lo / step) * step;
        double yHi = Math.ceil(hi / step) * step;
        int plotW = plotWidth();
        int plotH = height - TOP - BOTTOM;

        StringBuilder b = new StringBuilder(4096);
        b.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", id, width, height,
                Html.escape(ariaLabel)));
        b.append(String.format(Locale.ROOT, "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT, TOP, plotW, plotH));
        // y grid and labels
        long ticks = Math.round((yHi - yLo) / step);
        for (long i = 0; i <= ticks; i++) {
            double v = yLo + i * step;
            double y = TOP + plotH - (v - yLo) / (yHi - yLo) * plotH;
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    LEFT, y, LEFT + plotW, y));
            b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s"
                    + "</text>%n", LEFT - 6, y + 4, Html.escape(yLabel.format(Math.abs(v) < step * 1e-9 ? 0 : v, step,
                    Math.max(Math.abs(yLo), Math.abs(yHi))))));
        }
        b.append(String.format(Locale.ROOT, "<text class=\"unit\" x=\"14\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, Html.escape(unit)));
        // x ticks, UTC
        long span = toMs - fromMs;
        int maxTicks = Math.max(2, plotW / 80);
        long xStep = STEPS_MS[STEPS_MS.length - 1];
        for (long s : STEPS_MS) {
            if (span / s <= maxTicks) {
                xStep = s;
                break;
            }
        }
        DateTimeFormatter tf = xStep < 60_000 ? HMS : xStep >= 86_400_000 ? DAY : span > 86_400_000 ? MDHM : HM;
        for (long t = Math.floorDiv(fromMs + xStep - 1, xStep) * xStep; t <= toMs; t += xStep) {
            double x = x(t, plotW);
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, TOP, x, TOP + plotH));
            b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s"
                    + "</text>%n", x, TOP + plotH + 16, tf.format(Instant.ofEpochMilli(t))));
        }
        String days = DAY.format(Instant.ofEpochMilli(fromMs));
        String lastDay = DAY.format(Instant.ofEpochMilli(toMs));
        b.append(String.format(Locale.ROOT, "<text class=\"unit\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "simulated time, UTC (%s)</text>%n", LEFT + plotW / 2, height - 6,
                days.equals(lastDay) ? days : days + " to " + lastDay));
        // markers
        for (Marker m : markers) {
            if (m.timeMs() < fromMs || m.timeMs() > toMs) {
                continue;
            }
            double x = x(m.timeMs(), plotW);
            b.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
                    + " y2=\"%d\"/><text class=\"marker-label\" x=\"%.1f\" y=\"%d\">%s</text>%n", x, TOP, x,
                    TOP + plotH, x + 3, TOP + 11, Html.escape(m.label())));
        }
        // bars, side by side within a bin
        int k = 0;
        for (Bars bs : bars) {
            double binW = bs.binMs() * (double) plotW / (toMs - fromMs);
            double w = Math.max(0.8, binW * 0.8 / bars.size());
            StringBuilder d = new StringBuilder();
            int n = 0;
            for (Downsampler.Point p : bs.bins()) {
                if (p.value() == 0) {
                    continue;
                }
                double x0 = x(p.timeMs(), plotW) + binW * 0.1 + k * w;
                double y0 = y(p.value(), yLo, yHi, plotH);
                double y1 = y(Math.max(yLo, 0), yLo, yHi, plotH);
                d.append(String.format(Locale.ROOT, "M%.1f %.1fh%.1fV%.1fh%.1fZ", x0, y1, w, y0, -w));
                n++;
            }
            b.append(String.format(Locale.ROOT, "<path class=\"series bars\" data-series=\"%s\" data-points=\"%d\""
                    + " fill=\"%s\" d=\"%s\"/>%n", Html.escape(bs.name()), n, bs.color(), d));
            k++;
        }
        // lines
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder(l.points().size() * 12);
            int n = 0;
            for (Downsampler.Point p : l.points()) {
                double v = l.transform().applyAsDouble(p.value());
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (n > 0) {
                    pts.append(' ');
                }
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f", x(p.timeMs(), plotW), y(v, yLo, yHi, plotH)));
                n++;
            }
            if (n == 1) { // one point: a dot, so the series still shows
                pts.append(' ').append(pts);
                n = 2;
            }
            b.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-series=\"%s\" data-points=\"%d\""
                    + " fill=\"none\" stroke=\"%s\"%s points=\"%s\"/>%n", Html.escape(l.name()), n, l.color(),
                    l.dash() == null ? "" : " stroke-dasharray=\"" + l.dash() + "\"", pts));
        }
        // legend, top left above the plot
        double lx = LEFT;
        for (Bars bs : bars) {
            lx = legend(b, lx, bs.label(), bs.color(), null, true);
        }
        for (Line l : lines) {
            lx = legend(b, lx, l.label(), l.color(), l.dash(), false);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private double legend(StringBuilder b, double x, String label, String color, String dash, boolean box) {
        int y = TOP - 14;
        if (box) {
            b.append(String.format(Locale.ROOT, "<rect class=\"legend-key\" x=\"%.1f\" y=\"%d\" width=\"12\""
                    + " height=\"10\" fill=\"%s\"/>", x, y - 8, color));
        } else {
            b.append(String.format(Locale.ROOT, "<line class=\"legend-key\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
                    + " y2=\"%d\" stroke=\"%s\"%s/>", x, y - 3, x + 18, y - 3, color,
                    dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        }
        b.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%.1f\" y=\"%d\">%s</text>%n", x + 23, y + 1,
                Html.escape(label)));
        return x + 23 + label.length() * 6.6 + 18;
    }

    private double x(long t, int plotW) {
        return LEFT + (double) (t - fromMs) / (toMs - fromMs) * plotW;
    }

    private double y(double v, double lo, double hi, int plotH) {
        return TOP + plotH - (v - lo) / (hi - lo) * plotH;
    }

    /** How the y axis writes its ticks. */
    @FunctionalInterface
    interface YLabel {
        /**
         * @param v      the tick's value
         * @param step   the ticks' spacing
         * @param maxAbs the largest magnitude of the axis' ends
         * @return the label
         */
        String format(double v, double step, double maxAbs);

        /** @return compact numbers, {@code prefix} before: {@code 0, 250k, 500k}, {@code $1.5M}, {@code 8} */
        static YLabel number(String prefix) {
            return (v, step, maxAbs) -> {
                if (v == 0) {
                    return prefix + "0";
                }
                double div = maxAbs >= 1e9 ? 1e9 : maxAbs >= 1e6 ? 1e6 : maxAbs >= 1e4 ? 1e3 : 1;
                String suffix = div == 1e9 ? "B" : div == 1e6 ? "M" : div == 1e3 ? "k" : "";
                String n = String.format(Locale.ROOT, "%,." + decimals(step / div) + "f", Math.abs(v) / div);
                return (v < 0 ? "−" : "") + prefix + n + suffix;
            };
        }

        /** @return signed percentages: {@code −20%}, {@code +0%}, {@code +2.5%} */
        static YLabel percent() {
            return (v, step, maxAbs) -> (v < 0 ? "−" : v > 0 ? "+" : "±")
                    + String.format(Locale.ROOT, "%." + decimals(step) + "f", Math.abs(v)) + "%";
        }

        private static int decimals(double step) {
            for (int d = 0; d < 6; d++) {
                double x = step * Math.pow(10, d);
                if (Math.abs(x - Math.rint(x)) < 1e-6 * Math.max(1, x)) {
                    return d;
                }
            }
            return 6;
        }
    }

    /** @return 1, 2, 2.5 or 5 times a power of ten, at least {@code raw} */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
