package io.solvent.app.alert;

import io.solvent.app.service.ConsoleSession;
import io.solvent.app.service.EngineBridge;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.live.LoopbackWebSocketServer;
import io.solvent.engine.feed.live.VenueMessages;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.io.live.LiveSpec;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts in live mode, the same monitor and view model as for a replay: a loopback server speaking Binance USD-M's
 * protocol sends prices, then drops the connection; the oracle-stale rule raises on the source's state, naming it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertsLiveTest {
    private static final long T0 = 1_717_516_541_000L;

    @TempDir
    Path dir;

    @Test
    void aLiveSourceDroppingRaisesTheOracleStaleRule() throws Exception {
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
            LiveSpec spec = LiveSpec.of("binance-futures", List.of("BTCUSDT", "ETHUSDT"), base,
                            dir.resolve("live.jsonl"))
                    .withEndpoint(server.base().toString())
                    .withClock(InstantSource.offset(InstantSource.system(),
                            Duration.ofMillis(T0 - System.currentTimeMillis())));
            try (ConsoleSession session = ConsoleSession.live(LiveSession.open(spec))) {
                AlertsViewModel vm = new AlertsViewModel(new AlertRulesStore(dir.resolve("alerts.json")),
                        Runnable::run, Runnable::run, System::currentTimeMillis);
                List<AlertEvent> raised = new ArrayList<>();
                vm.addListener(raised::addAll);
                EngineBridge bridge = new EngineBridge(session.loop(), vm::update);
                session.loop().submit(new EngineCommand.Play(60));
                pulseUntil(bridge, v -> v.position() >= 26);
                assertTrue(raised.stream().noneMatch(e -> e.rule().kind() == AlertKind.ORACLE_STALE),
                        "connected and fresh: " + raised);

                drop.countDown();
                pulseUntil(bridge, v -> v.sources().stream()
                        .anyMatch(s -> s.status() != SourceStatusEvent.Status.CONNECTED));
                List<AlertEvent> stale = raised.stream().filter(e -> e.rule().kind() == AlertKind.ORACLE_STALE)
                        .toList();
                assertEquals(1, stale.size(), raised.toString());
                assertTrue(stale.getFirst().message().startsWith("live source binance-futures "),
                        stale.getFirst().message());
                assertTrue(vm.unacknowledgedProperty().get() >= 1);
                assertTrue(vm.alerts().stream().anyMatch(e -> e.event() == stale.getFirst() && e.active()));
            }
        }
    }

    private static EngineView pulseUntil(EngineBridge bridge, Predicate<EngineView> done)
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
