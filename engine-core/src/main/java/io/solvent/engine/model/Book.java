package io.solvent.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A book: the reference data (assets and markets), the accounts, and optionally their prices. The constructor checks
 * every cross-reference: asset and market names must be known, ids unique.
 *
 * @param assets   assets in file order, symbols unique
 * @param markets  markets in file order, symbols unique, each underlying a known asset
 * @param accounts accounts in file order, ids unique
 * @param prices   oracle prices; may be incomplete until prices are supplied with {@link #withPrices(Prices)}
 */
public record Book(List<Asset> assets, List<Market> markets, List<Account> accounts, Prices prices) {

    public Book {
        assets = List.copyOf(assets);
        markets = List.copyOf(markets);
        accounts = List.copyOf(accounts);
        FieldChecks.unique("assets", assets, Asset::symbol, "asset symbol");
        FieldChecks.unique("markets", markets, Market::symbol, "market symbol");
        FieldChecks.unique("accounts", accounts, Account::id, "account id");
        Set<String> assetNames = new LinkedHashSet<>();
        assets.forEach(a -> assetNames.add(a.symbol()));
        Set<String> marketNames = new LinkedHashSet<>();
        markets.forEach(m -> marketNames.add(m.symbol()));
        for (int i = 0; i < markets.size(); i++) {
            String u = markets.get(i).underlying();
            if (!assetNames.contains(u)) {
                throw new ModelValidationException("markets[" + i + "].underlying", "unknown asset '" + u
                        + "'; expected one of " + assetNames);
            }
        }
        for (int a = 0; a < accounts.size(); a++) {
            List<SubAccount> subs = accounts.get(a).subaccounts();
            for (int s = 0; s < subs.size(); s++) {
                String at = "accounts[" + a + "].subaccounts[" + s + "]";
                SubAccount sub = subs.get(s);
                for (String asset : sub.balances().keySet()) {
                    if (!assetNames.contains(asset)) {
                        throw new ModelValidationException(at + ".balances." + asset, "unknown asset '" + asset
                                + "'; expected one of " + assetNames);
                    }
                }
                for (int p = 0; p < sub.positions().size(); p++) {
                    String m = sub.positions().get(p).market();
                    if (!marketNames.contains(m)) {
                        throw new ModelValidationException(at + ".positions[" + p + "].market", "unknown market '" + m
                                + "'; expected one of " + marketNames);
                    }
                }
            }
        }
        for (String priced : prices.bySymbol().keySet()) {
            if (!assetNames.contains(priced)) {
                throw new ModelValidationException("prices." + priced, "unknown asset '" + priced
                        + "'; expected one of " + assetNames);
            }
        }
    }

    /**
     * @param overrides prices that replace or add to the book's own
     * @return this book with {@code overrides} applied to its prices
     */
    public Book withPrices(Prices overrides) {
        return new Book(assets, markets, accounts, prices.with(overrides));
    }

    /**
     * The assets a margin evaluation of this book needs a price for: every asset held in a balance and every
     * underlying of a market with a position, in the order of {@link #assets()}.
     *
     * @return those of them that have no price, empty when the book can be evaluated
     */
    public List<String> unpricedAssets() {
        Map<String, String> underlyingOf = new HashMap<>();
        markets.forEach(m -> underlyingOf.put(m.symbol(), m.underlying()));
        Set<String> needed = new LinkedHashSet<>();
        for (Account account : accounts) {
            for (SubAccount sub : account.subaccounts()) {
                needed.addAll(sub.balances().keySet());
                sub.positions().forEach(p -> needed.add(underlyingOf.get(p.market())));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Asset a : assets) {
            if (needed.contains(a.symbol()) && prices.find(a.symbol()).isEmpty()) {
                missing.add(a.symbol());
            }
        }
        return missing;
    }
}
