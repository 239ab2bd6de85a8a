package io.solvent.engine.insurance;

import java.util.List;
import java.util.Objects;

/**
 * The bankruptcy waterfall of margin-model.md, rule 6: the insurance fund backing the market pays first, as much as
 * it can ({@link InsuranceFund#pay}); the {@link DeleveragingPolicy} decides who covers the rest. Binance, Drift
 * and dYdX all put the fund first.
 */
public final class BankruptcyWaterfall {
    private final DeleveragingPolicy policy;

    /** @param policy what covers what the fund cannot pay */
    public BankruptcyWaterfall(DeleveragingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the policy */
    public DeleveragingPolicy policy() {
        return policy;
    }

    /**
     * Settles one bankruptcy. Changes only the fund (its payout); the caller applies the result's position changes
     * to its state and posts its transfers ({@link BankruptcyResolution#postTo}).
     *
     * @param timeMs     simulated time, ms since the Unix epoch, UTC
     * @param bankruptcy the bankruptcy
     * @param fund       the fund backing its market ({@code fund.key() == bankruptcy.fundKey()})
     * @param queue      the opposite side of its market in ranked-queue order (the policy must be ranked ADL)
     * @return the fund's payout and the policy's result
     * @throws IllegalStateException when the policy is not ranked ADL
     */
    public BankruptcyResolution resolve(long timeMs, Bankruptcy bankruptcy, InsuranceFund fund,
                                        RankedCandidates queue) {
        if (!(policy instanceof RankedAdlPolicy ranked)) {
            throw new IllegalStateException("a ranked queue needs ranked ADL, the policy is " + policy.name());
        }
        if (fund.key() != bankruptcy.fundKey()) {
            throw new IllegalArgumentException("bankruptcy is backed by fund " + bankruptcy.fundKey()
                    + ", was given fund " + fund.key());
        }
        double paid = fund.pay(timeMs, bankruptcy.deficitUsd());
        return new BankruptcyResolution(bankruptcy, fund.key(), paid,
                ranked.deleverage(bankruptcy, bankruptcy.deficitUsd() - paid, queue));
    }

    /**
     * Settles one bankruptcy. Changes only the fund (its payout); the caller applies the result's position changes
     * to its state and posts its transfers ({@link BankruptcyResolution#postTo}).
     *
     * @param timeMs     simulated time, ms since the Unix epoch, UTC
     * @param bankruptcy the bankruptcy
     * @param fund       the fund backing its market ({@code fund.key() == bankruptcy.fundKey()})
     * @param candidates the open positions of its market (see {@link DeleveragingPolicy#deleverage})
     * @return the fund's payout and the policy's result
     */
    public BankruptcyResolution resolve(long timeMs, Bankruptcy bankruptcy, InsuranceFund fund,
                                        List<DeleveragingCandidate> candidates) {
        if (fund.key() != bankruptcy.fundKey()) {
            throw new IllegalArgumentException("bankruptcy is backed by fund " + bankruptcy.fundKey()
                    + ", was given fund " + fund.key());
        }
        double paid = fund.pay(timeMs, bankruptcy.deficitUsd());
        double shortfall = bankruptcy.deficitUsd() - paid;
        DeleveragingResult rest = policy.deleverage(bankruptcy, shortfall, candidates);
        return new BankruptcyResolution(bankruptcy, fund.key(), paid, rest);
    }
}
