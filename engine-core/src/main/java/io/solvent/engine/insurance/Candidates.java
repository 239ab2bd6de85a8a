package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Validation and ordering shared by the policies. */
final class Candidates {
    private Candidates() {
    }

    static void checkShortfall(Bankruptcy b, double shortfallUsd) {
        if (!(shortfallUsd >= 0) || !(shortfallUsd <= b.deficitUsd())) {
            throw new IllegalArgumentException("shortfall must be 0.." + b.deficitUsd() + " USD (the deficit), was "
                    + shortfallUsd);
        }
    }

    /**
     * @return the candidates other than the bankrupt's own with a non-zero size, by ascending sub-account index
     * @throws IllegalArgumentException for a candidate in another market or a sub-account listed twice
     */
    static DeleveragingCandidate[] others(Bankruptcy b, List<DeleveragingCandidate> candidates) {
        DeleveragingCandidate[] all = candidates.toArray(new DeleveragingCandidate[0]);
        Arrays.sort(all, Comparator.comparingInt(DeleveragingCandidate::subAccount));
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            DeleveragingCandidate c = all[i];
            if (c.market() != b.market()) {
                throw new IllegalArgumentException("candidate sub-account " + c.subAccount() + " is in market "
                        + c.market() + ", the bankruptcy in market " + b.market());
            }
            if (i > 0 && all[i - 1].subAccount() == c.subAccount()) {
                throw new IllegalArgumentException("sub-account " + c.subAccount() + " is listed twice");
            }
            if (c.subAccount() != b.subAccount() && c.size() != 0) {
                all[n++] = c;
            }
        }
        return Arrays.copyOf(all, n);
    }

    static Transfer toDeficit(Bankruptcy b, double amountUsd) {
        return new Transfer(Parties.deficit(b.fundKey()), Parties.subAccount(b.subAccount()), amountUsd,
                TransferReason.DEFICIT);
    }
}
