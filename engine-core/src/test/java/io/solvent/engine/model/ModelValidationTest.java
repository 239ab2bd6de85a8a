package io.solvent.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each record names the offending field when constructed with a value outside its range. */
class ModelValidationTest {

    private static String field(Runnable constructor) {
        return assertThrows(ModelValidationException.class, constructor::run).field();
    }

    @Test
    void assetNamesItsField() {
        assertEquals("symbol", field(() -> new Asset(" ", 1, 1, 1, 1, 0)));
        assertEquals("initialWeight", field(() -> new Asset("X", -0.1, 1, 1, 1, 0)));
        assertEquals("maintenanceWeight", field(() -> new Asset("X", 0.9, 0.8, 1, 1, 0)));
        assertEquals("maintenanceLiabilityWeight", field(() -> new Asset("X", 1, 1, 1, 0.99, 0)));
        assertEquals("initialLiabilityWeight", field(() -> new Asset("X", 1, 1, 1.0, 1.1, 0)));
        assertEquals("sizeFactor", field(() -> new Asset("X", 1, 1, 1, 1, Double.NaN)));
    }

    @Test
    void marketAndTierNameTheirFields() {
        assertEquals("upTo", field(() -> new MarginTier(0, 0.1, 0.05)));
        assertEquals("maintenanceMarginFraction", field(() -> new MarginTier(10, 0.1, 1.5)));
        assertEquals("initialMarginFraction", field(() -> new MarginTier(10, 0.01, 0.05)));
        MarginTier last = new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.05);
        assertEquals("tiers", field(() -> new Market("M", "X", List.of(), 0, 1)));
        assertEquals("tiers[0].upTo", field(() -> new Market("M", "X", List.of(last, last), 0, 1)));
        assertEquals("tiers[1].upTo", field(() -> new Market("M", "X",
                List.of(new MarginTier(10, 0.1, 0.05), new MarginTier(20, 0.1, 0.05)), 0, 1)));
        assertEquals("liquidationFee", field(() -> new Market("M", "X", List.of(last), 0.05, 1)));
        assertEquals("positivePnlWeight", field(() -> new Market("M", "X", List.of(last), 0, -0.5)));
    }

    @Test
    void accountsAndPositionsNameTheirFields() {
        assertEquals("entryPrice", field(() -> new Position("M", 1, 0)));
        assertEquals("size", field(() -> new Position("M", Double.POSITIVE_INFINITY, 1)));
        Position p = new Position("M", 1, 1);
        assertEquals("positions", field(() -> new SubAccount("0", MarginMode.ISOLATED, Map.of(), List.of(p, p))));
        assertEquals("balances.USDC", field(() -> new SubAccount("0", MarginMode.CROSS,
                Map.of("USDC", Double.NaN), List.of())));
        SubAccount s = new SubAccount("0", MarginMode.CROSS, Map.of(), List.of());
        assertEquals("subaccounts[1]", field(() -> new Account("a", List.of(s, s))));
        assertEquals("subaccounts", field(() -> new Account("a", List.of())));
    }

    @Test
    void bookChecksEveryCrossReference() {
        Asset usdc = Asset.of("USDC");
        Market m = new Market("M", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.05)), 0, 1);
        assertEquals("markets[0].underlying", field(() -> new Book(List.of(usdc), List.of(m), List.of(),
                Prices.none())));
        assertEquals("assets[1]", field(() -> new Book(List.of(usdc, usdc), List.of(), List.of(), Prices.none())));
        assertEquals("prices.ETH", field(() -> new Book(List.of(usdc), List.of(), List.of(),
                new Prices(Map.of("ETH", 1.0)))));
        assertEquals("ETH", field(() -> new Prices(Map.of("ETH", -1.0))));
    }
}
