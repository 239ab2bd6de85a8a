package io.solvent.engine.insurance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleveragingPolicyTest {
    static final Bankruptcy LONG_BUST = new Bankruptcy(0, 1, 0, 2, 50, 10);

    @Test
    void namesParseToTheirPolicies() {
        assertEquals(new RankedAdlPolicy(AdlRanking.BINANCE), DeleveragingPolicy.parse("adl-ranked"));
        assertEquals(new RankedAdlPolicy(AdlRanking.BINANCE), DeleveragingPolicy.parse(" ADL-Ranked:Binance "));
        assertEquals(new RankedAdlPolicy(AdlRanking.HYPERLIQUID), DeleveragingPolicy.parse("adl-ranked:hyperliquid"));
        assertInstanceOf(SocializedLossPolicy.class, DeleveragingPolicy.parse("socialize"));
        assertInstanceOf(DeficitPolicy.class, DeleveragingPolicy.parse("deficit"));
        for (String n : DeleveragingPolicy.NAMES) {
            DeleveragingPolicy p = DeleveragingPolicy.parse(n);
            assertEquals(p, DeleveragingPolicy.parse(p.name()), n);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeleveragingPolicy.parse("clawback"));
        assertTrue(e.getMessage().contains("adl-ranked, adl-ranked:binance, adl-ranked:hyperliquid, socialize, "
                + "deficit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeleveragingPolicy.parse(null));
    }

    @Test
    void candidatesFromAnotherMarketOrListedTwiceAreRejected() {
        List<DeleveragingCandidate> wrongMarket = List.of(new DeleveragingCandidate(4, 2, -1, 60, 10, 1));
        List<DeleveragingCandidate> twice = List.of(new DeleveragingCandidate(4, 1, -1, 60, 10, 1),
                new DeleveragingCandidate(4, 1, -2, 60, 10, 1));
        for (String n : DeleveragingPolicy.NAMES) {
            DeleveragingPolicy p = DeleveragingPolicy.parse(n);
            assertThrows(IllegalArgumentException.class, () -> p.deleverage(LONG_BUST, 10, wrongMarket), n);
            assertThrows(IllegalArgumentException.class, () -> p.deleverage(LONG_BUST, 10, twice), n);
            assertThrows(IllegalArgumentException.class, () -> p.deleverage(LONG_BUST, 10.5, List.of()), n);
            assertThrows(IllegalArgumentException.class, () -> p.deleverage(LONG_BUST, -1, List.of()), n);
        }
    }

    @Test
    void withNobodyToChargeEverythingIsDeficit() {
        List<DeleveragingCandidate> onlyLongs = List.of(new DeleveragingCandidate(4, 1, 3, 40, 10, 1));
        DeleveragingResult adl = DeleveragingPolicy.parse("adl-ranked").deleverage(LONG_BUST, 10, onlyLongs);
        assertEquals(10, adl.deficitUsd(), 0);
        assertTrue(adl.fills().isEmpty());
        assertEquals(0, adl.bankruptSizeChange(), 0);
        DeleveragingResult soc = DeleveragingPolicy.parse("socialize").deleverage(LONG_BUST, 10, List.of());
        assertEquals(10, soc.deficitUsd(), 0);
        assertEquals(1, soc.transfers().size());
        // unknown bankrupt size: ranked ADL cannot price the trade
        Bankruptcy noSize = new Bankruptcy(0, 1, 0, 0, 50, 10);
        DeleveragingResult blind = DeleveragingPolicy.parse("adl-ranked")
                .deleverage(noSize, 10, List.of(new DeleveragingCandidate(4, 1, -3, 60, 10, 1)));
        assertEquals(10, blind.deficitUsd(), 0);
        assertTrue(Double.isNaN(blind.priceUsd()));
    }

    @Test
    void equalKeysGoByAscendingSubAccountIndex() {
        // three identical shorts and one in loss: keys equal, so 2 before 6 before 8
        List<DeleveragingCandidate> book = List.of(new DeleveragingCandidate(8, 1, -1, 60, 20, 2),
                new DeleveragingCandidate(2, 1, -1, 60, 20, 2), new DeleveragingCandidate(6, 1, -1, 60, 20, 2),
                new DeleveragingCandidate(3, 1, -5, 40, 20, 2));
        DeleveragingResult d = DeleveragingPolicy.parse("adl-ranked").deleverage(LONG_BUST, 10, book);
        assertEquals(List.of(2, 6), d.fills().stream().map(DeleveragingFill::subAccount).toList());
        assertEquals(55, d.priceUsd(), 0);
        assertEquals(5, d.fills().get(0).transferUsd(), 0);
        assertEquals(5, d.fills().get(1).transferUsd(), 0);
    }

    @Test
    void rankingKeysByHand() {
        // short 2 from 60 at mark 50: uPnL 20; equity 40, MM 4 → WB 20; Binance 20/20 × 4/40 = 0.1
        DeleveragingCandidate c = new DeleveragingCandidate(1, 0, -2, 60, 40, 4);
        assertEquals(0.1, AdlRanking.BINANCE.key(c, 50), 1e-15);
        // Hyperliquid (2 − 50/60) × 100/40 = 2.916666...
        assertEquals((2 - 50.0 / 60) * 2.5, AdlRanking.HYPERLIQUID.key(c, 50), 1e-15);
        // long 2 from 40 at mark 50: mark/entry × notional/equity = 1.25 × 2.5
        DeleveragingCandidate l = new DeleveragingCandidate(1, 0, 2, 40, 40, 4);
        assertEquals(3.125, AdlRanking.HYPERLIQUID.key(l, 50), 1e-15);
        // Binance: WB below 1 USD counts as 1; equity ≤ 0 ranks 0
        assertEquals(20 * (4 / 20.0), AdlRanking.BINANCE.key(new DeleveragingCandidate(1, 0, 2, 40, 20, 4), 50),
                1e-12);
        assertEquals(0, AdlRanking.BINANCE.key(new DeleveragingCandidate(1, 0, 2, 40, -5, 4), 50), 0);
        assertEquals(0, AdlRanking.HYPERLIQUID.key(new DeleveragingCandidate(1, 0, 2, 40, 0, 4), 50), 0);
    }
}
