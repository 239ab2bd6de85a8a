package io.solvent.engine.feed.live;

import io.solvent.engine.feed.SourceStatusEvent;

import java.util.Map;

/**
 * Where a live client records what it receives, append-only (the JSON-lines journal of {@code io.journal} is the
 * implementation). Called from the clients' threads.
 */
public interface Journal extends AutoCloseable {

    /**
     * @param receivedMs when the message arrived, ms since the Unix epoch, UTC
     * @param source     the client's source name
     * @param message    the decoded message; its {@link MessageDecoder.Decoded#msgJson()} is recorded
     */
    void append(long receivedMs, String source, MessageDecoder.Decoded message);

    /**
     * @param timestampMs when the session starts, ms since the Unix epoch, UTC
     * @param source      the client's source name
     * @param names       feed id to symbol, as subscribed
     */
    void appendSession(long timestampMs, String source, Map<String, String> names);

    /** @param status a connection status change */
    void appendStatus(SourceStatusEvent status);

    @Override
    void close();
}
