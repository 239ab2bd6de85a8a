package io.solvent.app.cli;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.feed.live.ClientContext;
import io.solvent.engine.feed.live.ConnectionPolicy;
import io.solvent.engine.feed.live.LiveEventQueue;
import io.solvent.engine.feed.live.LiveFeedClient;
import io.solvent.engine.io.journal.BinanceFuturesParser;
import io.solvent.engine.io.journal.JournalWriter;
import io.solvent.engine.io.journal.JsonMessageDecoder;
import io.solvent.engine.io.journal.PythHermesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code solvent record --source binance-futures --symbols BTCUSDT,ETHUSDT --out FILE.jsonl}: records a live source
 * to a journal, headless, until stopped (SIGINT, SIGTERM) or for {@code --duration}.
 */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Records a live price source to a journal (JSON lines), until stopped or for --duration.",
            "",
            "Every message received is appended as it arrives, one line {\"t\": ms, \"source\": ..., \"msg\": {...}},"
                + " with the connection's status changes; a crash loses at most the line being written. The client"
                + " reconnects with backoff. Ctrl-C (SIGINT) or SIGTERM stops it cleanly. Appends to an existing FILE.",
            "",
            "While standard error is a terminal, a status line is printed every few seconds.",
            "Bad options are reported on standard error with exit status 2."
        })
public final class RecordCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCommand.class);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "binance-futures (WebSocket: <symbol>@markPrice@1s and <symbol>@forceOrder) or pyth "
                    + "(Hermes server-sent events)")
    String source;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
            description = "binance-futures: venue symbols, such as BTCUSDT,ETHUSDT (at most 512)")
    List<String> symbols;

    @Option(names = "--ids", split = ",", paramLabel = "ID[=NAME]",
            description = "pyth: feed ids (64 hex digits, 0x optional), each optionally named: ID=BTC/USD")
    List<String> ids;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "the journal; appended to")
    Path out;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "the server, for a test server or a mirror (default: the venue's public endpoint; "
                    + "ws:// or wss:// for binance-futures, http:// or https:// for pyth)")
    String endpoint;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop after this long: 90s, 10m, 2h, 1d, 500ms or ISO-8601 (PT10M); default: until stopped")
    Duration duration;

    @Option(names = "--sync", description = "force every line to the disk (fsync), surviving a power loss too")
    boolean sync;

    @Option(names = "--status-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s", description = "how often the status line is printed on a terminal (default: 5s)")
    Duration statusEvery;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8",
            description = "give up after N connections in a row without a message (refused, rejected, timed out, "
                    + "dropped), waiting with backoff between them; 0: never (default: 8, about 30 to 60 s)")
    int maxAttempts;

    @Spec
    CommandSpec spec;

    private final Object stopLock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private LiveFeedClient client;
    private JournalWriter journal;
    private boolean closed;

    /** Parses {@code 90s}, {@code 10m}, ... or ISO-8601 durations. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not a duration; expected such as 90s, 10m, 2h, 1d, 500ms or PT10M");
                }
            }
            if (d.isNegative() || d.isZero()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
            }
            return d;
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private LiveFeedClient buildClient(ClientContext context) {
        try {
            switch (source) {
                case BinanceFuturesParser.SOURCE -> {
                    if (symbols == null || symbols.isEmpty() || ids != null) {
                        throw bad("--source binance-futures needs --symbols (and no --ids)");
                    }
                    return LiveFeedClient.binanceFutures(uri(LiveFeedClient.BINANCE_FUTURES_ENDPOINT), symbols,
                            context);
                }
                case PythHermesParser.SOURCE -> {
                    if (ids == null || ids.isEmpty() || symbols != null) {
                        throw bad("--source pyth needs --ids (and no --symbols)");
                    }
                    Map<String, String> named = new LinkedHashMap<>();
                    for (String item : ids) {
                        int eq = item.indexOf('=');
                        String id = (eq < 0 ? item : item.substring(0, eq)).trim();
                        if (named.put(id, eq < 0 ? "" : item.substring(eq + 1).trim()) != null) {
                            throw bad("--ids: feed id " + id + " given twice");
                        }
                    }
                    return LiveFeedClient.pyth(uri(LiveFeedClient.PYTH_HERMES_ENDPOINT), named, context);
                }
                default -> throw bad("--source: unknown source '" + source + "'; expected "
                        + BinanceFuturesParser.SOURCE + " or " + PythHermesParser.SOURCE);
            }
        } catch (IllegalArgumentException e) {
            throw bad((source.equals(PythHermesParser.SOURCE) ? "--ids" : "--symbols") + " or --endpoint: "
                    + e.getMessage());
        }
    }

    private URI uri(URI fallback) {
        if (endpoint == null) {
            return fallback;
        }
        try {
            return new URI(endpoint);
        } catch (URISyntaxException e) {
            throw bad("--endpoint: '" + endpoint + "' is not a URL: " + e.getReason());
        }
    }

    @Override
    public Integer call() {
        if (maxAttempts < 0) {
            throw bad("--max-attempts: " + maxAttempts + " is negative; expected a count >= 0 (0: never give up)");
        }
        if (Files.isDirectory(out)) {
            throw bad("--out: " + out + " is a directory; expected a journal file");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw bad("--out: " + io.solvent.engine.input.Folders.whyNotAFolder(parent));
        }
        PrintWriter err = spec.commandLine().getErr();
        LiveEventQueue queue = new LiveEventQueue();
        // A fresh seed per session: jitter exists to keep many recorders from reconnecting in step.
        SplittableRandom random = new SplittableRandom();
        ClientContext probe = new ClientContext(queue, null, JsonMessageDecoder.DECODERS, ConnectionPolicy.DEFAULT,
                InstantSource.system(), random::nextDouble);
        buildClient(probe); // validates every option before the journal is touched
        try {
            journal = JournalWriter.open(out, sync, w -> {
                LOG.warn(w);
                err.println("solvent: warning: " + w);
            });
        } catch (UncheckedIOException e) {
            err.println("solvent: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        client = buildClient(new ClientContext(queue, journal, JsonMessageDecoder.DECODERS,
                ConnectionPolicy.DEFAULT.withMaxFailedAttempts(maxAttempts), InstantSource.system(),
                random::nextDouble));
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            stop("signal");
            try {
                finished.await(2, TimeUnit.SECONDS); // let the main thread print its summary before the JVM halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("recording {} from {} to {}", source, client.endpoint(), out);
        client.start();

        boolean terminal = System.console() != null && System.console().isTerminal();
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long nextStatus = start + statusEvery.toNanos();
        Counts counts = new Counts();
        try {
            while (System.nanoTime() < deadline) {
                if (stopped.await(100, TimeUnit.MILLISECONDS) || client.stats().gaveUp()) {
                    break;
                }
                queue.drain(counts::add, Integer.MAX_VALUE);
                if (terminal && System.nanoTime() >= nextStatus) {
                    nextStatus += statusEvery.toNanos();
                    err.println(statusLine(counts, System.nanoTime() - start));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(client.stats().gaveUp() ? "gave up connecting" : "end of --duration");
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook has run
        }
        queue.drain(counts::add, Integer.MAX_VALUE);
        LiveFeedClient.Stats st = client.stats();
        if (st.gaveUp() || st.connections() == 0) {
            try {
                return unreachable(err, st);
            } finally {
                finished.countDown();
            }
        }
        err.println("solvent: recorded " + st.messages() + " messages (" + st.unparsed() + " not understood) from "
                + source + " to " + out + "; " + counts.prices + " prices, " + counts.liquidations + " liquidations, "
                + st.disconnects() + " disconnects");
        err.flush();
        try {
            if (!st.journalError().isEmpty()) {
                err.println("solvent: the journal could not be written: " + st.journalError());
                return ExitCodes.INTERNAL;
            }
            return ExitCodes.OK;
        } finally {
            finished.countDown();
        }
    }

    /**
     * The end of a session that gave up, or that never connected before its --duration ran out: one line naming the
     * URL and what happened. Exit status 2 when the server answered and refused the request (an HTTP status other than
     * a server error, or a WebSocket handshake without the switch of protocol: the endpoint or the subscription is
     * wrong), else 4 (refused, timed out, dropped, a server error: the source is unavailable).
     */
    private int unreachable(PrintWriter err, LiveFeedClient.Stats st) {
        int status = st.rejectedStatus();
        boolean badInput = status > 0 && status < 500;
        String cause = st.lastProblem().isEmpty() ? "no connection yet" : st.lastProblem();
        err.println("solvent: cannot record " + source + " from " + client.endpoint() + ": " + cause
                + (st.gaveUp() ? "; gave up after " + st.failedAttempts() + " attempts"
                        : "; no connection before the end of --duration")
                + " (the DISCONNECTED note is in " + out + ")");
        err.flush();
        LOG.warn("recording {} from {} failed: {}", source, client.endpoint(), cause);
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.UNAVAILABLE;
    }

    /** Stops the client and closes the journal, once, from the main thread or the shutdown hook. */
    private void stop(String why) {
        synchronized (stopLock) {
            if (closed) {
                return;
            }
            closed = true;
            LOG.info("stopping the recorder ({})", why);
            stopped.countDown();
            try {
                client.close();
            } finally {
                journal.close();
            }
        }
    }

    private String statusLine(Counts c, long elapsedNanos) {
        LiveFeedClient.Stats st = client.stats();
        long s = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
        return String.format(Locale.ROOT, "record %s %02d:%02d:%02d %s: %d messages (%d not understood), %d prices, "
                        + "%d liquidations, %d disconnects, %d lines", source, s / 3600, s / 60 % 60, s % 60,
                st.state(), st.messages(), st.unparsed(), c.prices, c.liquidations, st.disconnects(), journal.lines());
    }

    private static final class Counts {
        long prices;
        long liquidations;

        void add(FeedEvent e) {
            switch (e) {
                case PriceEvent p -> prices++;
                case VenueLiquidationEvent l -> liquidations++;
                case SourceStatusEvent s -> LOG.info("{} {}: {}", s.source(), s.status(), s.reason());
                default -> {
                }
            }
        }
    }
}
