package io.solvent.engine.feed.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent-events server on the loopback address that speaks Hermes' {@code /v2/updates/price/stream}: each
 * request runs the next {@link Script} (the last repeats). Stops when closed.
 */
final class LoopbackSseServer implements AutoCloseable {

    /** What the server does with one request. */
    interface Script {
        void run(Stream s) throws Exception;
    }

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    LoopbackSseServer(List<Script> scripts) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        server.createContext("/v2/updates/price/stream", exchange -> {
            int index = requests.getAndIncrement();
            queries.add(exchange.getRequestURI().getRawQuery());
            Script script = scripts.get(Math.min(index, scripts.size() - 1));
            try (exchange) {
                script.run(new Stream(exchange));
            } catch (Exception e) {
                // the client went away or the script ended the stream abruptly
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<String> queries() {
        return queries;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One response stream. */
    static final class Stream {
        private final HttpExchange exchange;
        private OutputStream out;

        Stream(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void status(int code) throws IOException {
            exchange.sendResponseHeaders(code, -1);
        }

        void open() throws IOException {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
        }

        void event(String data) throws IOException {
            raw("data: " + data + "\n\n");
        }

        void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
