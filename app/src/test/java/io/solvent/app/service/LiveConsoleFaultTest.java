package io.solvent.app.service;

import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.app.viewmodel.Figure;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.live.Backoff;
import io.solvent.engine.feed.live.ConnectionPolicy;
import io.solvent.engine.feed.live.LoopbackWebSocketServer;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.io.live.LiveSpec;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.StalenessPolicy;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AssetView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on a faulty live source (a server on the loopback address that speaks Binance USD-M's WebSocket
 * protocol): a garbage frame, a binary frame, a repeated and a late message, then silence. Through the view models:
 * the status bar counts what was not taken beside the source's state, the prices never move back, and when the
 * source goes silent the oracles are shown stale and liquidations paused under the {@code pause} policy.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveConsoleFaultTest {
    /** Quick to notice silence: stale after 300 ms, reconnect after 800 ms. */
    private static final ConnectionPolicy FAST = new ConnectionPolicy(new Backoff(20, 640, 2.0, 0.5), 3_000, 300,
            800, 3_600_000, 25);

    @TempDir
    Path dir;

    private static String mark(String symbol, long t, double mark) {
        String p = String.format(Locale.ROOT, "%.8f", mark);
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\","
                + "\"E\":" + t + ",\"s\":\"" + symbol + "\",\"p\":\"" + p + "\",\"i\":\"" + p + "\"}}";
    }

    @Test
    void theStatusCountsWhatWasNotTakenAndASilentSourceIsShownStaleAndPaused() throws Exception {
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            long now = System.currentTimeMillis();
            c.text(mark("BTCUSDT", now - 1_000, 62_000));
            c.text(mark("ETHUSDT", now - 1_000, 3_000));
            c.text("{not json");
            c.text(mark("BTCUSDT", now, 62_100));
            c.text(mark("BTCUSDT", now, 62_100));        // repeated
            c.text(mark("BTCUSDT", now - 500, 61_000));  // late
            c.awaitClientGone(30_000);                   // then silent
        }, c -> Thread.sleep(30_000)))) {                 // the reconnection's handshake never answered
            Scenario base;
            try (InputStream in = LiveSession.class.getResourceAsStream("/live/live-book.json")) {
                base = LiveSession.bookScenario("live book", BookReader.read("live-book.json", in), null);
            }
            base = base.withParameters(base.parameters().withOracle(OracleParameters.passThrough()
                    .withStaleness(200, StalenessPolicy.PAUSE)));
            LiveSpec spec = LiveSpec.of("binance-futures", List.of("BTCUSDT", "ETHUSDT"), base,
                    dir.resolve("live.jsonl")).withEndpoint(server.base().toString()).withConnection(FAST);
            LiveSession live = LiveSession.open(spec);
            try (ConsoleSession session = ConsoleSession.live(live)) {
                EngineBridge[] bridge = new EngineBridge[1];
                ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c), session.feedToAsset(),
                        System::nanoTime, new PulseWork());
                vm.status().watchLive(live::health); // as the console does for a live session
                bridge[0] = new EngineBridge(session.loop(), vm::update);
                vm.play(60);

                EngineView up = pulseUntil(bridge[0], v -> price(v, "BTC") == 62_100 && price(v, "ETH") == 3_000
                        && vm.status().feedProperty().get().contains("2 late"));
                String feed = vm.status().feedProperty().get();
                assertTrue(feed.startsWith("feed: binance-futures"), feed);
                assertTrue(feed.contains("6 messages, 1 not understood, 0 binary, 2 late, 2 repeated"), feed);
                assertEquals(62_100, price(up, "BTC"), 0, "the late 61,000 never shown");

                // silence: STALE (300 ms), then the oracles' 200 ms limit has passed: stale, liquidations paused
                EngineView silent = pulseUntil(bridge[0], v -> !v.assets().isEmpty() && asset(v, "BTC").paused()
                        && asset(v, "ETH").paused());
                assertEquals(AssetView.Freshness.STALE, asset(silent, "BTC").freshness());
                assertEquals(62_100, asset(silent, "BTC").priceUsd(), 0, "the last price, shown stale");
                assertTrue(silent.sources().stream().anyMatch(s -> s.status() != SourceStatusEvent.Status.CONNECTED));
                Figure fresh = vm.overview().freshnessProperty().get();
                assertEquals(0, fresh.value(), 0, fresh.toString());
                assertTrue(fresh.text().startsWith("2 stale"), fresh.text());
                assertEquals(io.solvent.app.viewmodel.Level.ALARM, fresh.level());
                String down = vm.status().feedProperty().get();
                assertTrue(down.contains("STALE") || down.contains("RECONNECTING"), down);
            }
        }
    }

    private static AssetView asset(EngineView v, String symbol) {
        return v.assets().stream().filter(a -> a.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + symbol + " in " + v.assets()));
    }

    private static double price(EngineView v, String asset) {
        return v.prices().stream().filter(p -> p.symbol().equals(asset)).mapToDouble(p -> p.priceUsd()).findFirst()
                .orElse(Double.NaN);
    }

    private static EngineView pulseUntil(EngineBridge bridge, Predicate<EngineView> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            bridge.pulse();
            EngineView v = bridge.current();
            if (v != null && done.test(v)) {
                return v;
            }
            Thread.sleep(16);
        }
        throw new AssertionError("timed out; last view " + bridge.current());
    }
}
