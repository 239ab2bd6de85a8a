package io.solvent.app.service;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.Pacer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the console runs: a scenario opened into an {@link EngineLoop} on its own thread. The embedded default — a
 * generated population of 100,000 sub-accounts through a synthetic crash — ships inside the jar, so that a new user's
 * first sight is the engine at work.
 *
 * @param name     what the status bar calls it (the scenario's name)
 * @param scenario the scenario
 * @param loop     its engine loop, running
 * @param feeds    what feeds it from outside (a live session: its client and journal), closed after the loop; or null
 */
public record ConsoleSession(String name, Scenario scenario, EngineLoop loop, AutoCloseable feeds)
        implements AutoCloseable {
    /** The embedded default scenario, a resource of the jar. */
    public static final String DEFAULT_RESOURCE = "/io/solvent/assets/scenarios/console-default.json";

    public ConsoleSession {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(loop, "loop");
    }

    /**
     * @return the embedded default scenario, read from the jar (copied to a temporary file, since a scenario is read
     *         from a path; it names no other file)
     * @throws io.solvent.engine.input.InputException when it cannot be read (a broken build)
     */
    public static Scenario defaultScenario() {
        try (InputStream in = ConsoleSession.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + DEFAULT_RESOURCE);
            }
            Path tmp = Files.createTempFile("solvent-default-", ".json");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return ScenarioReader.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedded default scenario", e);
        }
    }

    /**
     * Starts the engine on a scenario, paused before its first event.
     *
     * @param scenario the scenario
     * @param options  the loop's options (publication rate, risk pass budget, snapshots)
     * @return the session
     */
    public static ConsoleSession start(Scenario scenario, EngineLoop.Options options) {
        return new ConsoleSession(scenario.name(), scenario, EngineLoop.start(scenario, options), null);
    }

    /**
     * @param scenario the scenario
     * @return a session with the console's options: 20 Hz views, 50 riskiest, 5% of the engine for the risk pass
     */
    public static ConsoleSession start(Scenario scenario) {
        return start(scenario, EngineLoop.Options.of(Pacer.of(System::nanoTime)));
    }

    /**
     * @param speedSecondsPerSecond simulated seconds per wall second; 0 for as fast as possible
     * @return the command that plays at that speed
     */
    public static EngineCommand.Play play(double speedSecondsPerSecond) {
        return speedSecondsPerSecond <= 0 ? EngineCommand.Play.FASTEST : new EngineCommand.Play(speedSecondsPerSecond);
    }

    /**
     * Runs the engine on live prices.
     *
     * @param live an open live session (its client connected, its journal being written)
     * @return the session, whose close also closes the live session
     */
    public static ConsoleSession live(io.solvent.engine.io.live.LiveSession live) {
        Scenario sc = live.scenario();
        return new ConsoleSession("live " + live.endpoint(), sc,
                EngineLoop.start(sc, EngineLoop.Options.of(Pacer.of(System::nanoTime))), live);
    }

    /** @return the asset a feed symbol prices in this scenario (the venue's own liquidations are drawn on it) */
    public java.util.function.Function<String, String> feedToAsset() {
        java.util.Map<String, String> symbols = scenario.inputs().symbols();
        return symbol -> {
            String mapped = symbols.get(symbol);
            if (mapped != null) {
                return mapped;
            }
            for (String quote : new String[] {"USDT", "USDC", "-USD", "/USD", "USD"}) {
                if (symbol.endsWith(quote)) {
                    return symbol.substring(0, symbol.length() - quote.length());
                }
            }
            return symbol;
        };
    }

    @Override
    public void close() {
        loop.close();
        if (feeds != null) {
            try {
                feeds.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("closing the feeds: {}", e.toString());
            }
        }
    }
}
