package io.solvent.engine.feed.live;

import io.solvent.engine.feed.FeedEvent;

import java.util.List;
import java.util.Map;

/**
 * Turns the raw text of one received message into feed events, and gives the line a journal records for it. The same
 * decoder serves the live client and the journal's replay, so both see the same events; the implementations (Jackson
 * parsers of each venue's messages) are in {@code io.journal}, which this package does not depend on. Never throws on a
 * bad message: it comes back with a {@link Decoded#problem()}.
 */
public interface MessageDecoder {

    /** @return the source name of its events and journal lines, such as {@code binance-futures} */
    String source();

    /**
     * @param raw the text of one message as received
     * @return its events and journal form; a message that is not JSON or not understood has a problem and no events
     */
    Decoded decode(String raw);

    /**
     * One decoded message.
     *
     * @param events  its events, in message order; empty when it carries none or was not understood
     * @param msgJson the message as one line of JSON, for the journal's {@code msg} field: the received text itself
     *                when it is JSON on one line, else re-serialised, and a JSON string holding the text when it is
     *                not JSON at all
     * @param problem why the message was not understood, or {@code null} when it was
     */
    record Decoded(List<FeedEvent> events, String msgJson, String problem) {
        /** @return whether the parser understood the message */
        public boolean understood() {
            return problem == null;
        }
    }

    /** Each venue's decoder, as a live client's context gives them. */
    interface Decoders {
        /** @return a decoder of Binance USD-M futures combined streams */
        MessageDecoder binanceFutures();

        /**
         * @param names feed id (canonical: lowercase, no {@code 0x}) to symbol; ids not in it are named by their id
         * @return a decoder of Pyth Hermes price updates
         */
        MessageDecoder pyth(Map<String, String> names);
    }
}
