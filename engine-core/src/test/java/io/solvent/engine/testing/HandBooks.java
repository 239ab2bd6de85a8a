package io.solvent.engine.testing;

import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.List;
import java.util.Map;

/** The hand-worked accounts of margin-model.md, as books. */
public final class HandBooks {
    private HandBooks() {
    }

    public static MarginTier single(double imf, double mmf) {
        return new MarginTier(Double.POSITIVE_INFINITY, imf, mmf);
    }

    public static Market perp(String symbol, String underlying, double imf, double mmf) {
        return new Market(symbol, underlying, List.of(single(imf, mmf)), 0, 1);
    }

    public static Book oneSubAccount(List<Asset> assets, List<Market> markets, Map<String, Double> balances,
                                     List<Position> positions, Map<String, Double> prices) {
        SubAccount sub = new SubAccount("0", MarginMode.CROSS, balances, positions);
        return new Book(assets, markets, List.of(new Account("a", List.of(sub))), new Prices(prices));
    }

    /** Aave: 10 ETH at 2000 with liquidation threshold 0.825, 15,000 USDC borrowed. */
    public static Book aave() {
        return lending(0.825);
    }

    /** Drift: the same account with maintenance asset weight 0.9. */
    public static Book drift() {
        return lending(0.9);
    }

    private static Book lending(double maintenanceWeight) {
        return oneSubAccount(List.of(Asset.of("USDC"), new Asset("ETH", 0.8, maintenanceWeight, 1, 1, 0)), List.of(),
                Map.of("ETH", 10.0, "USDC", -15000.0), List.of(), Map.of("USDC", 1.0, "ETH", 2000.0));
    }

    /** Drift / Orderly: 5,000 USDC, long 10 ETH-PERP at 2000, imf 0.10, mmf 0.05. */
    public static Book perpLong() {
        return oneSubAccount(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(perp("ETH-PERP", "ETH", 0.10, 0.05)),
                Map.of("USDC", 5000.0), List.of(new Position("ETH-PERP", 10, 2000)),
                Map.of("USDC", 1.0, "ETH", 2000.0));
    }

    public static SubAccount firstSub(Book book) {
        return book.accounts().getFirst().subaccounts().getFirst();
    }
}
