package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;

import java.util.ArrayList;
import java.util.List;

/**
 * How one bankruptcy was settled: the insurance fund's payout, then the deleveraging policy's result. Its transfers
 * all go to the bankrupt sub-account and sum to its deficit, bringing its equity back to zero.
 *
 * @param bankruptcy   the bankruptcy
 * @param fundKey      the fund that paid first
 * @param fundPaidUsd  what the fund paid, USD ({@link TransferReason#BAD_DEBT_PAYOUT})
 * @param deleveraging what the policy decided for the rest
 */
public record BankruptcyResolution(Bankruptcy bankruptcy, int fundKey, double fundPaidUsd,
                                   DeleveragingResult deleveraging) {

    /** @return every transfer to post, in order: the fund's payout first, then the policy's */
    public List<Transfer> transfers() {
        List<Transfer> all = new ArrayList<>(deleveraging.transfers().size() + 1);
        if (fundPaidUsd > 0) {
            all.add(new Transfer(Parties.insuranceFund(fundKey), Parties.subAccount(bankruptcy.subAccount()),
                    fundPaidUsd, TransferReason.BAD_DEBT_PAYOUT));
        }
        all.addAll(deleveraging.transfers());
        return all;
    }

    /**
     * Posts every transfer of {@link #transfers()}.
     *
     * @param ledger the ledger
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public void postTo(Ledger ledger, long timeMs) {
        if (fundPaidUsd > 0) {
            ledger.post(timeMs, fundPaidUsd, Parties.insuranceFund(fundKey),
                    Parties.subAccount(bankruptcy.subAccount()), TransferReason.BAD_DEBT_PAYOUT);
        }
        deleveraging.postTo(ledger, timeMs);
    }

    /** @return the bad debt nobody covered, left as protocol deficit, USD */
    public double deficitUsd() {
        return deleveraging.deficitUsd();
    }
}
