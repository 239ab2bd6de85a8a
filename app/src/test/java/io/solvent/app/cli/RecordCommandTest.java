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
