package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Ranked auto-deleveraging (Binance, Hyperliquid; dYdX v4 deleverages at the bankruptcy price too, but picks
 * counterparties from a random offset): the positions on the opposite side of the bankrupt one are closed against
 * it at the bankruptcy price, in the order of an {@link AdlRanking}, until its size is matched.
 *
 * <p>With the bankrupt position's signed size {@code s}, the mark {@code P} and the shortfall {@code D} left after the
 * insurance fund: the ADL price is {@code P_adl = P + D / s} (above the mark when a long went bankrupt, below when a
 * short did): the price at which closing {@code s} leaves the bankrupt account, with the fund's payment, at exactly
 * zero equity. Queue: the other positions of the market whose sign is opposite to {@code s}, by descending key, ties
 * by ascending sub-account index. Each in turn closes {@code q = min(remaining, |size_i|)} at {@code P_adl} and so
 * gives up {@code q × |P_adl − P| = q × D / |s|} against closing at the mark: that is its
 * {@link TransferReason#ADL_TRANSFER} to the bankrupt sub-account (the last fill takes the exact remainder, so the
 * transfers sum to D). A counterparty gives up at most its equity — {@code q <= equity / (D / |s|)} — so that no
 * counterparty is made bankrupt by its own fill; the next in the queue takes the rest. When the opposite side holds
 * less than {@code |s|}, or its equity cannot carry D, what remains goes to deficit; when {@code s = 0} (unknown
 * size) all of D does.
 *
 * @param ranking how the queue is ordered
 */
public record RankedAdlPolicy(AdlRanking ranking) implements DeleveragingPolicy {

    public RankedAdlPolicy {
        Objects.requireNonNull(ranking, "ranking");
    }

    @Override
    public String name() {
        return ranking == AdlRanking.BINANCE ? "adl-ranked" : "adl-ranked:hyperliquid";
    }

    /**
     * The queue ranked ADL would use for a bankruptcy: the opposite side, by descending key, ties by ascending
     * sub-account index (what an operator's "ADL queue" view shows).
     *
     * @param bankruptcy the bankruptcy (its size's sign picks the side)
     * @param candidates the open positions of its market
     * @return the queue, first to be deleveraged first
     */
    public List<DeleveragingCandidate> queue(Bankruptcy bankruptcy, List<DeleveragingCandidate> candidates) {
        DeleveragingCandidate[] q = ranked(bankruptcy, Candidates.others(bankruptcy, candidates), null);
        return List.of(q);
    }

    private DeleveragingCandidate[] ranked(Bankruptcy b, DeleveragingCandidate[] others, double[] keysOut) {
        double side = -Math.signum(b.size());
        int n = 0;
        DeleveragingCandidate[] opposite = new DeleveragingCandidate[others.length];
        for (DeleveragingCandidate c : others) {
            if (side != 0 && Math.signum(c.size()) == side) {
                opposite[n++] = c;
            }
        }
        Integer[] order = new Integer[n];
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            keys[i] = ranking.key(opposite[i], b.markPrice());
        }
        // opposite[] is in ascending sub-account order, so comparing positions breaks ties by index.
        Arrays.sort(order, (x, y) -> {
            int byKey = Double.compare(keys[y], keys[x]);
            return byKey != 0 ? byKey : Integer.compare(x, y);
        });
        DeleveragingCandidate[] queue = new DeleveragingCandidate[n];
        for (int i = 0; i < n; i++) {
            queue[i] = opposite[order[i]];
            if (keysOut != null) {
                keysOut[i] = keys[order[i]];
            }
        }
        return queue;
    }

    @Override
    public DeleveragingResult deleverage(Bankruptcy bankruptcy, double shortfallUsd,
                                         List<DeleveragingCandidate> candidates) {
        DeleveragingCandidate[] others = Candidates.others(bankruptcy, candidates);
        return deleverage(bankruptcy, shortfallUsd, new Queue(bankruptcy, others));
    }

    /**
     * As {@link #deleverage(Bankruptcy, double, List)}, with the queue supplied in order by the caller (an engine
     * that keeps it between bankruptcies).
     *
     * @param bankruptcy   the bankruptcy
     * @param shortfallUsd what the insurance fund did not pay, USD, {@code 0 <= shortfall <= deficit}
     * @param queue        the opposite side in queue order, the bankrupt sub-account not among them
     * @return the fills and transfers
     */
    public DeleveragingResult deleverage(Bankruptcy bankruptcy, double shortfallUsd, RankedCandidates queue) {
        Candidates.checkShortfall(bankruptcy, shortfallUsd);
        double s = bankruptcy.size();
        if (shortfallUsd == 0) {
            return new DeleveragingResult(name(), 0, 0, 0, bankruptcy.markPrice(), 0, Double.NaN, List.of(),
                    List.of());
        }
        if (s == 0) {
            return new DeleveragingResult(name(), shortfallUsd, 0, shortfallUsd, Double.NaN, 0, Double.NaN,
                    List.of(), List.of(Candidates.toDeficit(bankruptcy, shortfallUsd)));
        }
        double price = bankruptcy.markPrice() + shortfallUsd / s;
        double perUnit = shortfallUsd / Math.abs(s);
        int to = Parties.subAccount(bankruptcy.subAccount());
        List<DeleveragingFill> fills = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        double remaining = Math.abs(s);
        double covered = 0;
        while (remaining > 0 && queue.hasNext()) {
            double key = queue.nextKey();
            DeleveragingCandidate c = queue.next();
            // a counterparty gives up at most its equity: its own fill never makes it bankrupt
            double equity = Math.max(0, c.accountEquityUsd());
            double q = Math.min(Math.min(remaining, Math.abs(c.size())), equity / perUnit);
            if (!(q > 0)) {
                continue;
            }
            remaining = q == remaining ? 0 : remaining - q;
            double left = shortfallUsd - covered;
            double amount = Math.min(equity, remaining == 0 ? left : Math.min(left, q * perUnit));
            fills.add(new DeleveragingFill(c.subAccount(), c.market(), -Math.signum(c.size()) * q, price,
                    Math.max(0, amount), key));
            if (amount > 0) {
                transfers.add(new Transfer(Parties.subAccount(c.subAccount()), to, amount,
                        TransferReason.ADL_TRANSFER));
                covered += amount;
            }
        }
        // Fully matched: the last fill took the exact remainder (unless its equity could not), so what is left is
        // rounding, or what no counterparty's equity could carry.
        double deficit = shortfallUsd - covered;
        if (deficit > 0) {
            transfers.add(Candidates.toDeficit(bankruptcy, deficit));
        } else {
            deficit = 0;
        }
        double matched = Math.abs(s) - remaining;
        return new DeleveragingResult(name(), shortfallUsd, covered, deficit, price, -Math.signum(s) * matched,
                Double.NaN, fills, transfers);
    }

    /**
     * The opposite side in queue order, popped one at a time from a binary heap (by descending key, ties by ascending
     * sub-account index): O(n) to build and O(log n) per position taken, so a bankruptcy that a few top-ranked
     * positions cover does not sort the whole side. Pops in exactly {@link #queue}'s order.
     */
    private final class Queue implements RankedCandidates {
        private final DeleveragingCandidate[] side;
        private final RankedHeap heap;

        Queue(Bankruptcy b, DeleveragingCandidate[] others) {
            double sign = -Math.signum(b.size());
            side = new DeleveragingCandidate[others.length];
            int n = 0;
            for (DeleveragingCandidate c : others) {
                if (sign != 0 && Math.signum(c.size()) == sign) {
                    side[n++] = c;
                }
            }
            heap = new RankedHeap(n);
            for (int i = 0; i < n; i++) {
                heap.addUnordered(i, ranking.key(side[i], b.markPrice()));
            }
            heap.heapify();
        }

        @Override
        public boolean hasNext() {
            return heap.size() > 0;
        }

        @Override
        public double nextKey() {
            return heap.key(heap.peek());
        }

        @Override
        public DeleveragingCandidate next() {
            return side[heap.poll()];
        }
    }
}
