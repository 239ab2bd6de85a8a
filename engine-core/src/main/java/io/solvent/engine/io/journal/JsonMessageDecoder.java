package io.solvent.engine.io.journal;

import io.solvent.engine.feed.live.MessageDecoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.feed.FeedEvent;

import java.util.List;
import java.util.Map;

/**
 * Decodes the raw text of one received message with a source's parser (Jackson), and gives the JSON the journal
 * records for it: the live clients' {@link MessageDecoder}. Used by the live clients for every message they receive and by {@link JournalReader} for every line it
 * replays, so both see the same events. Never throws on bad messages: they come back with a {@link Decoded#problem()}.
 */
public final class JsonMessageDecoder implements MessageDecoder {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final FeedMessageParser parser;

    private JsonMessageDecoder(FeedMessageParser parser) {
        this.parser = parser;
    }

    /** Both venues' decoders, for a live client's context. */
    public static final MessageDecoder.Decoders DECODERS = new MessageDecoder.Decoders() {
        @Override
        public MessageDecoder binanceFutures() {
            return JsonMessageDecoder.binanceFutures();
        }

        @Override
        public MessageDecoder pyth(Map<String, String> names) {
            return JsonMessageDecoder.pyth(names);
        }
    };

    /** @return a decoder for Binance USD-M futures streams ({@link BinanceFuturesParser}) */
    public static JsonMessageDecoder binanceFutures() {
        return new JsonMessageDecoder(new BinanceFuturesParser());
    }

    /**
     * @param names feed id to symbol, as given by the user; ids not in it are named by their id
     * @return a decoder for Pyth Hermes price updates ({@link PythHermesParser})
     */
    public static JsonMessageDecoder pyth(Map<String, String> names) {
        return new JsonMessageDecoder(new PythHermesParser(names));
    }

    @Override
    public String source() {
        return parser.source();
    }

    FeedMessageParser parser() {
        return parser;
    }

    @Override
    public Decoded decode(String raw) {
        JsonNode node;
        try {
            node = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            return new Decoded(List.of(), jsonString(raw), "not JSON");
        }
        String trimmed = raw.strip();
        String msgJson = trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0 ? trimmed : node.toString();
        return decode(node, msgJson);
    }

    /** Decodes a message from a journal line: a JSON string there holds a message that was not JSON. */
    Decoded decodeRecorded(JsonNode msg) {
        if (msg.isTextual()) {
            return decode(msg.asText());
        }
        return decode(msg, msg.toString());
    }

    private Decoded decode(JsonNode node, String msgJson) {
        try {
            return new Decoded(parser.parse(node), msgJson, null);
        } catch (FeedMessageParser.MessageException e) {
            return new Decoded(List.of(), msgJson, e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Decoded(List.of(), msgJson, "bad value: " + e.getMessage());
        }
    }

    static String jsonString(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a string as JSON", e);
        }
    }
}
