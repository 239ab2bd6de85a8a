package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.input.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the events of one recorded file (any {@link RecordedFormat}) in non-decreasing time order, in bounded
 * memory: nothing is loaded whole.
 *
 * <p><b>Ordering rule.</b> Each symbol's lines must be in time order within the file (non-decreasing; strictly
 * increasing for bars and klines, where a repeated open time is a duplicate bar); the file as a whole need not be. The
 * shared multi-symbol files hold one block per symbol (all of BTCUSDT, then all of ETHUSDT), which this accepts, while
 * a symbol going back in time is an error naming both lines. To still deliver one time-ordered stream, opening a file
 * scans it once (timestamps and symbols only, checking order, symbols and column counts) and cuts it into
 * <i>runs</i>, maximal stretches of lines in time order; a file in time order is one run, a file of symbol blocks one
 * run per block. The runs are then read side by side, each from its own position in the file, and merged
 * ({@link MergedFeedReader}; equal timestamps keep file order). Memory grows with the number of runs (at most
 * {@value #MAX_RUNS}, about 40 KB each) and the number of symbols, never with the number of lines.
 *
 * <p><b>Errors</b> are {@link InputException}s naming the file and {@code line N}: missing or wrong header, wrong
 * column count, unparseable number, non-positive price, inconsistent bar, a symbol going back in time, a symbol not
 * in the symbol map. Order, symbol and column-count errors are found when the file is opened; the others when their
 * line is read. Blank lines are skipped. Gaps are never filled: a missing minute produces no event.
 */
public final class RecordedFeedReader implements FeedReader {
    /** The most time-ordered runs a file may be cut into. */
    public static final int MAX_RUNS = 256;

    private final RecordedFormat format;
    private final int runs;
    private final FeedReader delegate;

    private RecordedFeedReader(RecordedFormat format, int runs, FeedReader delegate) {
        this.format = format;
        this.runs = runs;
        this.delegate = delegate;
    }

    /**
     * Opens a file, detecting its format.
     *
     * @param file the file; errors name it as given
     * @return the reader, positioned before the first event
     * @throws InputException on bad input
     */
    public static RecordedFeedReader open(Path file) {
        return open(file, RecordedFeedOptions.DETECT);
    }

    /**
     * Opens a file.
     *
     * @param file    the file; errors name it as given
     * @param options format, klines symbol and symbol map
     * @return the reader, positioned before the first event
     * @throws InputException on bad input (found while scanning the file: header, order, symbols, column counts)
     */
    public static RecordedFeedReader open(Path file, RecordedFeedOptions options) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "", "is a directory; expected a recorded CSV file", null);
        }
        String fileName = file.getFileName() == null ? name : file.getFileName().toString();
        RecordedFormatDetector.Layout layout = RecordedFormatDetector.layout(name, fileName, firstLine(file, name),
                options.format());
        RecordedFormat format = layout.format();
        String fixedSymbol = null;
        if (format == RecordedFormat.BINANCE_KLINES) {
            fixedSymbol = options.symbol() != null ? options.symbol()
                    : RecordedFormatDetector.binanceSymbol(fileName).orElseThrow(() -> new InputException(name, "",
                            "cannot tell the symbol of these Binance klines from the file name (expected a name"
                                    + " like BTCUSDT-1m-2020-03.csv); give the symbol explicitly", null));
            if (!options.symbolMap().isEmpty() && !options.symbolMap().containsKey(fixedSymbol)) {
                throw new InputException(name, "", "unknown symbol " + fixedSymbol + ": not in the symbol map "
                        + options.symbolMap().keySet() + " (map it to an asset, e.g. --map " + fixedSymbol
                        + "=ASSET)", null);
            }
        } else if (options.symbol() != null) {
            throw new InputException(name, "", "a symbol can be given only for Binance klines; this " + format
                    + " file names the symbol on every line", null);
        }
        List<Run> runs = scan(file, name, fileName, layout, fixedSymbol, options.symbolMap());
        List<RunCursor> cursors = new ArrayList<>(runs.size());
        try {
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                long end = i + 1 < runs.size() ? runs.get(i + 1).firstLine : Long.MAX_VALUE;
                cursors.add(new RunCursor(file, name, new RowParser(format, layout.columns(), name, fileName,
                        fixedSymbol), r.offset, r.firstLine, end));
            }
        } catch (RuntimeException e) {
            cursors.forEach(RunCursor::close);
            throw e;
        }
        FeedReader delegate = cursors.size() == 1 ? cursors.getFirst() : new MergedFeedReader(cursors);
        return new RecordedFeedReader(format, runs.size(), delegate);
    }

    /** @return the file's format, as chosen or detected */
    public RecordedFormat format() {
        return format;
    }

    /** @return how many time-ordered runs the file was cut into (1 when it is in time order; 0 when it is empty) */
    public int runs() {
        return runs;
    }

    @Override
    public FeedEvent next() {
        return delegate.next();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record Run(long offset, long firstLine) {
    }

    private static String firstLine(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return new LineScanner(in).next(); // bounded: a file without line breaks stops at LineScanner.MAX_LINE
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", "no such file", e);
        } catch (LineScanner.LineTooLongException e) {
            throw new InputException(name, "line 1", "is longer than " + LineScanner.MAX_LINE + " bytes; expected a"
                    + " header line such as " + RecordedFormat.BARS.header(), e);
        } catch (CharacterCodingException e) {
            throw new InputException(name, "line 1", "is not UTF-8 text (a malformed byte sequence); recorded files"
                    + " are UTF-8", e);
        } catch (IOException e) {
            throw new InputException(name, "line 1", "cannot be read: " + e.getMessage() + " (expected UTF-8 text)",
                    e);
        }
    }

    /** Where a symbol last was: its timestamp and line. */
    private static final class Last {
        long timestamp;
        long line;
    }

    private static List<Run> scan(Path file, String name, String fileName, RecordedFormatDetector.Layout layout,
                                  String fixedSymbol, Map<String, String> symbolMap) {
        RecordedFormat format = layout.format();
        boolean strict = format.bars();
        RowParser parser = new RowParser(format, layout.columns(), name, fileName, fixedSymbol);
        Map<String, Last> last = new HashMap<>();
        List<Run> runs = new ArrayList<>();
        long lineNo = 0;
        long previous = Long.MIN_VALUE;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LineScanner lines = new LineScanner(in);
            String line;
            while (true) {
                try {
                    line = lines.next();
                } catch (LineScanner.LineTooLongException e) {
                    throw new InputException(name, "line " + (lineNo + 1), "is longer than " + LineScanner.MAX_LINE
                            + " bytes; not a recorded " + format + " file", e);
                } catch (CharacterCodingException e) {
                    throw new InputException(name, "line " + (lineNo + 1), "is not UTF-8 text (a malformed byte"
                            + " sequence); recorded files are UTF-8", e);
                }
                if (line == null) {
                    break;
                }
                lineNo++;
                if (lineNo == 1 && layout.hasHeader()) {
                    continue;
                }
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                parser.split(line, lineNo);
                long t = parser.timestamp(lineNo);
                String symbol = parser.symbol(lineNo);
                Last l = last.get(symbol);
                if (l == null) {
                    if (!symbolMap.isEmpty() && !symbolMap.containsKey(symbol)) {
                        throw parser.error(lineNo, "unknown symbol " + symbol + ": not in the symbol map "
                                + symbolMap.keySet() + " (map it to an asset, e.g. --map " + symbol + "=ASSET)");
                    }
                    l = new Last();
                    last.put(symbol, l);
                } else if (t < l.timestamp || strict && t == l.timestamp) {
                    throw parser.error(lineNo, t == l.timestamp
                            ? "duplicate bar: " + symbol + " at " + t + " already on line " + l.line
                            : "out of order: " + symbol + " at " + t + " is before " + l.timestamp + " on line "
                                    + l.line + " (each symbol's lines must be in time order)");
                }
                l.timestamp = t;
                l.line = lineNo;
                if (t < previous || runs.isEmpty()) {
                    if (runs.size() == MAX_RUNS) {
                        throw parser.error(lineNo, "the file goes back in time more than " + (MAX_RUNS - 1)
                                + " times (symbols interleaved out of time order); sort it by timestamp");
                    }
                    runs.add(new Run(lines.lineStart(), lineNo));
                }
                previous = t;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(name, "", "cannot be read: " + e.getMessage(), e);
        }
        return runs;
    }
}
