package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.SourceStatusEvent.Status;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A live source: keeps one connection to a venue open, decodes every message with the same
 * {@link MessageDecoder} the journal replay uses, records it to the journal as it arrives, and offers its events to
 * a {@link LiveEventQueue} for the engine thread. Runs on its own daemon thread; nothing it does waits on the
 * consumer.
 *
 * <p>Connection life: when a connection opens the client emits a {@link Status#CONNECTED} status event; after
 * {@link ConnectionPolicy#staleAfterMs()} of silence a {@link Status#STALE} one (and {@code CONNECTED} again when
 * messages resume); after {@link ConnectionPolicy#idleTimeoutMs()} of silence, or when the peer closes or the
 * connection fails, a {@link Status#DISCONNECTED} one, then it reconnects after the {@link Backoff} wait (the
 * attempt count restarts once a connection has delivered a message). A connection older than
 * {@link ConnectionPolicy#maxConnectionMs()} is replaced at once, without backoff, before the venue's 24 h limit.
 * Status events go to the queue and to the journal. Every connection attempt that fails before the connection opens
 * emits a {@code DISCONNECTED} status naming the URL, the cause and the attempt ("cannot connect to URL: connection
 * refused (attempt 3)"), so that an endpoint that can never be reached leaves its reason in the journal, and the
 * engine's time moves on while the source is down (one status per backoff wait). After
 * {@link ConnectionPolicy#maxFailedAttempts()} connections in a row without a message the client gives up: a last
 * {@code DISCONNECTED} status says so, and {@link Stats#gaveUp()} turns true.
 *
 * <p>Messages that are not understood are counted ({@link Stats#unparsed()}), recorded, and otherwise ignored.
 */
public final class LiveFeedClient implements AutoCloseable {
    /** Binance's documented limit of streams on one WebSocket connection. */
    public static final int BINANCE_MAX_STREAMS_PER_CONNECTION = 1024;
    /** Binance USD-M futures market streams. */
    public static final URI BINANCE_FUTURES_ENDPOINT = URI.create("wss://fstream.binance.com");
    /** Pyth's public Hermes service. */
    public static final URI PYTH_HERMES_ENDPOINT = URI.create("https://hermes.pyth.network");

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern FEED_ID = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    /**
     * Counters of a client since it started.
     *
     * @param messages       text messages received
     * @param unparsed       of those, messages the parser did not understand
     * @param unreadable     frames that were not text messages (binary), counted and not recorded
     * @param events         events offered to the queue, status events included
     * @param connections    connections opened
     * @param disconnects    connections lost or replaced
     * @param state          the current state
     * @param lastProblem    the last reason for a disconnect or an unparsed message, or empty
     * @param journalError   the first journal write failure, or empty; the client keeps feeding the queue
     * @param failedAttempts connections in a row, up to now, that ended without delivering a message (refused,
     *                       rejected, timed out, or opened and dropped before any message); 0 after a message
     * @param rejectedStatus the HTTP status with which the server refused the last connection attempt (an event
     *                       stream answered with 404, a WebSocket handshake answered without 101), or 0 when the
     *                       last attempt was not refused that way
     * @param gaveUp         whether the client stopped trying ({@link ConnectionPolicy#maxFailedAttempts()})
     */
    public record Stats(long messages, long unparsed, long unreadable, long events, long connections,
                        long disconnects, Status state, String lastProblem, String journalError, int failedAttempts,
                        int rejectedStatus, boolean gaveUp) {
    }

    private final String source;
    private final Transport transport;
    private final MessageDecoder decoder;
    private final ClientContext context;
    private final Map<String, String> sessionNames;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object lock = new Object();
    private Thread thread;
    private ScheduledExecutorService watchdog;

    // guarded by lock
    private Status state = Status.DISCONNECTED;
    private boolean up;
    private boolean closed;
    private long connectedAtMs;
    private long lastMessageMs;
    private boolean receivedSinceOpen;
    private String abortReason;
    private boolean rotating;
    private long messages;
    private long unparsed;
    private long unreadable;
    private long events;
    private long connections;
    private long disconnects;
    private String lastProblem = "";
    private String journalError = "";
    private int failedAttempts;
    private int rejectedStatus;
    private boolean gaveUp;

    LiveFeedClient(String source, Transport transport, MessageDecoder decoder, ClientContext context,
                   Map<String, String> sessionNames) {
        this.source = source;
        this.transport = transport;
        this.decoder = decoder;
        this.context = context;
        this.sessionNames = Map.copyOf(sessionNames);
    }

    /**
     * A Binance USD-M futures client on the combined-stream endpoint {@code BASE/stream?streams=...}, subscribed to
     * {@code <symbol>@markPrice@1s} and {@code <symbol>@forceOrder} for every symbol.
     *
     * @param base    the endpoint, such as {@link #BINANCE_FUTURES_ENDPOINT} or a test server's {@code ws://} address
     * @param symbols venue symbols such as {@code BTCUSDT}, at most {@value #BINANCE_MAX_STREAMS_PER_CONNECTION}/2
     * @param context queue, journal, policy, clock and jitter
     * @return a client, not yet started
     * @throws IllegalArgumentException for a bad symbol, no symbols, too many, or a base that is not ws(s)
     */
    public static LiveFeedClient binanceFutures(URI base, List<String> symbols, ClientContext context) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols given");
        }
        if (symbols.size() * 2 > BINANCE_MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException(symbols.size() + " symbols need " + symbols.size() * 2
                    + " streams; Binance allows " + BINANCE_MAX_STREAMS_PER_CONNECTION + " per connection");
        }
        requireScheme(base, "ws", "wss");
        List<String> streams = new ArrayList<>();
        for (String s : symbols) {
            if (!SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException("bad symbol '" + s + "'; expected letters, digits or _");
            }
            String lower = s.toLowerCase(Locale.ROOT);
            streams.add(lower + "@markPrice@1s");
            streams.add(lower + "@forceOrder");
        }
        URI uri = URI.create(stripSlash(base) + "/stream?streams=" + String.join("/", streams));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(context.policy().connectTimeoutMs())).build();
        MessageDecoder decoder = context.decoders().binanceFutures();
        return new LiveFeedClient(decoder.source(),
                new BinanceWebSocketTransport(http, uri, context.policy().connectTimeoutMs()), decoder, context,
                Map.of());
    }

    /**
     * A Pyth Hermes client on the server-sent-events stream {@code BASE/v2/updates/price/stream?ids[]=...}.
     *
     * @param base    the endpoint, such as {@link #PYTH_HERMES_ENDPOINT} or a test server's {@code http://} address
     * @param ids     feed id (64 hex digits, with or without {@code 0x}) to symbol, in subscription order; an empty
     *                symbol names the feed by its id
     * @param context queue, journal, policy, clock and jitter
     * @return a client, not yet started
     * @throws IllegalArgumentException for a bad id, no ids, or a base that is not http(s)
     */
    public static LiveFeedClient pyth(URI base, Map<String, String> ids, ClientContext context) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no feed ids given");
        }
        requireScheme(base, "http", "https");
        StringBuilder query = new StringBuilder();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (!FEED_ID.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("bad Pyth feed id '" + e.getKey() + "'; expected 64 hex digits");
            }
            String id = canonicalFeedId(e.getKey());
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                names.put(id, e.getValue());
            }
            query.append(query.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode("ids[]", StandardCharsets.UTF_8)).append('=').append(id);
        }
        query.append("&parsed=true");
        URI uri = URI.create(stripSlash(base) + "/v2/updates/price/stream" + query);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(context.policy().connectTimeoutMs())).build();
        MessageDecoder decoder = context.decoders().pyth(names);
        return new LiveFeedClient(decoder.source(),
                new HermesSseTransport(http, uri, context.policy().connectTimeoutMs()), decoder, context, names);
    }

    /** @param id a Pyth feed id, with or without {@code 0x} @return it lowercase without {@code 0x}, as Hermes sends it */
    static String canonicalFeedId(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    private static void requireScheme(URI base, String... schemes) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of(schemes).contains(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("endpoint '" + base + "' is not a " + String.join(" or ", schemes)
                    + " URL with a host");
        }
    }

    private static String stripSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @return the source name its events carry */
    public String source() {
        return source;
    }

    /** @return the URL it connects to */
    public String endpoint() {
        return transport.endpoint();
    }

    /** Starts connecting, on a daemon thread, and records the session in the journal. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            if (context.journal() != null) {
                try {
                    context.journal().appendSession(context.clock().millis(), source, sessionNames);
                } catch (UncheckedIOException e) {
                    journalError = e.getMessage();
                }
            }
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("solvent-feed-" + source + "-watchdog").unstarted(r));
            long period = context.policy().watchdogPeriodMs();
            watchdog.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
            thread = Thread.ofPlatform().daemon().name("solvent-feed-" + source).start(this::loop);
        }
    }

    private void loop() {
        int attempt = 0;
        while (true) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                abortReason = null;
                rotating = false;
                transport.reset();
                receivedSinceOpen = false;
            }
            String failure;
            int rejected = 0;
            try {
                transport.run(session);
                failure = "the server closed the connection";
            } catch (EndpointRejectedException e) {
                failure = e.getMessage();
                rejected = e.status();
            } catch (Exception e) {
                failure = describe(e, context.policy().connectTimeoutMs());
            }
            boolean rotate;
            boolean delivered;
            synchronized (lock) {
                String reason = closed ? "client closed" : abortReason != null ? abortReason : failure;
                rotate = rotating;
                delivered = receivedSinceOpen;
                boolean wasUp = up;
                if (up) {
                    up = false;
                    disconnects++;
                    emit(Status.DISCONNECTED, reason);
                }
                lastProblem = reason;
                if (closed) {
                    return;
                }
                rejectedStatus = rejected;
                failedAttempts = delivered || rotate ? 0 : failedAttempts + 1;
                int max = context.policy().maxFailedAttempts();
                String where = wasUp ? "" : "cannot connect to " + transport.endpoint() + ": ";
                if (max > 0 && failedAttempts >= max) {
                    gaveUp = true;
                    emit(Status.DISCONNECTED, "gave up after " + failedAttempts + " connection attempts in a row"
                            + " without a message; the last: " + where + reason);
                    return;
                }
                if (!wasUp) {
                    // every attempt that fails to connect is a note: the journal shows the outage, and the engine's
                    // time moves on with it, so that the oracles' prices age while the source is down
                    emit(Status.DISCONNECTED, where + reason + " (attempt " + failedAttempts + ")");
                }
            }
            long wait;
            if (rotate) {
                wait = 0;
                attempt = 0;
            } else {
                if (delivered) {
                    attempt = 0;
                }
                wait = context.policy().backoff().delayMs(attempt, context.jitter());
                attempt = Math.min(attempt + 1, 62);
            }
            try {
                if (closing.await(wait, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return a failed attempt's cause in words: "connection refused", "no connection within 10000 ms", ... */
    private static String describe(Throwable e, long connectTimeoutMs) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof java.net.ConnectException && !(t instanceof java.net.http.HttpConnectTimeoutException)) {
            return "connection refused";
        }
        if (t instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + connectTimeoutMs + " ms";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }

    private final Transport.Session session = new Transport.Session() {
        @Override
        public void opened() {
            synchronized (lock) {
                long now = context.clock().millis();
                up = true;
                connections++;
                connectedAtMs = now;
                lastMessageMs = now;
                emit(Status.CONNECTED, "connected to " + transport.endpoint());
            }
        }

        @Override
        public void message(String text) {
            synchronized (lock) {
                long now = context.clock().millis();
                lastMessageMs = now;
                receivedSinceOpen = true;
                messages++;
                MessageDecoder.Decoded d = decoder.decode(text);
                if (!d.understood()) {
                    unparsed++;
                    lastProblem = "unparsed message: " + d.problem();
                }
                if (context.journal() != null) {
                    try {
                        context.journal().append(now, source, d);
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (journalError.isEmpty()) {
                            journalError = e.getMessage();
                        }
                    }
                }
                if (state == Status.STALE) {
                    emit(Status.CONNECTED, "receiving again");
                }
                for (FeedEvent e : d.events()) {
                    events++;
                    context.queue().offer(e);
                }
            }
        }

        @Override
        public void unreadable(String what) {
            synchronized (lock) {
                lastMessageMs = context.clock().millis();
                unreadable++;
                lastProblem = "unreadable frame: " + what;
            }
        }
    };

    /** Emits a status event to the journal and the queue; caller holds the lock. */
    private void emit(Status status, String reason) {
        state = status;
        SourceStatusEvent e = SourceStatusEvent.of(context.clock().millis(), source, status, reason);
        if (context.journal() != null) {
            try {
                context.journal().appendStatus(e);
            } catch (UncheckedIOException | IllegalStateException x) {
                if (journalError.isEmpty()) {
                    journalError = x.getMessage();
                }
            }
        }
        events++;
        context.queue().offer(e);
    }

    /** The watchdog: silence and connection age. */
    private void check() {
        boolean abort = false;
        synchronized (lock) {
            if (!up || closed || abortReason != null) {
                return;
            }
            long now = context.clock().millis();
            long silent = now - lastMessageMs;
            ConnectionPolicy p = context.policy();
            if (silent >= p.idleTimeoutMs()) {
                abortReason = "no message for " + silent + " ms (idle timeout " + p.idleTimeoutMs() + " ms)";
                abort = true;
            } else if (now - connectedAtMs >= p.maxConnectionMs()) {
                abortReason = "replacing a connection " + (now - connectedAtMs) + " ms old (limit "
                        + p.maxConnectionMs() + " ms, before the venue's 24 h)";
                rotating = true;
                abort = true;
            } else if (silent >= p.staleAfterMs() && state == Status.CONNECTED) {
                emit(Status.STALE, "no message for " + silent + " ms");
            }
        }
        if (abort) {
            transport.abort();
        }
    }

    /** @return the counters so far */
    public Stats stats() {
        synchronized (lock) {
            return new Stats(messages, unparsed, unreadable, events, connections, disconnects, state, lastProblem,
                    journalError, failedAttempts, rejectedStatus, gaveUp);
        }
    }

    /**
     * Stops: closes the connection, emits a final {@code DISCONNECTED} status when connected, and waits up to the
     * connect timeout for the client's thread to end. Does not close the journal or the queue. Idempotent.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        closing.countDown();
        transport.abort();
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (t != null) {
            try {
                t.join(Math.max(1000, context.policy().connectTimeoutMs()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            if (up) {
                up = false;
                disconnects++;
                emit(Status.DISCONNECTED, "client closed");
            }
        }
    }
}
