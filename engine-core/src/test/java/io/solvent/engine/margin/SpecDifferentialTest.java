package io.solvent.engine.margin;

import io.solvent.engine.model.Book;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.testing.RandomBooks;
import io.solvent.engine.testing.SpecOracle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Map;
import java.util.OptionalDouble;

import static io.solvent.engine.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine against an independent implementation of the spec ({@link SpecOracle}) on random books with tiers,
 * size factors, positive-PnL weights, borrows and several positions on the same underlying: every figure to 1e-9
 * relative.
 */
class SpecDifferentialTest {
    private static final double REL = 1e-9;

    @Property(tries = 1000)
    void everyFigureAgreesWithTheIndependentImplementation(@ForAll long seed) {
        Book book = RandomBooks.generate(seed, 3);
        MarginCalculator calc = new MarginCalculator(Instruments.of(book));
        SpecOracle oracle = new SpecOracle(book);
        for (var account : book.accounts()) {
            for (SubAccount sub : account.subaccounts()) {
                SubAccountMargin m = calc.evaluate(sub, book.prices());
                Map<String, Double> expected = oracle.figures(sub, book.prices());
                String at = account.id() + "/" + sub.id() + " seed " + seed + ": ";
                double scale = expected.get("maintenance.weightedAssets") + expected.get("maintenance.weightedLiabilities");
                assertClose(expected.get("equity"), m.equity(), REL, scale, at + "equity");
                assertEquals(expected.get("liquidatable") == 1.0, m.liquidatable(), at + "liquidatable");
                assertClose(expected.get("freeCollateral"), m.freeCollateral(), REL, scale, at + "freeCollateral");
                assertClose(expected.get("marginRatio"), m.marginRatio(), REL, 0, at + "marginRatio");
                assertClose(expected.get("leverage"), m.leverage(), REL, 0, at + "leverage");
                figures(expected, "initial", m.initial(), scale, at);
                figures(expected, "maintenance", m.maintenance(), scale, at);
                assertEquals(expected.keySet().stream().filter(k -> k.startsWith("liquidationPrices.")).toList(),
                        m.liquidationPrices().keySet().stream().map(k -> "liquidationPrices." + k).toList(),
                        at + "liquidation price assets, in book order");
                for (Map.Entry<String, OptionalDouble> e : m.liquidationPrices().entrySet()) {
                    assertClose(expected.get("liquidationPrices." + e.getKey()), e.getValue(), REL, 0,
                            at + "liquidation price of " + e.getKey());
                }
                for (int i = 0; i < m.positions().size(); i++) {
                    PositionMargin p = m.positions().get(i);
                    String k = "positions[" + i + "].";
                    assertClose(expected.get(k + "notional"), p.notional(), REL, at + k + "notional");
                    assertClose(expected.get(k + "unrealizedPnl"), p.unrealizedPnl(), REL, at + k + "pnl");
                    assertClose(expected.get(k + "initialRequirement"), p.initialRequirement(), REL, at + k + "ir");
                    assertClose(expected.get(k + "maintenanceRequirement"), p.maintenanceRequirement(), REL,
                            at + k + "mr");
                    assertClose(expected.get(k + "liquidationPrice"), p.liquidationPrice(), REL, 0, at + k + "lp");
                    // a distance is a difference of two prices: compare it relative to the price, not to itself
                    assertClose(expected.get(k + "liquidationDistance"), p.liquidationDistance(), REL, 1,
                            at + k + "distance");
                }
            }
        }
    }

    private static void figures(Map<String, Double> expected, String type, MarginFigures f, double scale, String at) {
        assertClose(expected.get(type + ".weightedAssets"), f.weightedAssets(), REL, at + type + ".A");
        assertClose(expected.get(type + ".weightedLiabilities"), f.weightedLiabilities(), REL, at + type + ".L");
        assertClose(expected.get(type + ".requirement"), f.requirement(), REL, at + type + ".R");
        assertClose(expected.get(type + ".health"), f.health(), REL, scale, at + type + ".health");
        assertClose(expected.get(type + ".healthFactor"), f.healthFactor(), REL, 0, at + type + ".healthFactor");
    }
}
