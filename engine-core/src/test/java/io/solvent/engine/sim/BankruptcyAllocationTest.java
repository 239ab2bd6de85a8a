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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bankrupt cross sub-account's deficit, worked by hand: shared over its positions pro rata by maintenance
 * requirement, each position deleveraged at its own bankruptcy price (once the size of the last position closed set
 * one price for all: ADL fills 36% from the mark, at 1.5e9 USD, at negative prices), kept within its market's band,
 * and taken from counterparties no further than their equity.
 */
class BankruptcyAllocationTest {
    private static final double EPS = 1e-9;

    private static Market perp(String underlying, double maintenance) {
        return new Market(underlying + "-PERP", underlying,
                List.of(new MarginTier(Double.POSITIVE_INFINITY, 2 * maintenance, maintenance)), 0.01, 1);
    }

    private static Account account(String id, double usdc, Position... positions) {
        return new Account(id, List.of(new SubAccount("0", MarginMode.CROSS, Map.of("USDC", usdc),
                List.of(positions))));
    }

    private static SimulationEngine engine(Book book, double maxDistance, List<SimulationEvent> events) {
        MarginBook hot = MarginBook.of(book, "USDC");
        MarketLiquidity[] liquidity = new MarketLiquidity[hot.markets().size()];
        double[] fees = new double[liquidity.length];
        for (int m = 0; m < liquidity.length; m++) {
            liquidity[m] = new MarketLiquidity(hot.markets().symbol(m), LiquidityParameters.defaults(),
                    DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(1e9, maxDistance))));
            fees[m] = 0.01;
        }
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", 0), liquidity.length);
        Ledger ledger = new Ledger(new LedgerShape(hot.subAccounts().size(), 1, 1, liquidity.length, 1),
                LedgerListener.NONE);
        return new SimulationEngine(hot, fees, liquidity, LiquidationParameters.DEFAULTS, funds,
                new BankruptcyWaterfall(DeleveragingPolicy.parse("adl-ranked:hyperliquid")), ledger, events::add);
    }

    private static List<SimulationEvent> of(List<SimulationEvent> events, SimulationEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void eachPositionIsDeleveragedAtItsOwnBankruptcyPrice() {
        // long 10 BTC at 100,000 (maintenance 2.5%) and long 100 ETH at 2,000 (5%) on 10,000 USDC; shorts facing both
        Book book = new Book(List.of(Asset.of("USDC"), Asset.of("BTC"), Asset.of("ETH")),
                List.of(perp("BTC", 0.025), perp("ETH", 0.05)),
                List.of(account("cross", 10_000, new Position("BTC-PERP", 10, 100_000),
                                new Position("ETH-PERP", 100, 2_000)),
                        account("btcShort", 1_000_000, new Position("BTC-PERP", -10, 100_000)),
                        account("ethShort", 1_000_000, new Position("ETH-PERP", -100, 2_000))),
                new Prices(Map.of("USDC", 1.0, "BTC", 100_000.0, "ETH", 2_000.0)));
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = engine(book, 0.5, events);
        engine.onPrice(1_000, engine.book().assets().indexOf("BTC"), 98_500);

        // BTC −1.5% in one tick: equity 10,000 − 15,000 = −5,000, before anything could be sold. Maintenance at the
        // marks: BTC 985,000 × 2.5% = 24,625, ETH 200,000 × 5% = 10,000. The deficit is shared 24,625 : 10,000.
        double btcShare = 5_000 * 24_625 / 34_625.0;
        double ethShare = 5_000 * 10_000 / 34_625.0;
        List<SimulationEvent> bankruptcies = of(events, SimulationEvent.Kind.BANKRUPTCY);
        assertEquals(1, bankruptcies.size());
        assertEquals(5_000, bankruptcies.getFirst().amountUsd(), 1e-6);
        List<SimulationEvent> adl = of(events, SimulationEvent.Kind.DELEVERAGING);
        assertEquals(2, adl.size(), events.toString());
        SimulationEvent btc = adl.stream().filter(e -> e.market() == 0).findFirst().orElseThrow();
        SimulationEvent eth = adl.stream().filter(e -> e.market() == 1).findFirst().orElseThrow();
        // each at its own bankruptcy price P + D_i / s_i: 98,855.60 and 2,014.44 — both within 0.8% of their marks
        assertEquals(98_500 + btcShare / 10, btc.priceUsd(), EPS * 1e5);
        assertEquals(2_000 + ethShare / 100, eth.priceUsd(), EPS * 1e3);
        assertEquals(-10, btc.size(), EPS);
        assertEquals(-100, eth.size(), EPS);
        assertEquals(btcShare, btc.amountUsd(), 1e-6);
        assertEquals(ethShare, eth.amountUsd(), 1e-6);
        assertEquals(0, engine.book().equity(0), 1e-6, "the bankrupt ends at zero");
        RunSummary s = engine.summary();
        assertEquals(0, s.deficitUsd(), 1e-6);
        assertEquals(0, s.plausibilityViolations(), engine.firstPlausibilityViolation());
        assertTrue(s.maxLedgerImbalance() <= 1e-9);
    }

    @Test
    void aBankruptcyPriceBeyondTheMarketsBandIsCappedAndTheRestRecorded() {
        // long 1 ETH at 2,000 on 100 USDC; ETH gaps to 1,000: equity −900, a bankruptcy price of 1,900 (90% from the
        // mark) on a book whose backstop is 5%: the short pays 50 (ADL at 1,050) and 850 is deficit
        Book book = new Book(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(perp("ETH", 0.05)),
                List.of(account("long", 100, new Position("ETH-PERP", 1, 2_000)),
                        account("short", 100_000, new Position("ETH-PERP", -1, 2_000))),
                new Prices(Map.of("USDC", 1.0, "ETH", 2_000.0)));
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = engine(book, 0.05, events);
        engine.onPrice(1_000, engine.book().assets().indexOf("ETH"), 1_000);
        SimulationEvent adl = of(events, SimulationEvent.Kind.DELEVERAGING).getFirst();
        assertEquals(1_050, adl.priceUsd(), EPS);
        assertEquals(50, adl.amountUsd(), EPS);
        SimulationEvent deficit = of(events, SimulationEvent.Kind.DEFICIT).getFirst();
        assertEquals(850, deficit.amountUsd(), 1e-9);
        assertTrue(deficit.detail().endsWith("beyond the ADL band"), deficit.detail());
        assertEquals(900, engine.summary().badDebtUsd(), 1e-9);
        assertEquals(850, engine.summary().deficitUsd(), 1e-9);
        assertEquals(0, engine.summary().plausibilityViolations(), engine.firstPlausibilityViolation());
    }

    @Test
    void aCounterpartyGivesUpNoMoreThanItsEquity() {
        // long 10 ETH at 2,000 on 1,000 USDC, ETH to 1,500: deficit 4,000, 400 a unit (bankruptcy price 1,900). The
        // top-ranked short (a thin but healthy account: 100 USDC, short 10 at 1,600, equity 1,100 at 1,500) gives up
        // its 1,100 for 2.75 units; the next short takes the other 7.25 units and 2,900.
        Book book = new Book(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(perp("ETH", 0.05)),
                List.of(account("long", 1_000, new Position("ETH-PERP", 10, 2_000)),
                        account("thin", 100, new Position("ETH-PERP", -10, 1_600)),
                        account("deep", 100_000, new Position("ETH-PERP", -10, 2_000))),
                new Prices(Map.of("USDC", 1.0, "ETH", 2_000.0)));
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = engine(book, 0.5, events);
        engine.onPrice(1_000, engine.book().assets().indexOf("ETH"), 1_500);
        List<SimulationEvent> adl = of(events, SimulationEvent.Kind.DELEVERAGING);
        assertEquals(2, adl.size(), events.toString());
        assertEquals(1, adl.get(0).subAccount(), "the thin short ranks first (its profit is large against its equity)");
        assertEquals(-2.75, adl.get(0).size(), 1e-9);
        assertEquals(1_100, adl.get(0).amountUsd(), 1e-9);
        assertEquals(2, adl.get(1).subAccount());
        assertEquals(-7.25, adl.get(1).size(), 1e-9);
        assertEquals(2_900, adl.get(1).amountUsd(), 1e-9);
        assertEquals(1_900, adl.get(0).priceUsd(), EPS, "one bankruptcy price for the position");
        engine.book().revalue(1);
        assertEquals(0, engine.book().equity(1), 1e-9, "never made bankrupt by its own fill");
        // left at zero equity with 7.25 short, it is liquidatable: handed over at the mark, solvent, never bankrupt
        assertTrue(events.stream().noneMatch(e -> e.kind() == SimulationEvent.Kind.BANKRUPTCY && e.subAccount() == 1));
        assertEquals(0, engine.summary().deficitUsd(), 1e-9);
        assertEquals(4_000, engine.ledger().total(TransferReason.ADL_TRANSFER), 1e-9);
        assertEquals(0, engine.summary().plausibilityViolations(), engine.firstPlausibilityViolation());
    }

    @Test
    void aCascadeOnAThinBookStopsAtTheBackstopAndEveryFillStaysInItsBand() {
        // 200 longs at 10–20x on a $100k-per-1% book with cascade feedback: one 6% drop. Once the price seen follows
        // the book consumed, every round could liquidate more, but the price seen never leaves the backstop (50%), so
        // the step ends; every fill is within the band of the oracle price.
        List<Account> accounts = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double equity = 1_000 + 9_000 * rnd.nextDouble();
            double leverage = 10 + 10 * rnd.nextDouble();
            accounts.add(account("a" + i, equity, new Position("ETH-PERP", equity * leverage / 2_000, 2_000)));
        }
        accounts.add(account("shorts", 10_000_000, new Position("ETH-PERP", -5_000, 2_000)));
        Book book = new Book(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(perp("ETH", 0.025)), accounts,
                new Prices(Map.of("USDC", 1.0, "ETH", 2_000.0)));
        MarginBook hot = MarginBook.of(book, "USDC");
        MarketLiquidity thin = new MarketLiquidity("ETH-PERP", LiquidityParameters.defaults().withCascade(60_000),
                DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(100_000, 0.5))));
        List<SimulationEvent> events = new ArrayList<>();
        SimulationEngine engine = new SimulationEngine(hot, new double[] {0.01}, new MarketLiquidity[] {thin},
                LiquidationParameters.DEFAULTS, InsuranceFunds.venueWide(FundSpec.uncapped("venue", 0), 1),
                new BankruptcyWaterfall(DeleveragingPolicy.parse("adl-ranked")),
                new Ledger(new LedgerShape(hot.subAccounts().size(), 1, 1, 1, 1), LedgerListener.NONE), events::add);
        engine.onPrice(1_000, hot.assets().indexOf("ETH"), 1_880);
        double seen = hot.assets().price(hot.assets().indexOf("ETH"));
        assertTrue(seen >= 1_880 * 0.5 - 1e-9 && seen <= 1_880, "price seen " + seen);
        List<SimulationEvent> fills = of(events, SimulationEvent.Kind.LIQUIDATION);
        assertTrue(fills.size() > 50, fills.size() + " liquidations");
        for (SimulationEvent f : fills) {
            assertTrue(f.priceUsd() > 0 && Math.abs(f.priceUsd() / 1_880 - 1) <= 0.5 + 1e-12, f.toString());
        }
        assertEquals(0, engine.summary().plausibilityViolations(), engine.firstPlausibilityViolation());
        assertTrue(engine.summary().maxLedgerImbalance() <= 1e-9);
    }
}
