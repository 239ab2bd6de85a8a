package io.solvent.app.cli;

import com.sun.net.httpserver.HttpServer;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.io.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCommandTest {
    private static final String BTC = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";

    @TempDir
    Path dir;

    @Test
    void badOptionsExitWithStatusTwoAndOneLine() {
        String out = dir.resolve("j.jsonl").toString();
        List<String[]> bad = List.of(
                new String[] {"record", "--out", out},
                new String[] {"record", "--source", "kraken", "--symbols", "BTCUSDT", "--out", out},
                new String[] {"record", "--source", "binance-futures", "--out", out},
                new String[] {"record", "--source", "binance-futures", "--symbols", "BTC-USDT!", "--out", out},
                new String[] {"record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out", out,
                    "--endpoint", "http://127.0.0.1:1"},
                new String[] {"record", "--source", "pyth", "--ids", "0x1234", "--out", out},
                new String[] {"record", "--source", "pyth", "--ids", BTC + "=BTC," + BTC, "--out", out},
                new String[] {"record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out", out,
                    "--duration", "ten minutes"},
                new String[] {"record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out", out,
                    "--max-attempts", "-1"},
                new String[] {"record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out",
                    dir.toString()});
        for (String[] args : bad) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, r.status(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().startsWith("solvent: "), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace");
        }
        assertFalse(Files.exists(dir.resolve("j.jsonl")), "nothing written on bad options");
    }

    @Test
    void aJournalUnderAFileSaysTheParentIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        CliRun r = CliRun.of("record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out",
                file.resolve("j.jsonl").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().contains("--out: " + file.toAbsolutePath() + " is a file, not a folder"), r.err());
    }

    /** A loopback port nothing listens on: bound, then closed. */
    private static int refusedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An HTTP server on the loopback address answering every request to {@code path} with {@code status}. */
    private static HttpServer answering(String path, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        if (status != 404) {
            server.createContext(path, ex -> {
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
        }
        server.start();
        return server;
    }

    /** The journal's status notes, as the reader gives them back. */
    private static List<SourceStatusEvent> notes(Path journal) {
        List<SourceStatusEvent> out = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, w -> {
        })) {
            for (FeedEvent e = reader.next(); e != null; e = reader.next()) {
                out.add((SourceStatusEvent) e);
            }
        }
        return out;
    }

    private void assertGaveUp(CliRun r, int status, String url, String cause, Path journal) {
        assertEquals(status, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("solvent: cannot record "), r.err());
        assertTrue(r.err().contains(url), "names the URL: " + r.err());
        assertTrue(r.err().contains(cause), "says what happened: " + r.err());
        List<SourceStatusEvent> notes = notes(journal);
        assertFalse(notes.isEmpty(), "a DISCONNECTED note in the journal");
        for (SourceStatusEvent n : notes) {
            assertEquals(SourceStatusEvent.Status.DISCONNECTED, n.status());
        }
        assertTrue(notes.getFirst().reason().startsWith("cannot connect to " + url), notes.getFirst().reason());
        assertTrue(notes.getFirst().reason().contains(cause), notes.getFirst().reason());
    }

    @Test
    void aRefusedPortIsRetriedThenReportedWithItsReasonAndExitStatusThree() throws Exception {
        int port = refusedPort();
        Path out = dir.resolve("refused.jsonl");
        CliRun r = CliRun.of("record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out", out.toString(),
                "--endpoint", "ws://127.0.0.1:" + port, "--max-attempts", "3", "--duration", "30s");
        assertGaveUp(r, ExitCodes.UNAVAILABLE, "ws://127.0.0.1:" + port + "/stream?streams=btcusdt@markPrice@1s",
                "connection refused", out);
        assertTrue(r.err().contains("gave up after 3 attempts"), r.err());
        List<SourceStatusEvent> notes = notes(out);
        assertEquals(3, notes.size(), "two failed attempts, then giving up: " + notes);
        assertTrue(notes.get(1).reason().endsWith("connection refused (attempt 2)"), notes.get(1).reason());
        assertTrue(notes.getLast().reason().startsWith("gave up after 3 connection attempts"),
                notes.getLast().reason());
    }

    @Test
    void anEndpointAnswering404IsBadInputWithExitStatusTwo() throws Exception {
        HttpServer server = answering("/v2/updates/price/stream", 404);
        Path out = dir.resolve("404.jsonl");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun r = CliRun.of("record", "--source", "pyth", "--ids", BTC, "--out", out.toString(),
                    "--endpoint", base, "--max-attempts", "2");
            assertGaveUp(r, ExitCodes.BAD_INPUT, base + "/v2/updates/price/stream?ids", "HTTP 404", out);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedWebSocketHandshakeIsBadInputWithExitStatusTwo() throws Exception {
        HttpServer server = answering("/stream", 400); // a plain HTTP server: no switch to WebSocket
        Path out = dir.resolve("handshake.jsonl");
        try {
            String base = "ws://127.0.0.1:" + server.getAddress().getPort();
            CliRun r = CliRun.of("record", "--source", "binance-futures", "--symbols", "BTCUSDT,ETHUSDT", "--out",
                    out.toString(), "--endpoint", base, "--max-attempts", "2");
            assertGaveUp(r, ExitCodes.BAD_INPUT, base + "/stream?streams=",
                    "refused the WebSocket handshake (HTTP 400)", out);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDurationThatEndsBeforeAnyConnectionIsNotASuccess() throws Exception {
        int port = refusedPort();
        Path out = dir.resolve("never.jsonl");
        CliRun r = CliRun.of("record", "--source", "binance-futures", "--symbols", "BTCUSDT", "--out", out.toString(),
                "--endpoint", "ws://127.0.0.1:" + port, "--max-attempts", "0", "--duration", "700ms");
        assertGaveUp(r, ExitCodes.UNAVAILABLE, "ws://127.0.0.1:" + port, "connection refused", out);
        assertTrue(r.err().contains("no connection before the end of --duration"), r.err());
    }

    @Test
    void recordsAPythStreamFromATestServerForTheGivenDuration() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        server.createContext("/v2/updates/price/stream", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                for (int k = 0; k < 100; k++) {
                    String data = "{\"parsed\":[{\"id\":\"" + BTC + "\",\"price\":{\"price\":\"" + (6201740000000L + k)
                            + "\",\"conf\":\"2956823570\",\"expo\":-8,\"publish_time\":" + (1717516541 + k) + "}}]}";
                    o.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                // the recorder went away
            }
        });
        server.start();
        Path out = dir.resolve("pyth.jsonl");
        try {
            CliRun r = CliRun.of("record", "--source", "pyth", "--ids", "0x" + BTC + "=BTC/USD", "--out",
                    out.toString(), "--endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--duration", "1500ms");
            assertEquals(ExitCodes.OK, r.status(), r.err());
            assertTrue(r.err().startsWith("solvent: recorded "), r.err());
        } finally {
            server.stop(0);
        }
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.getFirst().contains("\"session\":{\"source\":\"pyth\",\"names\":{\"" + BTC + "\":\"BTC/USD\"}}"),
                lines.getFirst());
        List<FeedEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(out, warnings::add)) {
            for (FeedEvent e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        assertEquals(List.of(), warnings);
        assertEquals(SourceStatusEvent.Status.CONNECTED, ((SourceStatusEvent) events.getFirst()).status());
        assertEquals(SourceStatusEvent.Status.DISCONNECTED, ((SourceStatusEvent) events.getLast()).status());
        List<PriceEvent> prices = events.stream().filter(e -> e instanceof PriceEvent).map(e -> (PriceEvent) e)
                .toList();
        assertTrue(prices.size() >= 3, "prices recorded: " + prices.size());
        assertEquals(new PriceEvent(1717516541000L, "BTC/USD", 62017.4, 29.5682357, "pyth"), prices.getFirst());
    }
}
