package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.ledger.Parties;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One crash worked by hand: a 20× long goes bankrupt, the fund pays what it has, and ranked ADL takes the rest from
 * the top-ranked short at the bankruptcy price.
 */
class SimulationEngineTest {
    private static final double EPS = 1e-9;

    /** sub 0: 1,000 USDC, long 10 ETH at 2,000; sub 1: 10,000 USDC, short 10 at 2,000; sub 2: 10,000, short 5 at 2,100. */
    static Book book() {
        Market perp = new Market("ETH-PERP", "ETH",
                List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.10, 0.05)), 0.01, 1);
        List<Account> accounts = new ArrayList<>();
        accounts.add(account("long", 1000, 10, 2000));
        accounts.add(account("short1", 10000, -10, 2000));
        accounts.add(account("short2", 10000, -5, 2100));
        return new Book(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(perp), accounts,
                new Prices(Map.of("USDC", 1.0, "ETH", 2000.0)));
    }

    private static Account account(String id, double usdc, double size, double entry) {
        return new Account(id, List.of(new SubAccount("0", MarginMode.CROSS, Map.of("USDC", usdc),
                List.of(new Position("ETH-PERP", size, entry)))));
    }

    static SimulationEngine engine(Book book, String policy, double fund, List<SimulationEvent> events) {
        MarginBook hot = MarginBook.of(book, "USDC");
        // $1M of depth per 1% away from the price, on each side
        MarketLiquidity liquidity = new MarketLiquidity("ETH-PERP", LiquidityParameters.defaults(),
                DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(1_000_000, 0.5))));
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", fund), 1);
        Ledger ledger = new Ledger(new LedgerShape(hot.subAccounts().size(), 1, 1, 1, 1), LedgerListener.NONE);
        return new SimulationEngine(hot, new double[] {0.01}, new MarketLiquidity[] {liquidity},
                LiquidationParameters.DEFAULTS, funds, new BankruptcyWaterfall(DeleveragingPolicy.parse(policy)),
                ledger, events::add);
    }

    @Test
    void bankruptLongIsCoveredByTheFundThenByTheTopRankedShort() {
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine fresh = engine(book(), "adl-ranked:hyperliquid", 100, events);
        MarginBook b = fresh.book();
        int eth = b.assets().indexOf("ETH");
        fresh.onPrice(60_000, eth, 1850);

        // The gap leaves the long at 1,000 + 10·(1,850 − 2,000) = −500: bankrupt before anything is sold. The book
        // would only add slippage to the loss, so none of it is sold there: the position is handed over at the mark.
        SimulationEvent liq = events.getFirst();
        assertEquals(SimulationEvent.Kind.LIQUIDATION, liq.kind());
        assertEquals(0, liq.subAccount());
        assertEquals(10, liq.size(), EPS);
        assertEquals(1850, liq.priceUsd(), 0, "at the mark");
        assertEquals(18_500, liq.amountUsd(), EPS);
        assertEquals(0, liq.feeUsd(), "no fee out of negative equity");
        assertEquals("handed over at the mark, to the bankruptcy waterfall", liq.detail());

        double deficit = 500;
        SimulationEvent bankruptcy = events.get(1);
        assertEquals(SimulationEvent.Kind.BANKRUPTCY, bankruptcy.kind());
        assertEquals(deficit, bankruptcy.amountUsd(), 1e-9);
        assertEquals(SimulationEvent.Kind.FUND_PAYMENT, events.get(2).kind());
        assertEquals(100, events.get(2).amountUsd(), EPS, "the fund pays all it has");

        // ADL: the position's bankruptcy price 1,850 + 400/10 = 1,890; short1 (Hyperliquid key 1.075·18,500/11,500 =
        // 1.729 against short2's 1.119·9,250/11,250 = 0.920) closes all 10 and hands over 400.
        SimulationEvent adl = events.get(3);
        assertEquals(SimulationEvent.Kind.DELEVERAGING, adl.kind());
        assertEquals(1, adl.subAccount(), "the top-ranked short");
        assertEquals(-10, adl.size(), EPS);
        assertEquals(1890, adl.priceUsd(), 1e-9);
        assertEquals(400, adl.amountUsd(), 1e-9);
        assertEquals(4, events.size(), "no deficit left: " + events);

        // Final state: the bankrupt at exactly zero, short1 flat with its PnL at the mark less the ADL transfer.
        assertEquals(0, b.equity(0), 1e-9);
        assertEquals(10000 + 1500 - 400, b.equity(1), 1e-9);
        assertEquals(0, b.subAccounts().positionSize(b.subAccounts().positionStart(1)));
        assertEquals(-5, b.subAccounts().positionSize(b.subAccounts().positionStart(2)), "short2 untouched");

        RunSummary s = fresh.summary();
        assertEquals(1, s.liquidations());
        assertEquals(18_500, s.liquidatedNotionalUsd(), EPS);
        assertEquals(1, s.bankruptcies());
        assertEquals(deficit, s.badDebtUsd(), 1e-9);
        assertEquals(0, s.fundEndUsd(), EPS);
        assertEquals(0, s.fundMinimumUsd(), EPS);
        assertEquals(1, s.deleveragingFills());
        assertEquals(0, s.deficitUsd(), EPS);
        assertEquals(0, s.plausibilityViolations());
        assertTrue(s.maxLedgerImbalance() <= 1e-9, "ledger balances: " + s.maxLedgerImbalance());
        Ledger l = fresh.ledger();
        assertEquals(0, l.total(TransferReason.SLIPPAGE), 0, "nothing went through the book");
        assertEquals(-100, l.balance(Parties.insuranceFund(0)), EPS, "the fund's net flow");
    }

    @Test
    void theBookTakesWhatLeavesTheAccountSolventAndTheRestIsHandedOver() {
        // long 10 ETH at 2,000 with 1,000 USDC, ETH at 1,905: equity 50, maintenance 952.50, liquidatable. On a thin
        // book of $10k per 1% (x(q) = q/1e6, s(q) = q/2e6) selling it all would cost 19,050·0.9525% = 181 > 50; the
        // book takes q with q·s(q) = q²/2e6 = 50, q = 10,000 USD (filled on average 0.5% below), and the other
        // 10 − 10,000/1,905 ETH is handed over at the mark with the account at zero equity: no bad debt.
        Book book = new Book(book().assets(), book().markets(), List.of(account("long", 1000, 10, 2000),
                account("short1", 10000, -10, 2000)), book().prices());
        List<SimulationEvent> events = new ArrayList<>();
        MarginBook hot = MarginBook.of(book, "USDC");
        MarketLiquidity thin = new MarketLiquidity("ETH-PERP", LiquidityParameters.defaults(),
                DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(10_000, 0.5))));
        SimulationEngine engine = new SimulationEngine(hot, new double[] {0.01}, new MarketLiquidity[] {thin},
                LiquidationParameters.DEFAULTS, InsuranceFunds.venueWide(FundSpec.uncapped("venue", 0), 1),
                new BankruptcyWaterfall(DeleveragingPolicy.parse("adl-ranked")),
                new Ledger(new LedgerShape(2, 1, 1, 1, 1), LedgerListener.NONE), events::add);
        engine.onPrice(1, hot.assets().indexOf("ETH"), 1905);
        assertEquals(2, events.size(), events.toString());
        SimulationEvent sold = events.get(0);
        assertEquals(10_000, sold.amountUsd(), 1e-6);
        assertEquals(1905 * (1 - 0.005), sold.priceUsd(), 1e-6);
        assertEquals(0, sold.feeUsd(), 1e-9, "nothing left for a fee");
        SimulationEvent rest = events.get(1);
        assertEquals("handed over at the mark, solvent", rest.detail());
        assertEquals(10 - 10_000 / 1905.0, rest.size(), 1e-9);
        assertEquals(1905, rest.priceUsd(), 0);
        assertEquals(0, hot.equity(0), 1e-6);
        assertEquals(0, engine.summary().bankruptcies());
        assertTrue(engine.summary().maxLedgerImbalance() <= 1e-9);
    }

    @Test
    void theSameBankruptcyUnderDeficitAndSocialize() {
        List<SimulationEvent> deficitEvents = new ArrayList<>();
        SimulationEngine deficit = engine(book(), "deficit", 100, deficitEvents);
        deficit.onPrice(60_000, deficit.book().assets().indexOf("ETH"), 1850);
        RunSummary d = deficit.summary();
        double badDebt = d.badDebtUsd();
        assertEquals(badDebt - 100, d.deficitUsd(), 1e-9, "what the fund cannot pay stays as deficit");
        assertEquals(0, d.deleveragingFills());
        deficit.book().revalue(1); // untouched, so not re-evaluated by the step: evaluate it at the current price
        assertEquals(10000 + 1500, deficit.book().equity(1), 1e-9, "shorts keep their profit");

        List<SimulationEvent> socialEvents = new ArrayList<>();
        SimulationEngine social = engine(book(), "socialize", 100, socialEvents);
        social.onPrice(60_000, social.book().assets().indexOf("ETH"), 1850);
        RunSummary s = social.summary();
        assertEquals(0, s.deficitUsd(), 1e-9);
        // spread over the open interest left (15 units of shorts): short1 pays 10/15, short2 5/15
        double shortfall = s.badDebtUsd() - 100;
        assertEquals(10000 + 1500 - shortfall * 10 / 15, social.book().equity(1), 1e-9);
        assertEquals(10000 + 5 * (2100 - 1850) - shortfall * 5 / 15, social.book().equity(2), 1e-9);
        assertTrue(s.maxLedgerImbalance() <= 1e-9);
    }

    @Test
    void aHealthyDropLiquidatesPartiallyAndPaysTheFee() {
        // long 10 at 2,000 with 2,000 USDC: at 1,900, health 2,000 − 1,000 − 950 = 50 > 0, not liquidatable;
        // at 1,880: 2,000 − 1,200 − 940 = −140 → liquidate just enough for health factor ≥ 1.02.
        Book book = new Book(book().assets(), book().markets(), List.of(account("long", 2000, 10, 2000),
                account("short1", 10000, -10, 2000)), book().prices());
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = engine(book, "deficit", 0, events);
        engine.onPrice(1, engine.book().assets().indexOf("ETH"), 1900);
        assertTrue(events.isEmpty());
        engine.onPrice(2, engine.book().assets().indexOf("ETH"), 1880);
        SimulationEvent liq = events.getFirst();
        assertEquals(SimulationEvent.Kind.LIQUIDATION, liq.kind());
        assertTrue(liq.size() > 0 && liq.size() < 10, "partial: " + liq);
        MarginBook b = engine.book();
        assertEquals(1.02, b.maintenanceHealthFactor(0), 1e-9, "restored to exactly 1 + buffer");
        assertEquals(0.01 * liq.amountUsd(), liq.feeUsd(), 1e-12, "1% of the closed notional");
        assertEquals(liq.feeUsd() / 2, engine.summary().fundEndUsd(), 1e-12, "half the fee to the fund");
        assertEquals(liq.feeUsd() / 2, engine.summary().liquidatorFeesUsd(), 1e-12);
        assertTrue(engine.summary().maxLedgerImbalance() <= 1e-9);
    }

    /** 10 ETH collateral (maintenance weight 0.825) against 15,000 USDC borrowed: liquidatable below 1,818.18. */
    private static SimulationEngine lendingEngine(String policy, double ethDepthPerPercent, List<SimulationEvent> events) {
        Asset eth = new Asset("ETH", 0.8, 0.825, 1, 1, 0);
        List<Market> markets = ethDepthPerPercent > 0
                ? List.of(new Market("ETH-PERP", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.05)),
                        0.01, 1))
                : List.of();
        Book lending = new Book(List.of(Asset.of("USDC"), eth), markets,
                List.of(new Account("borrower", List.of(new SubAccount("0", MarginMode.CROSS,
                        Map.of("ETH", 10.0, "USDC", -15000.0), List.of())))),
                new Prices(Map.of("USDC", 1.0, "ETH", 2000.0)));
        MarginBook hot = MarginBook.of(lending, "USDC");
        MarketLiquidity[] liquidity = markets.isEmpty() ? new MarketLiquidity[0] : new MarketLiquidity[] {
            new MarketLiquidity("ETH-PERP", LiquidityParameters.defaults(),
                    DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(ethDepthPerPercent, 0.5))))};
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", 0), 1);
        return new SimulationEngine(hot, new double[markets.size()], liquidity, LiquidationParameters.DEFAULTS, funds,
                new BankruptcyWaterfall(DeleveragingPolicy.parse(policy)),
                new Ledger(new LedgerShape(1, 1, 1, 1, 1), LedgerListener.NONE), events::add);
    }

    @Test
    void aBorrowBelowTheFullCloseThresholdIsRepaidWholeFromCollateral() {
        // At 1,700: health factor 17,000 × 0.825 / 15,000 = 0.935 <= 0.95, so the whole 15,000 is repaid. No ETH market:
        // the collateral sells at the oracle. 15,000 × 1.05 = 15,750 of ETH is sold (9.2647 ETH), the 750 bonus split
        // 375 / 375; 0.7353 ETH (1,250 USD) is left and nothing is owed.
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = lendingEngine("deficit", 0, events);
        MarginBook b = engine.book();
        int eth = b.assets().indexOf("ETH");
        engine.onPrice(1, eth, 1700);
        assertEquals(1, events.size(), events.toString());
        SimulationEvent sale = events.get(0);
        assertEquals(SimulationEvent.Kind.COLLATERAL_SALE, sale.kind());
        assertEquals(-15750.0 / 1700, sale.size(), EPS);
        assertEquals(1700, sale.priceUsd(), EPS);
        assertEquals(15000, sale.amountUsd(), 1e-9);
        assertEquals(750, sale.feeUsd(), 1e-9);
        assertEquals(0, b.settlementUnits(0), 1e-9, "the debt is repaid");
        assertEquals(1250, b.equity(0), 1e-9);
        assertEquals(375, engine.summary().fundEndUsd(), 1e-9);
        assertEquals(375, engine.summary().liquidatorFeesUsd(), 1e-9);
        assertTrue(!b.liquidatable(0));
        assertTrue(engine.summary().maxLedgerImbalance() <= 1e-9);
    }

    @Test
    void aBorrowAboveTheThresholdIsHalfRepaidPerStep() {
        // At 1,800: health factor 0.99 > 0.95, close factor 0.5: 7,500 repaid by selling 7,875 of ETH (4.375 ETH),
        // bonus 375. Left: 5.625 ETH against 7,500 USDC, health factor 10,125 × 0.825 / 7,500 = 1.11.
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = lendingEngine("deficit", 0, events);
        MarginBook b = engine.book();
        engine.onPrice(1, b.assets().indexOf("ETH"), 1800);
        assertEquals(1, events.size(), events.toString());
        assertEquals(-4.375, events.get(0).size(), EPS);
        assertEquals(7500, events.get(0).amountUsd(), 1e-9);
        assertEquals(375, events.get(0).feeUsd(), 1e-9);
        assertEquals(-7500, b.settlementUnits(0), 1e-9);
        assertEquals(10125 * 0.825 / 7500, b.maintenanceHealthFactor(0), 1e-12);
    }

    @Test
    void collateralThatCannotCoverTheDebtIsSoldWithSlippageAndTheRestIsDeficit() {
        // At 1,400 the 10 ETH (14,000) cannot cover 15,000: all of it is sold into $1M of depth per 1%, the proceeds
        // repay what they can (no bonus out of negative equity), and the shortfall is bad debt; with an empty fund
        // and no counterparty positions it is recorded as deficit, whatever the policy.
        for (String policy : List.of("deficit", "adl-ranked", "socialize")) {
            List<SimulationEvent> events = new ArrayList<>();
            SimulationEngine engine = lendingEngine(policy, 1_000_000, events);
            MarginBook b = engine.book();
            engine.onPrice(1, b.assets().indexOf("ETH"), 1400);
            SimulationEvent sale = events.get(0);
            assertEquals(SimulationEvent.Kind.COLLATERAL_SALE, sale.kind());
            assertEquals(-10, sale.size(), EPS, "all the collateral");
            double slippage = 0.5 * 14000 / 1_000_000 / 100; // linear depth: average distance is half the marginal one
            assertEquals(1400 * (1 - slippage), sale.priceUsd(), 1e-9);
            assertEquals(0, sale.feeUsd(), 0);
            double proceeds = 14000 * (1 - slippage);
            assertEquals(proceeds, sale.amountUsd(), 1e-9);
            SimulationEvent bankrupt = events.get(1);
            assertEquals(SimulationEvent.Kind.BANKRUPTCY, bankrupt.kind());
            assertEquals(-1, bankrupt.market());
            assertEquals(15000 - proceeds, bankrupt.amountUsd(), 1e-9);
            assertEquals(15000 - proceeds, engine.summary().deficitUsd(), 1e-9, policy);
            assertEquals(0, b.equity(0), 1e-9);
            assertEquals(14000 * slippage, engine.ledger().total(TransferReason.SLIPPAGE), 1e-9);
            assertTrue(engine.summary().maxLedgerImbalance() <= 1e-9);
        }
    }

    @Test
    void dynamicMarginRaisesTheRequirementInAVolatileMarketAndShowsItInTheEvents() {
        // long 10 ETH at 2,000 with 2,000 USDC: maintenance 5% of 20,000 = 1,000, health 1,000. ETH swings ±1% a
        // second around 2,000 (a 1% move in one second is thousands of percent annualised, against a reference of 80%):
        // with dynamic margin the requirement scales up to its cap (x2.25 here) and the account is liquidated; without
        // it nothing happens.
        long[] liquidations = new long[2];
        long[] changes = new long[2];
        for (int on = 0; on < 2; on++) {
            List<SimulationEvent> events = new ArrayList<>();
            Book book = new Book(List.of(Asset.of("USDC"), Asset.of("ETH")), book().markets(),
                    List.of(account("long", 2000, 10, 2000)), new Prices(Map.of("USDC", 1.0, "ETH", 2000.0)));
            SimulationEngine engine = engine(book, "deficit", 0, events);
            if (on == 1) {
                engine.setDynamicMargin(new io.solvent.engine.margin.DynamicMarginCalculator(2, 60_000, 0.8, 2.25, 0.05));
            }
            int eth = engine.book().assets().indexOf("ETH");
            for (int t = 0; t <= 120; t++) {
                engine.onPrice(t * 1_000L, eth, t % 2 == 0 ? 2000 : 1980);
                if (on == 1 && events.stream().noneMatch(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION)) {
                    double m = engine.book().marginMultiplier(eth);
                    double notional = 10 * (t % 2 == 0 ? 2000 : 1980);
                    assertEquals(m * 0.05 * notional, engine.book().maintenanceRequirement(0), 1e-9);
                }
            }
            liquidations[on] = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION).count();
            changes[on] = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.MARGIN_CHANGE).count();
            assertEquals(changes[on], engine.marginChanges());
            if (on == 1) {
                SimulationEvent first = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.MARGIN_CHANGE)
                        .findFirst().orElseThrow();
                assertTrue(first.detail().matches("ETH margin x1\\.00 -> x2\\.25 \\(volatility \\d+% annualised\\)"),
                        first.detail());
                assertEquals(0, first.market());
            }
        }
        assertEquals(0, liquidations[0], "without dynamic margin the account is safe");
        assertEquals(0, changes[0]);
        assertTrue(changes[1] > 0 && liquidations[1] > 0, changes[1] + " changes, " + liquidations[1] + " liquidations");
    }

    @Test
    void turningDynamicMarginOffRestoresTheBooksOwnRequirementExactly() {
        SimulationEngine engine = engine(book(), "deficit", 0, new ArrayList<>());
        MarginBook b = engine.book();
        double before = b.maintenanceRequirement(1);
        io.solvent.engine.margin.DynamicMarginCalculator calc =
                new io.solvent.engine.margin.DynamicMarginCalculator(2, 60_000, 0.8, 3, 0.05);
        engine.setDynamicMargin(calc);
        int eth = b.assets().indexOf("ETH");
        for (int t = 0; t <= 30; t++) {
            engine.onPrice(t * 1_000L, eth, t % 2 == 0 ? 2000 : 1990);
        }
        assertTrue(b.marginMultiplier(eth) > 1);
        engine.setDynamicMargin(null);
        assertEquals(1, b.marginMultiplier(eth), 0);
        engine.onPrice(31_000, eth, 2000);
        assertEquals(before, b.maintenanceRequirement(1), 0, "bit for bit the book's own requirement");
    }
}
