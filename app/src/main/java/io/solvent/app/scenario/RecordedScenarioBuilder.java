package io.solvent.app.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.feed.FeedInspection;
import io.solvent.engine.feed.FeedInspector;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.ScenarioDocument;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a scenario that replays recorded feed files picked from disk: inspects them ({@link FeedInspector}: symbols,
 * rows, time range, gaps), guesses each feed symbol's asset in the chosen book ({@code BTCUSDT} → {@code BTC},
 * {@code gemini:ETHUSD} → {@code ETH}), checks a mapping (every asset of the book priced, symbols mapped to assets the
 * book does not have), and writes a scenario file naming the files, the book, the mapping and the files' time range as
 * its window. Several symbols mapped to one asset are combined by their median ({@code "priceSources"}), never
 * interleaved. Depth files are inspected but not replayed as prices (a scenario names them per market under
 * {@code liquidity.markets}); journals of live sessions cannot be named in a scenario file.
 */
public final class RecordedScenarioBuilder {
    private static final List<String> QUOTES = List.of("PERPETUAL", "PERP", "SWAP", "FDUSD", "USDT", "USDC", "BUSD",
            "USD");

    private RecordedScenarioBuilder() {
    }

    /**
     * One file and the format it was read as.
     *
     * @param path   the file
     * @param format its format's name in scenario files (ticks, bars, trades, binance-klines, index, depth)
     */
    public record RecordedFile(Path path, String format) {
    }

    /**
     * One series of the files.
     *
     * @param symbol       the feed symbol
     * @param kind         {@code price}, {@code depth} or {@code liquidation}
     * @param events       its events (four per bar)
     * @param firstMs      its first event, ms since the Unix epoch, UTC
     * @param lastMs       its last event, ms since the Unix epoch, UTC
     * @param spacingMs    its usual spacing (the median between distinct timestamps), ms
     * @param gaps         holes longer than twice the usual spacing
     * @param longestGapMs the longest hole, ms (0 when none)
     * @param low          its lowest price, USD (NaN for depth)
     * @param high         its highest price, USD (NaN for depth)
     */
    public record SeriesRow(String symbol, String kind, long events, long firstMs, long lastMs, long spacingMs,
                            int gaps, long longestGapMs, double low, double high) {
    }

    /**
     * What the files hold.
     *
     * @param files   every file and its format
     * @param series  every series, prices first, by symbol
     * @param startMs the first price event, ms since the Unix epoch, UTC
     * @param endMs   the end of the last price event's interval (its time plus its series' spacing), exclusive, ms
     * @param notes   what will not be replayed and why (depth files), in words
     */
    public record Inspection(List<RecordedFile> files, List<SeriesRow> series, long startMs, long endMs,
                             List<String> notes) {
        public Inspection {
            files = List.copyOf(files);
            series = List.copyOf(series);
            notes = List.copyOf(notes);
        }

        /** @return the price series' symbols, sorted */
        public List<String> priceSymbols() {
            return series.stream().filter(s -> s.kind().equals("price")).map(SeriesRow::symbol).sorted().toList();
        }
    }

    /**
     * A mapping checked against a book.
     *
     * @param unpricedAssets  assets of the book (other than the settlement asset) no symbol prices: they keep the
     *                        book's price all along
     * @param unknownAssets   symbol → an asset the book does not have
     * @param unmappedSymbols price symbols mapped to nothing: replayed but ignored
     * @param combined        asset → its symbols, when several price it (combined by their median)
     * @param mapped          how many symbols are mapped to an asset of the book
     */
    public record MappingCheck(List<String> unpricedAssets, Map<String, String> unknownAssets,
                               List<String> unmappedSymbols, Map<String, List<String>> combined, int mapped) {
        public MappingCheck {
            unpricedAssets = List.copyOf(unpricedAssets);
            unknownAssets = java.util.Collections.unmodifiableMap(new TreeMap<>(unknownAssets));
            unmappedSymbols = List.copyOf(unmappedSymbols);
            combined = java.util.Collections.unmodifiableMap(new TreeMap<>(combined));
        }

        /** @return whether a scenario can be written: something is priced and no symbol names an unknown asset */
        public boolean ok() {
            return unknownAssets.isEmpty() && mapped > 0;
        }

        /** @return every finding in words, blocking ones first; empty when all is well */
        public List<String> messages() {
            List<String> out = new ArrayList<>(errors());
            out.addAll(warnings());
            return out;
        }

        /** @return the findings that keep a scenario from being written */
        public List<String> errors() {
            List<String> out = new ArrayList<>();
            if (mapped == 0) {
                out.add("no symbol is mapped to an asset of the book; map at least one");
            }
            unknownAssets.forEach((s, a) -> out.add(s + " → " + a + ": the book has no asset " + a));
            return out;
        }

        /** @return the findings a scenario can be written with, said so the operator knows */
        public List<String> warnings() {
            List<String> out = new ArrayList<>();
            if (!unpricedAssets.isEmpty()) {
                out.add("not priced by any symbol (they keep the book's prices): " + String.join(", ", unpricedAssets));
            }
            if (!unmappedSymbols.isEmpty()) {
                out.add("not mapped (replayed, ignored): " + String.join(", ", unmappedSymbols));
            }
            combined.forEach((a, ss) -> out.add(a + " is priced by " + String.join(", ", ss)
                    + ": combined by their median"));
            return out;
        }
    }

    /**
     * Reads the files twice (once for the series, once for the gaps).
     *
     * @param files recorded CSV files (ticks, bars, trades, Binance klines, index, depth)
     * @return what they hold
     * @throws InputException naming the file, the line and what was expected, when one cannot be read
     */
    public static Inspection inspect(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files picked; expected recorded CSV files");
        }
        List<RecordedFile> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            String fileName = String.valueOf(f.getFileName());
            if (fileName.endsWith(".jsonl")) {
                throw new InputException(f.toString(), "", "is a journal of a live session; a scenario file names"
                        + " recorded CSV files only (ticks, bars, trades, Binance klines, index, depth)", null);
            }
            try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
                out.add(new RecordedFile(f, r.format().optionName()));
                if (r.format() == RecordedFormat.DEPTH) {
                    notes.add(fileName + " is order-book depth: it is not replayed as prices (name it per market under"
                            + " liquidity.markets)");
                }
            }
        }
        FeedInspection inspection = FeedInspector.inspect(() -> open(files), Map.of());
        List<SeriesRow> rows = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (FeedInspection.Series s : inspection.prices().values()) {
            rows.add(row(s, "price"));
            start = Math.min(start, s.firstMs());
            end = Math.max(end, s.lastMs() + Math.max(1, s.usualSpacingMs()));
        }
        inspection.depth().values().forEach(s -> rows.add(row(s, "depth")));
        inspection.liquidations().values().forEach(s -> rows.add(row(s, "liquidation")));
        if (start == Long.MAX_VALUE) {
            throw new InputException(files.getFirst().toString(), "", "no prices in the files picked; expected at"
                    + " least one file of prices (ticks, bars, trades, klines or index)", null);
        }
        return new Inspection(out, rows, start, end, notes);
    }

    private static FeedReader open(List<Path> files) {
        List<FeedReader> readers = new ArrayList<>();
        try {
            for (Path f : files) {
                readers.add(RecordedFeedReader.open(f));
            }
        } catch (RuntimeException e) {
            readers.forEach(FeedReader::close);
            throw e;
        }
        return new MergedFeedReader(readers);
    }

    private static SeriesRow row(FeedInspection.Series s, String kind) {
        List<FeedInspection.Gap> gaps = s.gaps() == null ? List.of() : s.gaps();
        long longest = gaps.stream().mapToLong(g -> g.toMs() - g.fromMs()).max().orElse(0);
        return new SeriesRow(s.symbol(), kind, s.events(), s.firstMs(), s.lastMs(), s.usualSpacingMs(), gaps.size(),
                longest, s.min() == null ? Double.NaN : s.min().price(), s.max() == null ? Double.NaN : s.max().price());
    }

    /**
     * @param bookFile a book file
     * @return its assets' symbols, in book order
     * @throws InputException naming the file and the place when it is not a valid book
     */
    public static List<String> bookAssets(Path bookFile) {
        Book b = BookReader.read(bookFile);
        return b.assets().stream().map(Asset::symbol).toList();
    }

    /**
     * @param symbols feed symbols
     * @param assets  the book's assets
     * @return each symbol whose name, without a venue prefix ({@code venue:}), separators and a quote suffix (USDT,
     *         USD, -PERP, ...), is an asset of the book, to that asset; the others are left out
     */
    public static Map<String, String> guess(Collection<String> symbols, Collection<String> assets) {
        Map<String, String> out = new TreeMap<>();
        for (String s : symbols) {
            String a = guess(s, assets);
            if (a != null) {
                out.put(s, a);
            }
        }
        return out;
    }

    private static String guess(String symbol, Collection<String> assets) {
        String n = symbol.toUpperCase(Locale.ROOT);
        int colon = n.lastIndexOf(':');
        if (colon >= 0) {
            n = n.substring(colon + 1);
        }
        n = n.replace("-", "").replace("/", "").replace("_", "");
        for (int pass = 0; pass < 2; pass++) { // BTCUSDTPERP: the contract suffix, then the quote
            if (assets.contains(n)) {
                return n;
            }
            for (String q : QUOTES) {
                if (n.endsWith(q) && n.length() > q.length()) {
                    n = n.substring(0, n.length() - q.length());
                    break;
                }
            }
        }
        return assets.contains(n) ? n : null;
    }

    /**
     * @param mapping         feed symbol → asset
     * @param inspection      the files
     * @param assets          the book's assets
     * @param settlementAsset the asset PnL settles in (not needing a price feed)
     * @return what is priced and what is not
     */
    public static MappingCheck check(Map<String, String> mapping, Inspection inspection, List<String> assets,
                                     String settlementAsset) {
        Map<String, String> unknown = new TreeMap<>();
        Map<String, List<String>> byAsset = new TreeMap<>();
        mapping.forEach((s, a) -> {
            if (!assets.contains(a)) {
                unknown.put(s, a);
            } else {
                byAsset.computeIfAbsent(a, x -> new ArrayList<>()).add(s);
            }
        });
        List<String> unpriced = assets.stream().filter(a -> !a.equals(settlementAsset) && !byAsset.containsKey(a))
                .toList();
        List<String> unmapped = inspection.priceSymbols().stream().filter(s -> !mapping.containsKey(s)).toList();
        Map<String, List<String>> combined = new TreeMap<>();
        byAsset.forEach((a, ss) -> {
            if (ss.size() > 1) {
                combined.put(a, ss.stream().sorted().toList());
            }
        });
        return new MappingCheck(unpriced, unknown, unmapped, combined,
                byAsset.values().stream().mapToInt(List::size).sum());
    }

    /**
     * Writes a scenario replaying the files over the book, read back whole before it replaces the target.
     *
     * @param inspection the files, inspected
     * @param bookFile   the book
     * @param mapping    feed symbol → asset (checked: {@link MappingCheck#ok()})
     * @param name       the scenario's name
     * @param target     the scenario file to write
     * @return the target
     * @throws IllegalArgumentException when the mapping maps nothing or names an asset the book does not have
     * @throws InputException           when the scenario written cannot be read, naming the place
     */
    public static Path write(Inspection inspection, Path bookFile, Map<String, String> mapping, String name,
                             Path target) {
        List<String> assets = bookAssets(bookFile);
        MappingCheck check = check(mapping, inspection, assets, "USDC");
        if (!check.ok()) {
            throw new IllegalArgumentException(String.join("; ", check.messages()));
        }
        Path folder = target.toAbsolutePath().getParent();
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("format", 1);
        t.put("name", name);
        t.put("book", ref(folder, bookFile));
        t.put("settlementAsset", assets.contains("USDC") ? "USDC" : assets.getFirst());
        ObjectNode window = t.putObject("window");
        window.put("startMs", inspection.startMs());
        window.put("endMs", inspection.endMs());
        ArrayNode feeds = t.putArray("feeds");
        for (RecordedFile f : inspection.files()) {
            if (!f.format().equals(RecordedFormat.DEPTH.optionName())) {
                feeds.addObject().put("file", ref(folder, f.path())).put("format", f.format());
            }
        }
        Map<String, List<String>> byAsset = new TreeMap<>();
        new TreeMap<>(mapping).forEach((s, a) -> byAsset.computeIfAbsent(a, x -> new ArrayList<>()).add(s));
        ObjectNode symbols = t.putObject("symbols");
        ObjectNode sources = JsonNodeFactory.instance.objectNode();
        byAsset.forEach((a, ss) -> {
            if (ss.size() == 1) {
                symbols.put(ss.getFirst(), a);
            } else {
                ArrayNode median = sources.putObject(a).putArray("median");
                ss.forEach(median::add);
            }
        });
        if (!sources.isEmpty()) {
            t.set("priceSources", sources);
        }
        return CheckedScenarioFile.write(new ScenarioDocument(folder, t), target);
    }

    /** @return the file as the scenario names it: relative to its folder when they share a root, else absolute */
    private static String ref(Path folder, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!java.util.Objects.equals(abs.getRoot(), folder.getRoot())) {
            return abs.toString();
        }
        return folder.relativize(abs).toString().replace('\\', '/');
    }
}
