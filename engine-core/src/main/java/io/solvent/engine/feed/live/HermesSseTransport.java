package io.solvent.engine.feed.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * One server-sent-events stream over a streaming HTTP GET. Each event's {@code data:} lines, joined by newlines,
 * make one message; comments ({@code :} lines, the server's keep-alives) and the {@code event}, {@code id} and
 * {@code retry} fields are ignored (reconnection follows the client's own backoff, not {@code retry}).
 */
final class HermesSseTransport implements Transport {
    private final HttpClient http;
    private final URI uri;
    private final long connectTimeoutMs;
    private volatile boolean aborted;
    private volatile CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    HermesSseTransport(HttpClient http, URI uri, long connectTimeoutMs) {
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
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(connectTimeoutMs))
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET().build();
        EventStream stream = new EventStream(session, end);
        HttpResponse.BodyHandler<Void> handler = info -> {
            if (info.statusCode() != 200) {
                end.completeExceptionally(new EndpointRejectedException(info.statusCode(), "the server answered HTTP "
                        + info.statusCode() + " instead of an event stream"));
                return HttpResponse.BodySubscribers.replacing(null);
            }
            session.opened();
            return HttpResponse.BodySubscribers.fromSubscriber(stream);
        };
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, handler);
        response.whenComplete((r, e) -> {
            if (e != null) {
                end.completeExceptionally(e);
            } else {
                end.complete(null);
            }
        });
        try {
            end.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } finally {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            response.cancel(true);
        }
    }

    @Override
    public void abort() {
        aborted = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        ended.completeExceptionally(new IOException("aborted"));
    }

    @Override
    public void reset() {
        aborted = false;
    }

    /** Splits the body into lines and lines into events. */
    private final class EventStream implements Flow.Subscriber<List<ByteBuffer>> {
        private final Session session;
        private final CompletableFuture<Void> end;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final StringBuilder data = new StringBuilder();
        private boolean hasData;
        private Flow.Subscription own;

        EventStream(Session session, CompletableFuture<Void> end) {
            this.session = session;
            this.end = end;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            own = s;
            subscription = s;
            if (aborted || end.isDone()) {
                s.cancel();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                while (b.hasRemaining()) {
                    byte c = b.get();
                    if (c == '\n') {
                        byte[] bytes = line.toByteArray();
                        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                        line.reset();
                        field(new String(bytes, 0, n, StandardCharsets.UTF_8));
                    } else {
                        line.write(c);
                    }
                }
            }
            own.request(1);
        }

        private void field(String l) {
            if (l.isEmpty()) {
                if (hasData) {
                    String message = data.toString();
                    data.setLength(0);
                    hasData = false;
                    session.message(message);
                }
                return;
            }
            if (l.startsWith(":")) {
                return;
            }
            int colon = l.indexOf(':');
            String name = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (name.equals("data")) {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
        }

        @Override
        public void onError(Throwable t) {
            end.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            end.completeExceptionally(new IOException("the server ended the stream"));
        }
    }
}
