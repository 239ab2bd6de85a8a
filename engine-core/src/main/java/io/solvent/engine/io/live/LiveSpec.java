package io.solvent.engine.io.live;

import io.solvent.engine.feed.live.ConnectionPolicy;
import io.solvent.engine.scenario.Scenario;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link LiveSession} connects to and runs: the live source and what to subscribe to, the endpoint, the
 * scenario whose book and rules the live prices run over, how feed symbols map to the book's assets, and the journal.
 * Nothing is checked here but presence; {@link LiveSession#open} checks the rest and names what was expected.
 *
 * @param source               {@code binance-futures} (WebSocket: {@code <symbol>@markPrice@1s} and
 *                             {@code <symbol>@forceOrder}) or {@code pyth} (Hermes server-sent events)
 * @param feeds                for {@code binance-futures}, venue symbols such as {@code BTCUSDT}; for {@code pyth},
 *                             feed ids (64 hex digits, {@code 0x} optional), each optionally named
 *                             ({@code ID=BTC/USD}): events carry the name, or the id when none is given
 * @param endpoint             the server's URL ({@code ws://}/{@code wss://} for Binance, {@code http://}/
 *                             {@code https://} for Pyth), or null for the venue's public endpoint
 * @param assets               feed symbol (as events carry it: {@code BTCUSDT}, {@code BTC/USD}) to the book asset
 *                             it prices, overriding the default (the symbol without its quote currency:
 *                             {@code BTCUSDT} → {@code BTC}, {@code BTC/USD} and {@code Crypto.BTC/USD} → {@code BTC});
 *                             empty for the defaults
 * @param base                 the scenario the live prices run over: its book (opening prices, accounts), settlement
 *                             asset, depth, insurance fund and rules ({@link LiveSession#bookScenario} makes one of a
 *                             book; a scenario file read with {@code ScenarioReader} serves too). Its feeds, symbol
 *                             map, price sources, window and shocks are replaced by the live source's
 * @param journal              the journal file every received message is appended to; must not exist yet (or be
 *                             empty), so that it holds this session alone
 * @param rebase               whether to restate the book at the first live price of every mapped asset before the
 *                             run starts, every USD figure unchanged (see {@link LiveSession}); for a book whose
 *                             opening prices are not today's, such as a generated population
 * @param connection           timeouts, staleness and reconnection backoff of the client
 * @param clock                stamps received messages and connection changes, ms since the Unix epoch, UTC
 *                             ({@link InstantSource#system()} but in tests)
 * @param firstPricesTimeoutMs with {@code rebase}: how long {@link LiveSession#open} waits for the first price of every
 *                             mapped symbol, ms, {@code > 0}
 */
public record LiveSpec(String source, List<String> feeds, String endpoint, Map<String, String> assets, Scenario base,
                       Path journal, boolean rebase, ConnectionPolicy connection, InstantSource clock,
                       long firstPricesTimeoutMs) {

    /** Default wait for the first prices when rebasing: 30 s (a 1 s mark-price stream sends one every second). */
    public static final long DEFAULT_FIRST_PRICES_TIMEOUT_MS = 30_000;

    public LiveSpec {
        Objects.requireNonNull(source, "source");
        feeds = List.copyOf(feeds);
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets == null ? Map.of() : assets));
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(clock, "clock");
        if (firstPricesTimeoutMs <= 0) {
            throw new IllegalArgumentException("expected a wait for the first prices > 0 ms, was "
                    + firstPricesTimeoutMs);
        }
    }

    /**
     * @param source  {@code binance-futures} or {@code pyth}
     * @param feeds   venue symbols, or Pyth feed ids ({@code ID} or {@code ID=NAME})
     * @param base    the scenario whose book and rules the live prices run over
     * @param journal the journal file, new
     * @return a spec with the venue's public endpoint, the default symbol map, no rebase, the default connection
     *         policy and the system clock
     */
    public static LiveSpec of(String source, List<String> feeds, Scenario base, Path journal) {
        return new LiveSpec(source, feeds, null, Map.of(), base, journal, false, ConnectionPolicy.DEFAULT,
                InstantSource.system(), DEFAULT_FIRST_PRICES_TIMEOUT_MS);
    }

    /** @param url the server's URL, or null for the venue's public endpoint @return a copy with it */
    public LiveSpec withEndpoint(String url) {
        return new LiveSpec(source, feeds, url, assets, base, journal, rebase, connection, clock,
                firstPricesTimeoutMs);
    }

    /** @param map feed symbol to asset, overriding the defaults @return a copy with it */
    public LiveSpec withAssets(Map<String, String> map) {
        return new LiveSpec(source, feeds, endpoint, map, base, journal, rebase, connection, clock,
                firstPricesTimeoutMs);
    }

    /** @param b the scenario whose book and rules the live prices run over @return a copy with it */
    public LiveSpec withBase(Scenario b) {
        return new LiveSpec(source, feeds, endpoint, assets, b, journal, rebase, connection, clock,
                firstPricesTimeoutMs);
    }

    /** @param file the journal file @return a copy with it */
    public LiveSpec withJournal(Path file) {
        return new LiveSpec(source, feeds, endpoint, assets, base, file, rebase, connection, clock,
                firstPricesTimeoutMs);
    }

    /** @param on whether to restate the book at the first live prices @return a copy with it */
    public LiveSpec withRebase(boolean on) {
        return new LiveSpec(source, feeds, endpoint, assets, base, journal, on, connection, clock,
                firstPricesTimeoutMs);
    }

    /** @param policy timeouts, staleness and backoff @return a copy with it */
    public LiveSpec withConnection(ConnectionPolicy policy) {
        return new LiveSpec(source, feeds, endpoint, assets, base, journal, rebase, policy, clock,
                firstPricesTimeoutMs);
    }

    /** @param c the clock stamping messages, ms since the Unix epoch, UTC @return a copy with it */
    public LiveSpec withClock(InstantSource c) {
        return new LiveSpec(source, feeds, endpoint, assets, base, journal, rebase, connection, c,
                firstPricesTimeoutMs);
    }

    /** @param ms the wait for the first prices when rebasing, ms @return a copy with it */
    public LiveSpec withFirstPricesTimeoutMs(long ms) {
        return new LiveSpec(source, feeds, endpoint, assets, base, journal, rebase, connection, clock, ms);
    }
}
