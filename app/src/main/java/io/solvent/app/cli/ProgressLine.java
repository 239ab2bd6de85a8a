package io.solvent.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A single self-overwriting progress line on standard error ({@code \r}, at most four updates a second), for long
 * runs on a terminal; cleared at the end. It owns the wall clock: the engine only reports where it is. Shown only
 * when enabled — by default when standard error is a terminal ({@code System.console() != null}); {@code --progress}
 * and {@code --no-progress} force it. It never writes to standard output and never changes a command's files.
 */
final class ProgressLine {
    /** Least time between two updates, ns. */
    static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastNanos;
    private int width;

    ProgressLine(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.enabled = enabled;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastNanos = startNanos;
    }

    /**
     * @param err    standard error
     * @param forced true or false from {@code --progress}/{@code --no-progress}; null: only on a terminal
     * @return a progress line on the wall clock
     */
    static ProgressLine of(PrintWriter err, Boolean forced) {
        return new ProgressLine(err, forced != null ? forced : System.console() != null, System::nanoTime);
    }

    /** @return whether an update now would be shown (enabled, and a quarter second since the last) */
    boolean due() {
        return enabled && nanoClock.getAsLong() - lastNanos >= INTERVAL_NANOS;
    }

    /**
     * Shows the progress, when {@link #due()}.
     *
     * @param task     what runs, such as {@code replay}
     * @param position where it is, such as the simulated time reached (may be empty)
     * @param count    units done
     * @param unit     their name, plural, such as {@code events}
     * @param fraction the fraction done, 0..1, or NaN when unknown
     */
    void update(String task, String position, long count, String unit, double fraction) {
        if (!due()) {
            return;
        }
        long now = nanoClock.getAsLong();
        lastNanos = now;
        String line = format(task, position, count, unit, fraction, (now - startNanos) / 1_000_000L);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Erases the line, if anything was shown. */
    void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /**
     * The line's text, a pure function of the counts and durations.
     *
     * @param task      what runs
     * @param position  where it is (may be empty)
     * @param count     units done
     * @param unit      their name, plural
     * @param fraction  0..1, or NaN when unknown (then no percentage and no ETA)
     * @param elapsedMs wall time since the start, ms
     * @return for example {@code solvent: replay: 2025-10-10T21:05:00Z  45.2%  123,456 events  61,728 events/s
     * ETA 0:02}
     */
    static String format(String task, String position, long count, String unit, double fraction, long elapsedMs) {
        StringBuilder b = new StringBuilder("solvent: ").append(task).append(':');
        if (!position.isEmpty()) {
            b.append(' ').append(position);
        }
        boolean known = fraction >= 0 && fraction <= 1;
        if (known) {
            b.append(String.format(Locale.ROOT, "  %.1f%%", 100 * fraction));
        }
        b.append(String.format(Locale.ROOT, "  %,d %s", count, unit));
        if (elapsedMs > 0) {
            b.append(String.format(Locale.ROOT, "  %,.0f %s/s", count * 1000.0 / elapsedMs, unit));
        }
        if (known && fraction > 0 && elapsedMs > 0) {
            b.append("  ETA ").append(duration(Math.round(elapsedMs * (1 - fraction) / fraction)));
        }
        return b.toString();
    }

    /** @param ms a duration @return {@code M:SS}, or {@code H:MM:SS} from an hour */
    static String duration(long ms) {
        long s = (ms + 500) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** @param ms ms since the Unix epoch, UTC, or {@link Long#MIN_VALUE} @return ISO-8601, or empty before any */
    static String instant(long ms) {
        return ms == Long.MIN_VALUE ? "" : Instant.ofEpochMilli(ms).toString();
    }
}
