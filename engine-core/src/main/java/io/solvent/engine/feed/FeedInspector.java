package io.solvent.engine.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Accumulates a {@link FeedInspection} from a time-ordered event stream, in two passes over the same stream.
 *
 * <p>Pass one counts each series' events, its first and last time, its lowest and highest price (the first moment
 * each is reached) and the distribution of the differences between consecutive <em>distinct</em> timestamps. Its
 * median (the lower median for an even count) is the series' <b>usual spacing</b>: for 1-minute bars 60,000 ms, even
 * with several events per bar, and robust to a few holes. Pass two, after {@link #startGapPass()}, lists the
 * <b>gaps</b>: consecutive distinct timestamps further apart than twice the usual spacing (and than an optional
 * floor, {@code minGapMs}). Exact gaps need the
 * spacing first; keeping every difference instead would make memory grow with the feed. Memory holds, per series,
 * the histogram of distinct differences and the gaps found.
 *
 * <p>Pure: no I/O, no clock. Series are keyed by feed symbol and kind (price, depth, liquidation); a symbol in
 * several files is one series. Events of one series must arrive in non-decreasing time order.
 */
public final class FeedInspector {
    private final Map<String, String> symbolMap;
    private final long minGapMs;
    private final Map<String, Acc> prices = new HashMap<>();
    private final Map<String, Acc> depth = new HashMap<>();
    private final Map<String, Acc> liquidations = new HashMap<>();
    private boolean gapPass;

    /** @param symbolMap feed symbol → asset, reported beside each series; empty for none */
    public FeedInspector(Map<String, String> symbolMap) {
        this(symbolMap, 0);
    }

    /**
     * @param symbolMap feed symbol → asset, reported beside each series; empty for none
     * @param minGapMs  holes must also be longer than this to be listed, ms, {@code >= 0}: for tick and trade series,
     *                  whose spacing is irregular, twice the median spacing flags every quiet second
     */
    public FeedInspector(Map<String, String> symbolMap, long minGapMs) {
        if (minGapMs < 0) {
            throw new IllegalArgumentException("minGapMs must be >= 0, was " + minGapMs);
        }
        this.symbolMap = Map.copyOf(symbolMap);
        this.minGapMs = minGapMs;
    }

    /**
     * Reads a feed twice and inspects it.
     *
     * @param open      opens the feed from its start; called twice, each reader is closed here
     * @param symbolMap feed symbol → asset; empty for none
     * @return the inspection
     */
    public static FeedInspection inspect(Supplier<? extends FeedReader> open, Map<String, String> symbolMap) {
        return inspect(open, symbolMap, 0);
    }

    /**
     * Reads a feed twice and inspects it.
     *
     * @param open      opens the feed from its start; called twice, each reader is closed here
     * @param symbolMap feed symbol → asset; empty for none
     * @param minGapMs  the shortest hole listed as a gap besides the spacing rule, ms ({@code 0}: no floor)
     * @return the inspection
     */
    public static FeedInspection inspect(Supplier<? extends FeedReader> open, Map<String, String> symbolMap,
                                         long minGapMs) {
        FeedInspector inspector = new FeedInspector(symbolMap, minGapMs);
        feed(open, inspector);
        inspector.startGapPass();
        feed(open, inspector);
        return inspector.result();
    }

    private static void feed(Supplier<? extends FeedReader> open, FeedInspector inspector) {
        try (FeedReader r = open.get()) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                inspector.accept(e);
            }
        }
    }

    /** @param event the next event of the stream (pass one or, after {@link #startGapPass()}, pass two) */
    public void accept(FeedEvent event) {
        if (event instanceof SourceStatusEvent) {
            return; // a live source's connection state is not a series
        }
        Map<String, Acc> series = switch (event) {
            case PriceEvent p -> prices;
            case DepthEvent d -> depth;
            case VenueLiquidationEvent l -> liquidations;
            case SourceStatusEvent s -> throw new AssertionError("handled above");
        };
        double price = switch (event) {
            case PriceEvent p -> p.price();
            case DepthEvent d -> Double.NaN;
            case VenueLiquidationEvent l -> l.price();
            case SourceStatusEvent s -> throw new AssertionError("handled above");
        };
        if (gapPass) {
            Acc acc = series.get(event.symbol());
            if (acc == null) {
                throw new IllegalStateException("the second pass saw " + event.symbol() + ", the first did not");
            }
            acc.gap(event.timestampMs());
        } else {
            series.computeIfAbsent(event.symbol(), s -> new Acc()).add(event.symbol(), event.timestampMs(), price);
        }
    }

    /** Ends pass one: from now on {@link #accept} collects gaps; feed the same stream again from its start. */
    public void startGapPass() {
        if (gapPass) {
            throw new IllegalStateException("already in the gap pass");
        }
        gapPass = true;
        for (Map<String, Acc> m : List.of(prices, depth)) {
            for (Acc a : m.values()) {
                a.startGapPass(minGapMs);
            }
        }
    }

    /** @return the inspection; gaps are listed when the gap pass has run, else empty */
    public FeedInspection result() {
        return new FeedInspection(series(prices, true), series(depth, true), series(liquidations, false));
    }

    private TreeMap<String, FeedInspection.Series> series(Map<String, Acc> accs, boolean withGaps) {
        TreeMap<String, FeedInspection.Series> out = new TreeMap<>();
        for (Map.Entry<String, Acc> e : accs.entrySet()) {
            Acc a = e.getValue();
            if (gapPass && withGaps && a.seen != a.events) {
                throw new IllegalStateException("the second pass saw " + a.seen + " events of " + e.getKey()
                        + ", the first " + a.events + ": the input changed");
            }
            boolean prices = !Double.isNaN(a.minPrice);
            out.put(e.getKey(), new FeedInspection.Series(e.getKey(), symbolMap.get(e.getKey()), a.events, a.first,
                    a.last, prices ? new FeedInspection.PricePoint(a.minPrice, a.minAt) : null,
                    prices ? new FeedInspection.PricePoint(a.maxPrice, a.maxAt) : null, a.spacing(),
                    withGaps ? a.gaps : null));
        }
        return out;
    }

    /** One series' accumulator. */
    private static final class Acc {
        long events;
        long first;
        long last;
        double minPrice = Double.NaN;
        long minAt;
        double maxPrice = Double.NaN;
        long maxAt;
        /** Difference between consecutive distinct timestamps → how often. */
        final TreeMap<Long, long[]> differences = new TreeMap<>();
        long spacing;
        long threshold;
        long previous;
        long seen;
        final List<FeedInspection.Gap> gaps = new ArrayList<>();

        void add(String symbol, long t, double price) {
            if (events == 0) {
                first = t;
            } else if (t < last) {
                throw new IllegalArgumentException(symbol + " went back in time: " + t + " after " + last
                        + "; the stream must be in time order");
            } else if (t > last) {
                differences.computeIfAbsent(t - last, d -> new long[1])[0]++;
            }
            last = t;
            events++;
            if (!Double.isNaN(price)) {
                if (Double.isNaN(minPrice) || price < minPrice) {
                    minPrice = price;
                    minAt = t;
                }
                if (Double.isNaN(maxPrice) || price > maxPrice) {
                    maxPrice = price;
                    maxAt = t;
                }
            }
        }

        void startGapPass(long minGapMs) {
            spacing = median();
            threshold = Math.max(spacing > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * spacing, minGapMs);
        }

        long spacing() {
            return spacing == 0 ? median() : spacing;
        }

        private long median() {
            long n = 0;
            for (long[] c : differences.values()) {
                n += c[0];
            }
            if (n == 0) {
                return 0;
            }
            long rank = (n + 1) / 2;
            long seenSoFar = 0;
            for (Map.Entry<Long, long[]> e : differences.entrySet()) {
                seenSoFar += e.getValue()[0];
                if (seenSoFar >= rank) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("unreachable");
        }

        void gap(long t) {
            if (seen > 0 && spacing > 0 && t - previous > threshold) {
                gaps.add(new FeedInspection.Gap(previous, t));
            }
            previous = t;
            seen++;
        }
    }
}
