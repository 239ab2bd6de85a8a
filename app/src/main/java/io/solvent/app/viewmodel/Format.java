package io.solvent.app.viewmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers: always with their unit, compact for money, UTC for times. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** @param usd an amount, USD @return such as {@code $1.25M}, {@code −$310k}, {@code $12.40}; {@code —} for NaN */
    public static String usd(double usd) {
        if (Double.isNaN(usd)) {
            return "—";
        }
        if (Double.isInfinite(usd)) {
            return usd > 0 ? "∞ USD" : "−∞ USD";
        }
        String sign = usd < 0 ? "−" : "";
        double a = Math.abs(usd);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%s$%.2fB", sign, a / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%s$%.2fM", sign, a / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%s$%.1fk", sign, a / 1e3);
        }
        return String.format(Locale.ROOT, "%s$%,.2f", sign, a);
    }

    /** @param price a price, USD per unit @return with significant digits for its size */
    public static String price(double price) {
        if (Double.isNaN(price)) {
            return "—";
        }
        double a = Math.abs(price);
        String f = a >= 1000 ? "%,.1f" : a >= 10 ? "%,.2f" : a >= 0.1 ? "%.4f" : "%.6f";
        return "$" + String.format(Locale.ROOT, f, price);
    }

    /** @param n a count @return with thousands separators */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @param ratio a ratio (0.05 = 5%) @return such as {@code 5.0%}; {@code —} for NaN, {@code ∞} for infinity */
    public static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return "—";
        }
        if (Double.isInfinite(ratio)) {
            return "∞";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    /** @param x a multiple @return such as {@code 1.23×}; {@code —} for NaN */
    public static String times(double x) {
        return Double.isNaN(x) ? "—" : Double.isInfinite(x) ? "∞" : String.format(Locale.ROOT, "%.2f×", x);
    }

    /** @param ms ms since the Unix epoch, UTC @return such as {@code 2025-10-10 21:15:03 UTC}; {@code —} when unknown */
    public static String time(long ms) {
        return ms == Long.MIN_VALUE ? "—" : TIME.format(Instant.ofEpochMilli(ms));
    }

    /** @param ms ms since the Unix epoch, UTC @return such as {@code 21:15:03}; {@code —} when unknown */
    public static String clock(long ms) {
        return ms == Long.MIN_VALUE ? "—" : CLOCK.format(Instant.ofEpochMilli(ms));
    }

    /** @param ms a duration, ms @return such as {@code 850 ms}, {@code 12.0 s}, {@code 3.5 min}, {@code 2.0 h} */
    public static String duration(long ms) {
        if (ms < 0) {
            return "—";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < 7_200_000) {
            return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }
}
