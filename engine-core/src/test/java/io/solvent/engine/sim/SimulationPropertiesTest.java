package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.DepthCurve;
import io.solvent.engine.liquidity.DepthHistory;
import io.solvent.engine.liquidity.DepthSnapshot;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What must hold for any book, any price path and any deleveraging policy. */
class SimulationPropertiesTest {
    private static final String[] ASSETS = {"BTC", "ETH", "SOL"};

    /** A perps book of {@code n} sub-accounts over three markets, cash in USDC, leverage up to 20×. */
    static Book perpsBook(long seed, int n) {
        return perpsBook(seed, n, 1, 3);
    }

    /**
     * The same book with every tier's maintenance fraction multiplied by {@code raise} (at most up to initial), each
     * sub-account holding 1 to {@code maxPositions} positions.
     */
    static Book perpsBook(long seed, int n, double raise, int maxPositions) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Asset> assets = new ArrayList<>(List.of(Asset.of("USDC")));
        List<Market> markets = new ArrayList<>();
        Map<String, Double> prices = new LinkedHashMap<>();
        prices.put("USDC", 1.0);
        double[] start = {60_000, 3_000, 150};
        for (int i = 0; i < ASSETS.length; i++) {
            assets.add(Asset.of(ASSETS[i]));
            markets.add(new Market(ASSETS[i] + "-PERP", ASSETS[i], List.of(new MarginTier(200_000, 0.05, 0.025 * raise),
                    new MarginTier(Double.POSITIVE_INFINITY, 0.10, 0.05 * raise)), 0.01, 1));
            prices.put(ASSETS[i], start[i]);
        }
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double cash = 1_000 + 50_000 * rnd.nextDouble();
            List<Position> positions = new ArrayList<>();
            int count = 1 + rnd.nextInt(3) % maxPositions;
            int firstMarket = rnd.nextInt(ASSETS.length);
            for (int k = 0; k < count; k++) {
                int m = (firstMarket + k) % ASSETS.length; // one position per market, as venues hold them
                double leverage = 1 + 19 * rnd.nextDouble() / count;
                double size = (rnd.nextBoolean() ? 1 : -1) * cash * leverage / start[m];
                positions.add(new Position(markets.get(m).symbol(), size, start[m] * (0.98 + 0.04 * rnd.nextDouble())));
            }
            accounts.add(new Account("a" + a, List.of(new SubAccount("0", MarginMode.CROSS,
                    Map.of("USDC", cash), positions))));
        }
        return new Book(assets, markets, accounts, new Prices(prices));
    }

    static SimulationEngine engine(Book book, String policy, boolean cascade) {
        return engine(book, policy, cascade, LiquidationParameters.DEFAULTS);
    }

    static SimulationEngine engine(Book book, String policy, boolean cascade, LiquidationParameters params) {
        return engine(book, policy, cascade, params, 2_000_000);
    }

    static SimulationEngine engine(Book book, String policy, boolean cascade, LiquidationParameters params,
                                   double depthPerPercentUsd) {
        MarginBook hot = MarginBook.of(book, "USDC");
        int markets = hot.markets().size();
        MarketLiquidity[] liquidity = new MarketLiquidity[markets];
        double[] fees = new double[markets];
        for (int m = 0; m < markets; m++) {
            liquidity[m] = new MarketLiquidity(hot.markets().symbol(m),
                    new LiquidityParameters(0.2, cascade, 60_000),
                    DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(depthPerPercentUsd, 0.5))));
            fees[m] = book.markets().get(m).liquidationFee();
        }
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", 5_000), markets);
        Ledger ledger = new Ledger(new LedgerShape(hot.subAccounts().size(), 1, 1, markets, 1), LedgerListener.NONE);
        return new SimulationEngine(hot, fees, liquidity, params, funds,
                new BankruptcyWaterfall(DeleveragingPolicy.parse(policy)), ledger, SimulationListener.NONE);
    }

    /** A crash path: each step one asset moves by up to ±4%, with a downward drift. */
    static void run(SimulationEngine engine, long seed, int steps, Runnable afterEachStep) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        MarginBook b = engine.book();
        engine.sweep(0); // the book may open with sub-accounts already liquidatable
        for (int t = 0; t < steps; t++) {
            int asset = 1 + rnd.nextInt(ASSETS.length);
            double move = 1 + 0.08 * (rnd.nextDouble() - 0.6);
            engine.onPrice(1_000L * (t + 1), asset, b.assets().price(asset) * move);
            afterEachStep.run();
        }
    }

    @Property(tries = 300)
    void theLedgerBalancesAndAgreesWithTheBook(@ForAll long seed,
                                               @ForAll @From("policies") String policy,
                                               @ForAll boolean cascade) {
        Book book = perpsBook(seed, 40);
        SimulationEngine engine = engine(book, policy, cascade);
        MarginBook b = engine.book();
        double[] opening = new double[b.subAccounts().size()];
        for (int s = 0; s < opening.length; s++) {
            opening[s] = b.settlementUnits(s);
        }
        run(engine, seed, 150, () -> { });
        RunSummary summary = engine.summary();
        assertTrue(summary.maxLedgerImbalance() <= 1e-9, "imbalance " + summary.maxLedgerImbalance());
        // plausibility, not only conservation: every fill positive and within its band, no ADL counterparty made
        // bankrupt by its own fill, bad debt equal to the negative equity behind it
        assertTrue(summary.plausibilityChecks() > 0);
        assertEquals(0, summary.plausibilityViolations(), engine.firstPlausibilityViolation());
        for (int s = 0; s < opening.length; s++) {
            double moved = b.settlementUnits(s) - opening[s]; // USDC at par: units are USD
            assertEquals(moved, engine.ledger().subAccountBalance(s), 1e-9 * Math.max(1, Math.abs(opening[s])),
                    "sub-account " + s + ": the ledger's net flow is the change of its cash");
        }
        Ledger l = engine.ledger();
        double covered = l.total(TransferReason.BAD_DEBT_PAYOUT) + l.total(TransferReason.ADL_TRANSFER)
                + l.total(TransferReason.SOCIALIZED_LOSS) + l.total(TransferReason.DEFICIT);
        double tol = 1e-9 * Math.max(1, summary.badDebtUsd());
        assertEquals(summary.badDebtUsd(), covered, tol, "every dollar of bad debt is paid by someone or recorded");
        assertEquals(summary.deficitUsd(), l.total(TransferReason.DEFICIT), tol);
        assertEquals(5_000 + l.total(TransferReason.LIQUIDATION_FEE_TO_FUND) - l.total(TransferReason.BAD_DEBT_PAYOUT),
                summary.fundEndUsd(), 1e-9 * 5_000, "the fund: opening + fees − payouts");
    }

    @Property(tries = 300)
    void noSubAccountIsLeftLiquidatableAfterAStep(@ForAll long seed, @ForAll @From("policies") String policy) {
        Book book = perpsBook(seed, 40);
        SimulationEngine engine = engine(book, policy, false);
        MarginBook b = engine.book();
        run(engine, seed, 100, () -> {
            b.revalueAll(); // at the current prices (the indexed engine looks only at those a move may have pushed over)
            for (int s = 0; s < b.subAccounts().size(); s++) {
                assertFalse(b.liquidatable(s), "sub-account " + s + " left liquidatable, health "
                        + b.maintenanceHealth(s));
            }
        });
    }

    /**
     * Raising maintenance margin never increases bad debt — without cascade feedback, with sub-accounts that do not
     * interact (recorded deficit: no ADL or socialized loss moving others' positions; a book so deep that one fill
     * does not worsen the next, since fills share the book), one position each, and whole
     * positions closed when liquidated (a buffer so large that the close fraction is 1, as Binance and Hyperliquid
     * close a small account outright). A higher requirement then triggers at the same tick or an earlier one, and a
     * sub-account with negative equity is liquidatable under any requirement, so it can only go bankrupt where the
     * lower requirement would too.
     *
     * <p>Under partial liquidation to a buffer the property is false on a discrete path, and the engine shows why:
     * (seed 18 of {@link #perpsBook}, one position each, ×1.01) sub-account 27 (long 75.5 ETH) is liquidated a tick
     * earlier, at 2,409 rather than 2,400, where restoring the buffer takes only 19.7 ETH rather than 34.2; the next
     * tick gaps to 2,329 with 55.8 ETH still open, and it goes bankrupt by 418 USD where it did not before. With
     * several positions it fails too: closing more of the largest position first can close a hedge (seed 0, ×1.01:
     * sub-account 19, short ETH against long SOL, bad debt 2,676 → 3,900 USD).
     */
    @Property(tries = 300)
    void raisingMaintenanceMarginNeverIncreasesBadDebtWithoutCascade(@ForAll long seed,
            @ForAll @net.jqwik.api.constraints.DoubleRange(min = 1, max = 2) double raise) {
        LiquidationParameters wholePositions = new LiquidationParameters(1e9, 1.0, 1.0, 0.5);
        double[] badDebt = new double[2];
        double[] raises = {1, raise};
        for (int i = 0; i < 2; i++) {
            SimulationEngine engine = engine(perpsBook(seed, 40, raises[i], 1), "deficit", false, wholePositions, 1e18);
            run(engine, seed, 150, () -> { });
            badDebt[i] = engine.summary().badDebtUsd();
        }
        assertTrue(badDebt[1] <= badDebt[0] + 1e-9 * Math.max(1, badDebt[0]),
                "maintenance ×" + raise + ": bad debt " + badDebt[1] + " > " + badDebt[0]);
    }

    /**
     * The trigger index changes which sub-accounts a step looks at, never what it does: indexed and plain engines give
     * the same events and the same state hash, bit for bit — perps and lending books, every policy, cascade feedback
     * and dynamic margin on or off.
     */
    @Property(tries = 150)
    void theIndexedEngineDoesExactlyWhatThePlainOneDoes(@ForAll long seed, @ForAll @From("policies") String policy,
                                                        @ForAll boolean cascade, @ForAll boolean dynamic,
                                                        @ForAll boolean lending) {
        String[] hashes = new String[2];
        List<List<SimulationEvent>> events = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Integer>> counts = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            Book book = lending ? io.solvent.engine.book.HealthTriggerIndexTest.book(seed, 50) : perpsBook(seed, 50);
            SimulationEngine engine = engine(book, policy, cascade).copy(events.get(i)::add);
            engine.setIndexed(i == 1);
            if (dynamic) {
                engine.setDynamicMargin(new io.solvent.engine.margin.DynamicMarginCalculator(
                        engine.book().assets().size(), 20_000, 0.6, 2, 0.1));
            }
            List<Integer> c = counts.get(i);
            run(engine, seed, 150, () -> {
                c.add(engine.atRiskCount());
                c.add(engine.liquidatableCount());
            });
            hashes[i] = StateHasher.hash(engine.book(), engine.funds(), engine.ledger());
        }
        assertEquals(events.get(0), events.get(1));
        assertEquals(counts.get(0), counts.get(1), "at-risk and liquidatable counts after every step");
        assertEquals(hashes[0], hashes[1]);
    }

    @Property(tries = 100)
    void theSameInputsGiveTheSameStateHash(@ForAll long seed, @ForAll @From("policies") String policy,
                                           @ForAll @IntRange(min = 1, max = 60) int accounts) {
        String[] hashes = new String[2];
        for (int i = 0; i < 2; i++) {
            SimulationEngine engine = engine(perpsBook(seed, accounts), policy, true);
            run(engine, seed, 80, () -> { });
            hashes[i] = StateHasher.hash(engine.book(), fundsOf(engine), engine.ledger());
        }
        assertEquals(hashes[0], hashes[1]);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> policies() {
        return net.jqwik.api.Arbitraries.of("adl-ranked:binance", "adl-ranked:hyperliquid", "socialize", "deficit");
    }

    private static InsuranceFunds fundsOf(SimulationEngine engine) {
        return engine.funds();
    }
}
