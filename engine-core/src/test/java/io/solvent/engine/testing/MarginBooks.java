package io.solvent.engine.testing;

import io.solvent.engine.book.ExposureIndex;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.model.MarginType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Holds two hot states to each other, figure for figure (doubles bit for bit). */
public final class MarginBooks {
    private MarginBooks() {
    }

    /** Fails at the first figure, id, row or index entry that differs. */
    public static void assertIdentical(MarginBook expected, MarginBook actual) {
        assertEquals(expected.assets().size(), actual.assets().size(), "assets");
        for (int a = 0; a < expected.assets().size(); a++) {
            assertEquals(expected.assets().symbol(a), actual.assets().symbol(a));
            assertEquals(expected.assets().asset(a), actual.assets().asset(a));
            same(expected.assets().price(a), actual.assets().price(a), "price " + a);
        }
        assertEquals(expected.markets().size(), actual.markets().size(), "markets");
        for (int m = 0; m < expected.markets().size(); m++) {
            assertEquals(expected.markets().symbol(m), actual.markets().symbol(m));
            assertEquals(expected.markets().underlying(m), actual.markets().underlying(m));
            same(expected.markets().positivePnlWeight(m), actual.markets().positivePnlWeight(m), "pnl weight " + m);
            for (double n : new double[] {0, 1, 1e3, 1e5, 1e7, 1e9}) {
                for (MarginType t : MarginType.values()) {
                    same(expected.markets().schedule(m).requirement(n, t), actual.markets().schedule(m).requirement(n, t),
                            "requirement " + m);
                }
            }
        }
        SubAccountTable e = expected.subAccounts();
        SubAccountTable g = actual.subAccounts();
        assertEquals(e.size(), g.size(), "sub-accounts");
        for (int s = 0; s < e.size(); s++) {
            String at = "sub-account " + s;
            assertEquals(e.accountId(s), g.accountId(s), at);
            assertEquals(e.subAccountId(s), g.subAccountId(s), at);
            assertEquals(e.mode(s), g.mode(s), at);
            assertEquals(e.settlementSlot(s), g.settlementSlot(s), at);
            assertEquals(e.balanceStart(s), g.balanceStart(s), at);
            assertEquals(e.balanceCount(s), g.balanceCount(s), at);
            for (int b = e.balanceStart(s); b < e.balanceStart(s) + e.balanceCount(s); b++) {
                assertEquals(e.balanceAsset(b), g.balanceAsset(b), at);
                same(e.balanceUnits(b), g.balanceUnits(b), at);
            }
            assertEquals(e.positionStart(s), g.positionStart(s), at);
            assertEquals(e.positionCount(s), g.positionCount(s), at);
            for (int p = e.positionStart(s); p < e.positionStart(s) + e.positionCount(s); p++) {
                assertEquals(e.positionMarket(p), g.positionMarket(p), at);
                same(e.positionSize(p), g.positionSize(p), at);
                same(e.positionEntry(p), g.positionEntry(p), at);
            }
            same(expected.maintenanceHealth(s), actual.maintenanceHealth(s), at + " maintenance health");
            same(expected.maintenanceHealthFactor(s), actual.maintenanceHealthFactor(s), at);
            assertEquals(expected.liquidatable(s), actual.liquidatable(s), at);
        }
        assertSameFigures(expected, actual);
        index(expected.exposureByAsset(), actual.exposureByAsset(), expected.assets().size(), "by asset");
        index(expected.exposureByMarket(), actual.exposureByMarket(), expected.markets().size(), "by market");
        if (e.size() > 0) {
            assertEquals(e.balanceStart(e.size() - 1) + e.balanceCount(e.size() - 1),
                    g.balanceStart(g.size() - 1) + g.balanceCount(g.size() - 1), "balance rows");
        }
    }

    /** Asserts the evaluated figures of every sub-account are bit-identical. */
    public static void assertSameFigures(MarginBook expected, MarginBook actual) {
        for (int s = 0; s < expected.subAccounts().size(); s++) {
            String at = "sub-account " + s;
            same(expected.equity(s), actual.equity(s), at);
            same(expected.notional(s), actual.notional(s), at);
            same(expected.initialHealth(s), actual.initialHealth(s), at);
            same(expected.maintenanceWeightedAssets(s), actual.maintenanceWeightedAssets(s), at);
            same(expected.maintenanceWeightedLiabilities(s), actual.maintenanceWeightedLiabilities(s), at);
            same(expected.maintenanceRequirement(s), actual.maintenanceRequirement(s), at);
        }
    }

    private static void index(ExposureIndex e, ExposureIndex g, int keys, String what) {
        for (int k = 0; k < keys; k++) {
            assertEquals(e.count(k), g.count(k), what + " " + k);
            for (int i = 0; i < e.count(k); i++) {
                assertEquals(e.member(k, i), g.member(k, i), what + " " + k);
            }
        }
    }

    private static void same(double e, double g, String what) {
        assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(g),
                () -> what + ": expected " + e + ", was " + g);
    }
}
