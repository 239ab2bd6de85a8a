package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Transfer;

import java.util.List;

/**
 * Aave v3.3+: bad debt with no collateral left is booked as protocol deficit ({@code reserve.deficit},
 * {@code DeficitCreated}) and nobody else's position changes. One transfer of the whole shortfall from the deficit
 * book of the bankruptcy's fund to the bankrupt sub-account; the deficit book's balance (negative) is the deficit
 * on the books.
 */
public record DeficitPolicy() implements DeleveragingPolicy {

    @Override
    public String name() {
        return "deficit";
    }

    @Override
    public DeleveragingResult deleverage(Bankruptcy bankruptcy, double shortfallUsd,
                                         List<DeleveragingCandidate> candidates) {
        Candidates.checkShortfall(bankruptcy, shortfallUsd);
        Candidates.others(bankruptcy, candidates);
        List<Transfer> transfers = shortfallUsd > 0 ? List.of(Candidates.toDeficit(bankruptcy, shortfallUsd))
                : List.of();
        return new DeleveragingResult(name(), shortfallUsd, 0, shortfallUsd, Double.NaN, 0, Double.NaN, List.of(),
                transfers);
    }
}
