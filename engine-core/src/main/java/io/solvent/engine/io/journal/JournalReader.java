package io.solvent.engine.io.journal;

import io.solvent.engine.feed.live.MessageDecoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.input.InputException;
import io.solvent.engine.input.LineReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Replays a journal written by {@link JournalWriter} through the same {@link JsonMessageDecoder}s as the live clients,
 * streaming one line at a time.
 *
 * <p>Events come in the order the messages arrived. Price and liquidation events carry the venue's timestamps
 * (Binance event or trade time, Pyth publish time) and status events the recorder's clock, so across sources and
 * symbols timestamps may step back by the network delay; a consumer that needs strict time order sorts within a
 * small window.
 *
 * <p>Messages that were not understood when they arrived (garbage) are skipped again and counted in
 * {@link #unparsedMessages()}. A line that is not a journal line at all is an {@link InputException} naming the file
 * and line — except the last line, which a crash may have left incomplete: it is skipped and reported to the warning
 * listener.
 */
public final class JournalReader implements FeedReader {
    private final String name;
    /** The longest journal line read, in characters: a venue message is a few KB. */
    public static final int MAX_LINE = 1 << 20;

    private final LineReader in;
    private final Consumer<String> warnings;
    private final Map<String, JsonMessageDecoder> decoders = new LinkedHashMap<>();
    private final ArrayDeque<FeedEvent> pending = new ArrayDeque<>();
    private String lookahead;
    private int lineNumber;
    private long unparsed;
    private long messages;
    private boolean ended;

    private JournalReader(String name, LineReader in, Consumer<String> warnings) {
        this.name = name;
        this.in = in;
        this.warnings = warnings;
        decoders.put(BinanceFuturesParser.SOURCE, JsonMessageDecoder.binanceFutures());
        decoders.put(PythHermesParser.SOURCE, JsonMessageDecoder.pyth(Map.of()));
    }

    /**
     * @param file     the journal
     * @param warnings receives one sentence per recoverable problem (an incomplete last line), naming file and line
     * @return a reader positioned before the first line
     * @throws InputException when the file cannot be opened
     */
    public static JournalReader open(Path file, Consumer<String> warnings) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a directory; expected a journal (JSON lines)", null);
        }
        try {
            // Malformed UTF-8 becomes U+FFFD rather than an error: a crash may cut the last line inside a character.
            LineReader reader = new LineReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8), MAX_LINE);
            JournalReader r = new JournalReader(source, reader, warnings);
            r.lookahead = r.readLine();
            return r;
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (LineReader.LineTooLongException e) {
            throw new InputException(name, "line " + (lineNumber + 1), "is longer than " + MAX_LINE
                    + " characters; not a journal line", e);
        } catch (IOException e) {
            throw new InputException(name, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public FeedEvent next() {
        while (pending.isEmpty()) {
            if (ended || lookahead == null) {
                ended = true;
                return null;
            }
            String line = lookahead;
            lineNumber++;
            lookahead = readLine();
            readJournalLine(line, lookahead == null);
        }
        return pending.poll();
    }

    private void readJournalLine(String line, boolean last) {
        String place = "line " + lineNumber;
        JsonNode node;
        String problem = null;
        try {
            node = JsonMessageDecoder.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            node = null;
            problem = "invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
        }
        if (problem == null) {
            problem = shapeProblem(node);
        }
        if (problem != null) {
            if (last) {
                warnings.accept(name + ": " + place + ": skipped an incomplete last line (" + problem
                        + "), as a crash of the recorder leaves it");
                ended = true;
                return;
            }
            throw new InputException(name, place, problem + "; expected {\"t\": ms, \"source\": \"...\", "
                    + "\"msg\": {...}}", null);
        }
        long t = node.get("t").longValue();
        String source = node.get("source").asText();
        JsonNode msg = node.get("msg");
        if (source.equals(JournalWriter.NOTE_SOURCE)) {
            note(t, msg, place);
            return;
        }
        JsonMessageDecoder decoder = decoders.get(source);
        if (decoder == null) {
            throw new InputException(name, place + ", $.source", "unknown source '" + source + "'; expected one of "
                    + String.join(", ", decoders.keySet()) + " or " + JournalWriter.NOTE_SOURCE, null);
        }
        messages++;
        MessageDecoder.Decoded d = decoder.decodeRecorded(msg);
        if (!d.understood()) {
            unparsed++;
        }
        pending.addAll(d.events());
    }

    private static String shapeProblem(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        JsonNode t = node.get("t");
        if (t == null || !t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0) {
            return "$.t is missing or not a non-negative integer (ms)";
        }
        JsonNode s = node.get("source");
        if (s == null || !s.isTextual() || s.asText().isEmpty()) {
            return "$.source is missing or not a string";
        }
        if (!node.has("msg")) {
            return "$.msg is missing";
        }
        return null;
    }

    private void note(long t, JsonNode msg, String place) {
        if (msg.has("status")) {
            SourceStatusEvent.Status status;
            try {
                status = SourceStatusEvent.Status.valueOf(msg.path("status").asText());
            } catch (IllegalArgumentException e) {
                throw new InputException(name, place + ", $.msg.status", "is '" + msg.path("status").asText()
                        + "'; expected CONNECTED, STALE or DISCONNECTED", e);
            }
            pending.add(SourceStatusEvent.of(t, msg.path("of").asText(), status, msg.path("reason").asText()));
        } else if (msg.has("session")) {
            JsonNode session = msg.get("session");
            if (PythHermesParser.SOURCE.equals(session.path("source").asText())) {
                Map<String, String> names = new LinkedHashMap<>();
                session.path("names").properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
                decoders.put(PythHermesParser.SOURCE, JsonMessageDecoder.pyth(names));
            }
        } else {
            throw new InputException(name, place + ", $.msg", "is not a recorder note; expected a \"status\" or "
                    + "\"session\" field", null);
        }
    }

    /** @return how many received messages (note lines excluded) the reader has replayed so far */
    public long messages() {
        return messages;
    }

    /** @return how many of those the parsers did not understand (they were skipped, as the live client did) */
    public long unparsedMessages() {
        return unparsed;
    }

    @Override
    public void close() {
        ended = true;
        pending.clear();
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
