package io.solvent.engine.feed.live;

import java.io.IOException;

/**
 * The server answered a connection attempt, but not with the stream asked for: an HTTP status other than 200 to an
 * event-stream request, or a WebSocket handshake answered without the switch to the protocol (101). Says that the
 * endpoint or the subscription is probably wrong rather than the network down.
 */
final class EndpointRejectedException extends IOException {
    private final int status;

    /**
     * @param status  the HTTP status the server answered with
     * @param message what happened, for people
     */
    EndpointRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status the server answered with */
    int status() {
        return status;
    }
}
