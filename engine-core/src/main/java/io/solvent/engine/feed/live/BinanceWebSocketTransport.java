package io.solvent.engine.feed.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket connection with {@link java.net.http.WebSocket}. Pings are answered by the JDK: its WebSocket
 * replies to every Ping with a Pong carrying the same payload, which keeps Binance (a Ping every 3 minutes, a Pong
 * due within 10) satisfied; the default {@link WebSocket.Listener#onPing} only requests the next message.
 */
final class BinanceWebSocketTransport implements Transport {
    private final HttpClient http;
    private final URI uri;
    private final long connectTimeoutMs;
    private volatile boolean aborted;
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> ended = new CompletableFuture<>();

    BinanceWebSocketTransport(HttpClient http, URI uri, long connectTimeoutMs) {
        this.http = http;
        this.uri = uri;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public String endpoint() {
        return uri.toString();
    }

    @Override
    public void run(Session session) throws Exception {
        CompletableFuture<Void> end = new CompletableFuture<>();
        ended = end;
        if (aborted) {
            return;
        }
        StringBuilder text = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                // Runs before the first message is delivered, so CONNECTED precedes the connection's events.
                socket = webSocket;
                if (aborted) {
                    webSocket.abort();
                    return;
                }
                session.opened();
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    session.message(message);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                if (last) {
                    session.unreadable("binary frame");
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                end.completeExceptionally(new IOException("the server closed the connection (" + statusCode
                        + (reason.isEmpty() ? "" : " " + reason) + ")"));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                end.completeExceptionally(error);
            }
        };
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .buildAsync(uri, listener);
        WebSocket ws;
        try {
            ws = opening.get(connectTimeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new IOException("no WebSocket handshake within " + connectTimeoutMs + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                throw new EndpointRejectedException(status, "the server refused the WebSocket handshake (HTTP "
                        + status + ")");
            }
            throw e.getCause() instanceof Exception c ? c : e;
        }
        try {
            if (aborted) {
                return;
            }
            try {
                end.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception c ? c : e;
            }
        } finally {
            socket = null;
            ws.abort();
        }
    }

    @Override
    public void abort() {
        aborted = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        ended.completeExceptionally(new IOException("aborted"));
    }

    @Override
    public void reset() {
        aborted = false;
    }
}
