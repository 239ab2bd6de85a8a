package io.solvent.engine.io.live;

import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A book restated at other prices with every USD figure unchanged: for an asset whose price goes from p to p' = k·p,
 * every balance of it is divided by k (the same value), every position on a market of it has its size divided by k
 * and its entry price multiplied by k (the same notional and PnL), and its size factor is multiplied by √k (the same
 * size haircut on the restated units). Equity, requirements, health and margin tiers (by notional) are those of the
 * book at its own prices; liquidation prices scale by k.
 */
final class BookRestatement {
    private BookRestatement() {
    }

    /**
     * @param book   a book with a price for every asset in {@code prices}
     * @param prices asset symbol to its new price, USD per unit, each finite and {@code > 0}
     * @return the book restated at those prices
     */
    static Book at(Book book, Map<String, Double> prices) {
        Map<String, Double> factor = new HashMap<>();
        prices.forEach((asset, p) -> factor.put(asset, p / book.prices().of(asset)));
        List<Asset> assets = new ArrayList<>();
        for (Asset a : book.assets()) {
            Double k = factor.get(a.symbol());
            assets.add(k == null || a.sizeFactor() == 0 ? a : new Asset(a.symbol(), a.initialWeight(),
                    a.maintenanceWeight(), a.initialLiabilityWeight(), a.maintenanceLiabilityWeight(),
                    a.sizeFactor() * Math.sqrt(k)));
        }
        Map<String, Double> marketFactor = new HashMap<>();
        for (Market m : book.markets()) {
            Double k = factor.get(m.underlying());
            if (k != null) {
                marketFactor.put(m.symbol(), k);
            }
        }
        List<Account> accounts = new ArrayList<>(book.accounts().size());
        for (Account account : book.accounts()) {
            List<SubAccount> subs = new ArrayList<>(account.subaccounts().size());
            for (SubAccount sub : account.subaccounts()) {
                Map<String, Double> balances = new LinkedHashMap<>();
                sub.balances().forEach((asset, amount) -> {
                    Double k = factor.get(asset);
                    balances.put(asset, k == null ? amount : amount / k);
                });
                List<Position> positions = new ArrayList<>(sub.positions().size());
                for (Position p : sub.positions()) {
                    Double k = marketFactor.get(p.market());
                    positions.add(k == null ? p : new Position(p.market(), p.size() / k, p.entryPrice() * k));
                }
                subs.add(new SubAccount(sub.id(), sub.mode(), balances, positions));
            }
            accounts.add(new Account(account.id(), subs));
        }
        return new Book(assets, book.markets(), accounts, book.prices().with(new Prices(prices)));
    }
}
