package io.solvent.engine.io.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.engine.feed.FeedEvent;

import java.util.List;

/**
 * Turns one message of a live source, as JSON, into feed events. The live clients and the journal reader use the
 * same parser, so a replayed journal gives the events the live session gave.
 */
public sealed interface FeedMessageParser permits BinanceFuturesParser, PythHermesParser {

    /** @return the source name the parser's events carry and the journal records, such as {@code binance-futures} */
    String source();

    /**
     * @param msg one message as received
     * @return its events in message order; empty for a message that is understood but carries no event
     * @throws MessageException when the message is not one the parser knows, or a field is missing or malformed
     */
    List<FeedEvent> parse(JsonNode msg);

    /** A message the parser does not understand; the client counts it and carries on. */
    final class MessageException extends RuntimeException {
        /** @param problem what is wrong, naming the field */
        public MessageException(String problem) {
            super(problem);
        }
    }

    /** @return the text of a decimal field given as a JSON string or number, which must be finite */
    static String decimal(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw new MessageException(where + "." + field + " is missing");
        }
        if (!(v.isTextual() || v.isNumber())) {
            throw new MessageException(where + "." + field + " is not a number");
        }
        String text = v.asText();
        try {
            new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MessageException(where + "." + field + " is not a number: '" + text + "'");
        }
        return text;
    }

    /** @return an integral field given as a JSON number or a string of digits */
    static long integral(JsonNode parent, String field, String where) {
        String text = decimal(parent, field, where);
        try {
            return new java.math.BigDecimal(text).longValueExact();
        } catch (ArithmeticException e) {
            throw new MessageException(where + "." + field + " is not an integer: '" + text + "'");
        }
    }

    /** @return a string field */
    static String text(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new MessageException(where + "." + field + " is missing or not a string");
        }
        return v.asText();
    }
}
