package io.solvent.app.service;

import io.solvent.app.viewmodel.ConsoleViewModel;
import io.solvent.engine.feed.live.LoopbackWebSocketServer;
import io.solvent.engine.feed.live.VenueMessages;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.io.live.LiveSpec;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console on live prices: a server on the loopback address that speaks Binance USD-M's WebSocket protocol sends
 * mark prices and a {@code forceOrder}; the console's view models show the source connected, the prices moving, the
 * venue's own liquidation on the asset's chart, then the source reconnecting when the server drops the connection.
 * The session's journal is written as it runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveConsoleTest {
    private static final long T0 = 1_717_516_541_000L;

    @TempDir
    Path dir;

    @Test
    void theConsoleShowsLivePricesTheVenuesLiquidationsAndTheFeedsState() throws Exception {
        CountDownLatch drop = new CountDownLatch(1);
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(List.of(c -> {
            c.accept();
            for (String m : VenueMessages.binanceSession(T0, 6)) {
                c.text(m);
            }
            drop.await(60, TimeUnit.SECONDS);
            c.awaitClientGone(10);
        }, c -> Thread.sleep(60_000)))) {
            Scenario base;
            try (InputStream in = LiveSession.class.getResourceAsStream("/live/live-book.json")) {
                base = LiveSession.bookScenario("live book", BookReader.read("live-book.json", in), null);
            }
            Path journal = dir.resolve("live.jsonl");
            LiveSpec spec = LiveSpec.of("binance-futures", List.of("BTCUSDT", "ETHUSDT"), base, journal)
                    .withEndpoint(server.base().toString())
                    .withClock(InstantSource.offset(InstantSource.system(),
                            Duration.ofMillis(T0 - System.currentTimeMillis())));
            try (ConsoleSession session = ConsoleSession.live(LiveSession.open(spec))) {
                PulseWork work = new PulseWork();
                EngineBridge[] bridge = new EngineBridge[1];
                ConsoleViewModel vm = new ConsoleViewModel(c -> bridge[0].submit(c),
                        session.feedToAsset(), System::nanoTime, work);
                bridge[0] = new EngineBridge(session.loop(), vm::update);
                vm.play(60);
                vm.market().assetProperty().set("ETH");
                EngineView up = pulseUntil(bridge[0], v -> v.position() >= 26 && !v.venueLiquidations().all()
                        .isEmpty());
                assertEquals(EngineView.State.PLAYING, up.state());
                assertEquals("feed: binance-futures connected", vm.status().feedProperty().get());
                assertEquals(1, vm.market().venueLiquidations().size(), "the forceOrder on ETH's chart");
                assertEquals(3009.5, vm.market().venueLiquidations().y(0), 0.0);
                assertTrue(vm.market().feed().size() > 0, "live prices on the chart");
                assertTrue(vm.market().headlineProperty().get().startsWith("ETH"));
                assertTrue(Files.size(journal) > 0, "the session is journaled as it runs");

                drop.countDown(); // the server drops the connection: the console says the feed is reconnecting
                pulseUntil(bridge[0], v -> v.sources().stream().anyMatch(s -> s.status()
                        != io.solvent.engine.feed.SourceStatusEvent.Status.CONNECTED));
                assertTrue(vm.status().feedProperty().get().contains("RECONNECTING")
                        || vm.status().feedProperty().get().contains("STALE"), vm.status().feedProperty().get());
            }
        }
    }

    private static EngineView pulseUntil(EngineBridge bridge, java.util.function.Predicate<EngineView> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
