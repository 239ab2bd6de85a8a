package io.solvent.app.cli;

import io.solvent.engine.feed.FeedInspection;
import io.solvent.engine.feed.FeedInspector;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedOptions;
import io.solvent.engine.io.journal.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.HashSet;
import java.util.Set;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.io.FeedInspectionWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code solvent feed inspect FILE... [--map SYMBOL=ASSET ...]}: what recorded files hold, as one JSON document. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints what recorded feed files hold, as one JSON document.",
            "",
            "For every price series (by feed symbol): events (four per bar), first and",
            "last time, the lowest and highest price with the first time each was",
            "reached, and the gaps: holes longer than twice the series' usual spacing",
            "(the median difference between consecutive distinct timestamps). Depth",
            "files are listed under \"depth\" (events, times, gaps). Several files make",
            "one document; a symbol in several files is one series. Times in ms since",
            "the epoch (UTC); a bar's four events carry its open time.",
            "Bad input is reported as FILE: line N: PROBLEM on standard error, with",
            "exit status 2."
        })
public final class FeedInspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "recorded files: ticks, bars, trades, Binance klines, sampled index or depth CSV, or journals"
                    + " (*.jsonl)"
                    + " written by solvent record")
    List<Path> files;

    @Option(names = "--map", paramLabel = "SYMBOL=ASSET",
            description = "map a feed symbol to an asset (repeatable); with a map, every symbol must be mapped and"
                    + " each series gets an \"asset\" field")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "read every file as this format instead of detecting it: ticks, bars, trades,"
                    + " binance-klines, binance-klines-symbol, index, depth")
    RecordedFormat format;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "the symbol of Binance klines files (default: from the file name, e.g. BTCUSDT-1m-2020-03.csv)")
    String symbol;

    @Option(names = "--min-gap", paramLabel = "MS", defaultValue = "0",
            description = "list only holes also longer than MS milliseconds (default ${DEFAULT-VALUE}: twice the"
                    + " usual spacing alone decides; useful for trades, whose spacing is irregular)")
    long minGapMs;

    @Option(names = "--compact", description = "print the document on one line")
    boolean compact;

    @Spec
    CommandSpec spec;

    private static final Logger LOG = LoggerFactory.getLogger(FeedInspectCommand.class);
    private final Set<String> warned = new HashSet<>();

    @Override
    public Integer call() {
        RecordedFeedOptions options = RecordedFeedOptions.DETECT.withFormat(format).withSymbol(symbol)
                .withSymbolMap(map);
        if (minGapMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-gap must be >= 0, was " + minGapMs);
        }
        FeedInspection inspection = FeedInspector.inspect(() -> open(options), map, minGapMs);
        // Render fully before printing, so that a failure never leaves half a document on standard output.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        FeedInspectionWriter.write(inspection, buffer, !compact);
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }

    private FeedReader open(RecordedFeedOptions options) {
        List<FeedReader> readers = new ArrayList<>(files.size());
        try {
            for (Path f : files) {
                readers.add(isJournal(f) ? JournalReader.open(f, this::warn) : RecordedFeedReader.open(f, options));
            }
        } catch (RuntimeException e) {
            readers.forEach(FeedReader::close);
            throw e;
        }
        return new MergedFeedReader(readers);
    }

    /** A recorded journal ({@code solvent record}'s JSON lines), unless a CSV format was asked for. */
    private boolean isJournal(Path f) {
        return format == null && f.getFileName() != null && f.getFileName().toString().endsWith(".jsonl");
    }

    private void warn(String message) {
        LOG.warn(message);
        if (warned.add(message)) { // the inspector reads each file twice; say it once
            spec.commandLine().getErr().println("solvent: warning: " + message);
        }
    }

    /** {@code --format NAME}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<RecordedFormat> {
        @Override
        public RecordedFormat convert(String value) {
            try {
                return RecordedFormat.ofOptionName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
