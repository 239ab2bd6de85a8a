package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Prices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The branch-free tier lookup finds the tier the schedule's own definition gives, bounds included. */
class TierTableTest {

    /** The definition: the first tier whose upper bound is above the notional (the last is unbounded). */
    private static int scan(TierSchedule s, double notional) {
        int i = 0;
        while (i < s.size() - 1 && notional >= s.upperBound(i)) {
            i++;
        }
        return i;
    }

    @Property(tries = 300)
    void findsTheTierTheScheduleDefines(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int markets) {
        Random r = new Random(seed);
        List<Market> list = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            int tiers = 1 + r.nextInt(5); // markets with different tier counts: the shorter ones are padded
            List<MarginTier> ts = new ArrayList<>();
            double upTo = 0;
            for (int i = 0; i < tiers; i++) {
                upTo += 1 + r.nextInt(1_000_000) * (r.nextBoolean() ? 1 : 1e-3);
                double f = 0.01 * (i + 1);
                ts.add(new MarginTier(i == tiers - 1 ? Double.POSITIVE_INFINITY : upTo, 2 * f, f));
            }
            list.add(new Market("M" + m, "ETH", ts, 0.005, 0.5));
        }
        MarketTable table = new MarketTable(list, new AssetTable(List.of(Asset.of("ETH")), Prices.none()));
        TierTable tt = new TierTable(table);
        for (int m = 0; m < markets; m++) {
            TierSchedule s = table.schedule(m);
            List<Double> probes = new ArrayList<>(List.of(0.0, Double.MIN_VALUE, 1e300));
            for (int i = 0; i < s.size() - 1; i++) {
                double u = s.upperBound(i);
                probes.addAll(List.of(u, Math.nextDown(u), Math.nextUp(u), u * r.nextDouble()));
            }
            for (double notional : probes) {
                assertEquals(tt.start[m] + scan(s, notional), tt.tierOf(m, notional),
                        "market " + m + " notional " + notional);
            }
        }
    }

    @Test
    void aSingleTierScheduleAlwaysGivesItsOnlyTier() {
        Market m = new Market("P", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.05)), 0, 0.5);
        TierTable tt = new TierTable(new MarketTable(List.of(m),
                new AssetTable(List.of(Asset.of("ETH")), Prices.none())));
        assertEquals(0, tt.tierOf(0, 0));
        assertEquals(0, tt.tierOf(0, 1e12));
    }
}
