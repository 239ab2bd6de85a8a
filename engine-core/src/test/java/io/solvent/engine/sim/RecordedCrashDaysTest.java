package io.solvent.engine.sim;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.population.PopulationParameters;
import io.solvent.engine.population.PopulationProfile;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plausibility invariants hold on every shipped scenario and on every recorded crash day in {@code ../shared/data}:
 * every fill positive and within its band, no ADL counterparty made bankrupt by its own fill, bad debt equal to the
 * negative equity behind it, the ledger balanced. A crash day is replayed over a generated book priced at the day's
 * first prices (each position's notional kept), under cascade feedback and every deleveraging policy; LUNA, which the
 * population has no market for, over a book of its own. The 2025-10-10 scenario is held to them in
 * {@code OctoberTenthFidelityTest}. Skipped, with a message, where the shared data is absent.
 */
class RecordedCrashDaysTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");

    private static void assertPlausible(String what, ReplayRunner.Result r) {
        RunSummary s = r.summary();
        System.out.printf("%s: %d ticks, %d liquidations, %d bankruptcies, bad debt %.2f USD, %d ADL fills, %d checks%n",
                what, r.ticks(), s.liquidations(), s.bankruptcies(), s.badDebtUsd(), s.deleveragingFills(),
                s.plausibilityChecks());
        assertTrue(s.plausibilityChecks() > 0, what);
        assertEquals(0, s.plausibilityViolations(), what);
        assertTrue(s.maxLedgerImbalance() <= 1e-9, what + ": imbalance " + s.maxLedgerImbalance());
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenario() throws Exception {
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(Path.of("..", "assets", "scenarios"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("2025-10-10.json")) // OctoberTenthFidelityTest
                    .sorted().toList();
        }
        assertTrue(scenarios.size() >= 2, scenarios.toString());
        return scenarios.stream().flatMap(p -> Stream.of("adl-ranked", "socialize", "deficit").map(policy ->
                DynamicTest.dynamicTest(p.getFileName() + " " + policy, () -> assertPlausible(p.getFileName() + " "
                        + policy, ReplayRunner.run(ScenarioReader.read(p).withDeleveraging(policy), ReplaySink.NONE)))));
    }

    record Day(String name, List<String> files, Map<String, String> symbols) {
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedCrashDay() {
        List<Day> days = List.of(
                new Day("2020-03-12", List.of("crash_2020-03-12/binance_usdm_BTCUSDT_1m_2020-03-12_core.csv",
                        "crash_2020-03-12/coinapi_ETHUSD_10m_2020-03-12.csv"), Map.of("BTCUSDT", "BTC", "ETHUSD", "ETH")),
                new Day("2021-05-19", List.of("crash_2021-05-19/binance_usdm_BTCUSDT_ETHUSDT_1m_2021-05-19_core.csv"),
                        Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH")),
                new Day("2022-06-13", List.of("crash_2022-06-13/binance_usdm_BTCUSDT_ETHUSDT_1m_2022-06-13_core.csv"),
                        Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH")),
                new Day("2022-11-08", List.of("crash_2022-11-08/binance_usdm_BTCUSDT_ETHUSDT_1m_2022-11-08_core.csv"),
                        Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH")),
                new Day("2024-08-05", List.of("crash_2024-08-05/binance_usdm_BTCUSDT_ETHUSDT_1m_2024-08-05_core.csv"),
                        Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH")));
        Stream<DynamicTest> two = days.stream().flatMap(d -> Stream.of("adl-ranked", "socialize", "deficit").map(policy ->
                DynamicTest.dynamicTest(d.name() + " " + policy, () -> replayDay(d, policy))));
        Stream<DynamicTest> luna = Stream.of("adl-ranked", "socialize", "deficit").map(policy ->
                DynamicTest.dynamicTest("2022-05 LUNA " + policy, () -> replayLuna(policy)));
        return Stream.concat(two, luna);
    }

    private static void replayDay(Day d, String policy) {
        List<Path> files = d.files().stream().map(DATA::resolve).toList();
        assumeTrue(files.stream().allMatch(Files::exists), "shared crash data not present at "
                + DATA.toAbsolutePath() + ": skipping " + d.name());
        Map<String, Double> first = firstPrices(files, d.symbols());
        Book population = new PopulationGenerator(PopulationParameters.ofAccounts(2_000, 1)
                .withMarkets(List.of("BTC-PERP", "ETH-PERP")).withProfile(PopulationProfile.STRESSED)).generate();
        Book book = rebased(population, first);
        assertPlausible(d.name() + " " + policy, ReplayRunner.run(scenario(d.name(), book, files, d.symbols(), policy),
                ReplaySink.NONE));
    }

    private static void replayLuna(String policy) {
        Path file = DATA.resolve("crash_2022-05_luna/binance_spot_LUNAUSDT_1m_2022-05-07_13.csv");
        assumeTrue(Files.exists(file), "shared crash data not present at " + DATA.toAbsolutePath()
                + ": skipping LUNA");
        double price = firstPrices(List.of(file), Map.of("LUNAUSDT", "LUNA")).get("LUNA");
        Market perp = new Market("LUNA-PERP", "LUNA", List.of(new MarginTier(1e6, 0.10, 0.05),
                new MarginTier(Double.POSITIVE_INFINITY, 0.20, 0.10)), 0.01, 1);
        SplittableRandom rnd = new SplittableRandom(2022);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double equity = Math.exp(rnd.nextDouble(Math.log(100), Math.log(1e6)));
            double leverage = rnd.nextDouble(0.5, 9.5);
            double side = rnd.nextDouble() < 0.6 ? 1 : -1;
            double entry = price * (1 + rnd.nextDouble(-0.05, 0.05));
            accounts.add(new Account("a" + i, List.of(new SubAccount("0", MarginMode.CROSS, Map.of("USDC", equity),
                    List.of(new Position("LUNA-PERP", side * equity * leverage / price, entry))))));
        }
        Book book = new Book(List.of(Asset.of("USDC"), Asset.of("LUNA")), List.of(perp), accounts,
                new Prices(Map.of("USDC", 1.0, "LUNA", price)));
        assertPlausible("2022-05 LUNA " + policy, ReplayRunner.run(scenario("2022-05 LUNA", book, List.of(file),
                Map.of("LUNAUSDT", "LUNA"), policy), ReplaySink.NONE));
    }

    private static Scenario scenario(String name, Book book, List<Path> files, Map<String, String> symbols,
                                     String policy) {
        return new Scenario(name, book, files, "USDC", files.stream().<Scenario.Feed>map(f ->
                new Scenario.RecordedFeed(f, null)).toList(), symbols, OracleParameters.passThrough(),
                Scenario.Depth.uniform(1_000_000), LiquidityParameters.defaults().withCascade(60_000),
                LiquidationParameters.DEFAULTS, policy, 100_000, List.of(), 1, DynamicMarginParameters.DISABLED);
    }

    /** @return each asset's first price in the files, through the symbol map */
    static Map<String, Double> firstPrices(List<Path> files, Map<String, String> symbols) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Path f : files) {
            try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    if (e instanceof PriceEvent p && symbols.containsKey(p.symbol())) {
                        out.putIfAbsent(symbols.get(p.symbol()), p.price());
                    }
                }
            }
        }
        return out;
    }

    /**
     * @return the book at other prices with every position's and balance's value kept: sizes and units scaled by
     *         old/new, entry prices by new/old (so every sub-account's figures are as they were)
     */
    static Book rebased(Book book, Map<String, Double> prices) {
        Map<String, Double> factor = new LinkedHashMap<>();
        Map<String, Double> newPrices = new LinkedHashMap<>();
        for (Asset a : book.assets()) {
            double old = book.prices().find(a.symbol()).orElseThrow();
            double now = prices.getOrDefault(a.symbol(), old);
            factor.put(a.symbol(), now / old);
            newPrices.put(a.symbol(), now);
        }
        Map<String, String> underlying = new LinkedHashMap<>();
        book.markets().forEach(m -> underlying.put(m.symbol(), m.underlying()));
        List<Account> accounts = new ArrayList<>();
        for (Account a : book.accounts()) {
            List<SubAccount> subs = new ArrayList<>();
            for (SubAccount s : a.subaccounts()) {
                Map<String, Double> balances = new LinkedHashMap<>();
                s.balances().forEach((asset, units) -> balances.put(asset, units / factor.get(asset)));
                List<Position> positions = new ArrayList<>();
                for (Position p : s.positions()) {
                    double k = factor.get(underlying.get(p.market()));
                    positions.add(new Position(p.market(), p.size() / k, p.entryPrice() * k));
                }
                subs.add(new SubAccount(s.id(), s.mode(), balances, positions));
            }
            accounts.add(new Account(a.id(), subs));
        }
        return new Book(book.assets(), book.markets(), accounts, new Prices(newPrices));
    }
}
