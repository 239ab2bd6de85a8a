package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Drift v2 ({@code resolve_perp_bankruptcy}, {@code socialize_loss}): what the insurance fund cannot pay is spread
 * over all open interest of the bankrupt market, both sides, pro rata to size. Drift raises the longs' cumulative
 * funding rate and lowers the shorts' by {@code loss / (|OI_long| + |OI_short|)}, so every position pays that much
 * per unit of base size; Mango v4 does the same for perps.
 *
 * <p>With {@code S = Σ |size_i|} over the other open positions of the market (the bankrupt's own excluded) and
 * {@code D} the shortfall: {@code lossPerUnit = D / S}, and position i pays {@code |size_i| × lossPerUnit} (the last
 * one, in index order, pays the remainder so that the shares sum to D exactly). All positions share one mark, so
 * this is also pro rata to notional. Nobody's position changes; a share can push an account into liquidation, which
 * the simulation sees on its next evaluation. No open interest: the whole shortfall goes to deficit.
 */
public record SocializedLossPolicy() implements DeleveragingPolicy {

    @Override
    public String name() {
        return "socialize";
    }

    @Override
    public DeleveragingResult deleverage(Bankruptcy bankruptcy, double shortfallUsd,
                                         List<DeleveragingCandidate> candidates) {
        Candidates.checkShortfall(bankruptcy, shortfallUsd);
        DeleveragingCandidate[] others = Candidates.others(bankruptcy, candidates);
        double base = 0;
        for (DeleveragingCandidate c : others) {
            base += Math.abs(c.size());
        }
        if (shortfallUsd == 0) {
            return new DeleveragingResult(name(), 0, 0, 0, Double.NaN, 0, 0, List.of(), List.of());
        }
        if (!(base > 0)) {
            return new DeleveragingResult(name(), shortfallUsd, 0, shortfallUsd, Double.NaN, 0, Double.NaN,
                    List.of(), List.of(Candidates.toDeficit(bankruptcy, shortfallUsd)));
        }
        double perUnit = shortfallUsd / base;
        int to = Parties.subAccount(bankruptcy.subAccount());
        List<Transfer> transfers = new ArrayList<>(others.length);
        double covered = 0;
        for (int i = 0; i < others.length; i++) {
            double left = shortfallUsd - covered;
            double share = i == others.length - 1 ? left : Math.min(left, Math.abs(others[i].size()) * perUnit);
            if (share > 0) {
                transfers.add(new Transfer(Parties.subAccount(others[i].subAccount()), to, share,
                        TransferReason.SOCIALIZED_LOSS));
                covered += share;
            }
        }
        // The last share took the exact remainder: covered equals the shortfall up to rounding.
        return new DeleveragingResult(name(), shortfallUsd, covered, 0, Double.NaN, 0, perUnit, List.of(),
                transfers);
    }
}
