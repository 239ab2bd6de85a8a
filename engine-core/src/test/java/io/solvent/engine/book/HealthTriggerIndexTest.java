package io.solvent.engine.book;

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
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class HealthTriggerIndexTest {
    private static final String[] ASSETS = {"BTC", "ETH", "SOL"};
    private static final double[] START = {60_000, 3_000, 150};

    /**
     * Cross-margined sub-accounts with 0–3 positions, cash that may be borrowed, collateral in the three assets with
     * haircuts, tiered markets with positive PnL weighted below 1.
     */
    public static Book book(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Asset> assets = new ArrayList<>(List.of(Asset.of("USDC")));
        List<Market> markets = new ArrayList<>();
        Map<String, Double> prices = new LinkedHashMap<>();
        prices.put("USDC", 1.0);
        for (int i = 0; i < ASSETS.length; i++) {
            assets.add(new Asset(ASSETS[i], 0.7, 0.8, 1.2, 1.1, 0));
            markets.add(new Market(ASSETS[i] + "-PERP", ASSETS[i], List.of(new MarginTier(100_000, 0.05, 0.025),
                    new MarginTier(1_000_000, 0.10, 0.05), new MarginTier(Double.POSITIVE_INFINITY, 0.2, 0.1)),
                    0.01, 0.9));
            prices.put(ASSETS[i], START[i]);
        }
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            Map<String, Double> balances = new LinkedHashMap<>();
            double cash = 5_000 * rnd.nextDouble() - 1_000;
            balances.put("USDC", cash);
            int held = rnd.nextInt(4);
            if (held > 0) {
                balances.put(ASSETS[held - 1], 10_000 * rnd.nextDouble() / START[held - 1]);
            }
            List<Position> positions = new ArrayList<>();
            for (int m = 0; m < ASSETS.length; m++) {
                if (rnd.nextInt(3) == 0) {
                    double size = (rnd.nextBoolean() ? 1 : -1) * 30_000 * rnd.nextDouble() / START[m];
                    positions.add(new Position(ASSETS[m] + "-PERP", size, START[m] * (0.95 + 0.1 * rnd.nextDouble())));
                }
            }
            accounts.add(new Account("a" + a, List.of(new SubAccount("0", MarginMode.CROSS, balances, positions))));
        }
        return new Book(assets, markets, accounts, new Prices(prices));
    }

    @Property(tries = 200)
    void noSubAccountCrossesTheThresholdWithoutBeingTriggered(@ForAll long seed,
                                                              @ForAll @DoubleRange(min = 1, max = 1.5) double theta) {
        MarginBook lazy = MarginBook.of(book(seed, 60), "USDC");
        MarginBook eager = lazy.copy();
        HealthTriggerIndex index = new HealthTriggerIndex(lazy, theta);
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        for (int t = 0; t < 300; t++) {
            int asset = rnd.nextInt(4); // USDC moves too (a depeg)
            double move = asset == 0 ? 1 + 0.002 * (rnd.nextDouble() - 0.5)
                    : Math.exp((rnd.nextInt(10) == 0 ? 0.1 : 0.005) * (rnd.nextDouble() - 0.55));
            double price = lazy.assets().price(asset) * move;
            lazy.setPrice(asset, price);
            eager.setPrice(asset, price);
            eager.revalueExposedTo(asset);
            int k = index.collect(asset, price);
            for (int i = 0; i < k; i++) {
                lazy.revalue(index.triggered(i));
                index.refresh(index.triggered(i));
            }
            int negatives = 0;
            for (int s = 0; s < eager.subAccounts().size(); s++) {
                boolean neg = eager.maintenanceWeightedAssets(s) - theta * eager.maintenanceWeightedLiabilities(s) < 0;
                assertEquals(neg, index.negative(s), "step " + t + ", sub-account " + s + " changed sign unseen");
                negatives += neg ? 1 : 0;
            }
            assertEquals(negatives, index.negativeCount());
        }
    }

    @Test
    void aQuietTickTriggersNobodyAndACrashOnlyThoseNearTheirThreshold() {
        MarginBook b = MarginBook.of(book(3, 2_000), "USDC");
        HealthTriggerIndex index = new HealthTriggerIndex(b, 1);
        int eth = b.assets().indexOf("ETH");
        double p = b.assets().price(eth) * 1.0001;
        b.setPrice(eth, p);
        int quiet = index.collect(eth, p);
        assertTrue(quiet <= 5, "a 0.01% move triggered " + quiet + " of 2,000");
        int exposed = b.exposureByAsset().count(eth);
        b.setPrice(eth, p * 0.8);
        int crash = index.collect(eth, p * 0.8);
        assertTrue(crash > quiet && crash < exposed, crash + " triggered of " + exposed + " exposed");
    }
}
