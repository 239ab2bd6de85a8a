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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random books covering the whole model: tiers, size factors, positive-PnL weights below 1, borrows,
 * liability weights above 1, several positions on the same underlying, isolated sub-accounts. The same seed gives
 * the same book.
 */
public final class RandomBooks {
    private RandomBooks() {
    }

    /**
     * @param seed     the seed
     * @param accounts number of accounts (each with 1..3 sub-accounts)
     * @return a valid, fully priced book
     */
    public static Book generate(long seed, int accounts) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Asset> assets = new ArrayList<>();
        Map<String, Double> prices = new LinkedHashMap<>();
        assets.add(rnd.nextInt(4) == 0 ? new Asset("USDC", 0.95, 0.98, 1.05, 1.02, 0) : Asset.of("USDC"));
        prices.put("USDC", rnd.nextInt(3) == 0 ? 0.97 + 0.06 * rnd.nextDouble() : 1.0);
        int volatile_ = 1 + rnd.nextInt(3);
        for (int i = 0; i < volatile_; i++) {
            double iw = 0.5 + 0.4 * rnd.nextDouble();
            double mw = Math.min(1, iw + 0.1 * rnd.nextDouble());
            double mlw = 1 + 0.3 * rnd.nextDouble();
            double ilw = mlw + 0.2 * rnd.nextDouble();
            double k = rnd.nextBoolean() ? 0 : 0.02 * rnd.nextDouble();
            String symbol = "A" + i;
            assets.add(new Asset(symbol, iw, mw, ilw, mlw, k));
            prices.put(symbol, Math.exp(Math.log(0.5) + rnd.nextDouble() * Math.log(100000)));
        }
        List<Market> markets = new ArrayList<>();
        int marketCount = 1 + rnd.nextInt(4);
        for (int i = 0; i < marketCount; i++) {
            String underlying = "A" + rnd.nextInt(volatile_);
            int tierCount = 1 + rnd.nextInt(3);
            List<MarginTier> tiers = new ArrayList<>();
            double bound = 5_000 + 100_000 * rnd.nextDouble();
            double mmf = 0.005 + 0.05 * rnd.nextDouble();
            for (int t = 0; t < tierCount; t++) {
                double imf = Math.min(1, mmf * (1.2 + rnd.nextDouble()));
                tiers.add(new MarginTier(t == tierCount - 1 ? Double.POSITIVE_INFINITY : bound, imf, mmf));
                bound *= 2 + 8 * rnd.nextDouble();
                mmf = Math.min(0.5, mmf * (1.3 + rnd.nextDouble()));
            }
            double fee = tiers.getFirst().maintenanceMarginFraction() * 0.9 * rnd.nextDouble();
            double pnlWeight = rnd.nextBoolean() ? 1 : 0.5 + 0.5 * rnd.nextDouble();
            markets.add(new Market("M" + i, underlying, tiers, fee, pnlWeight));
        }
        List<Account> accountList = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            List<SubAccount> subs = new ArrayList<>();
            int subCount = 1 + rnd.nextInt(3);
            for (int s = 0; s < subCount; s++) {
                subs.add(subAccount(rnd, String.valueOf(s), assets, markets, prices));
            }
            accountList.add(new Account("acct" + a, subs));
        }
        return new Book(assets, markets, accountList, new Prices(prices));
    }

    private static SubAccount subAccount(SplittableRandom rnd, String id, List<Asset> assets, List<Market> markets,
                                         Map<String, Double> prices) {
        boolean isolated = rnd.nextInt(4) == 0;
        Map<String, Double> balances = new LinkedHashMap<>();
        balances.put("USDC", 100_000 * (rnd.nextDouble() - (rnd.nextInt(4) == 0 ? 0.7 : 0.05)));
        for (Asset asset : assets.subList(1, assets.size())) {
            if (rnd.nextBoolean()) {
                double value = 50_000 * (rnd.nextDouble() - (rnd.nextInt(4) == 0 ? 0.8 : 0));
                balances.put(asset.symbol(), value / prices.get(asset.symbol()));
            }
        }
        List<Position> positions = new ArrayList<>();
        int count = isolated ? rnd.nextInt(2) : rnd.nextInt(4);
        for (int i = 0; i < count; i++) {
            Market m = markets.get(rnd.nextInt(markets.size()));
            double price = prices.get(m.underlying());
            double notional = Math.exp(Math.log(1_000) + rnd.nextDouble() * Math.log(1_000));
            double size = (rnd.nextBoolean() ? 1 : -1) * notional / price;
            double entry = price * (0.7 + 0.6 * rnd.nextDouble());
            positions.add(new Position(m.symbol(), size, entry));
        }
        return new SubAccount(id, isolated ? MarginMode.ISOLATED : MarginMode.CROSS, balances, positions);
    }
}
