package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;

import java.util.List;

/**
 * What a deleveraging policy decided for one shortfall: the transfers to post and, for ranked ADL, the positions to
 * close. Every transfer goes to the bankrupt sub-account, and they sum to the shortfall: {@code coveredUsd} from
 * counterparties or position holders, {@code deficitUsd} from the deficit book.
 *
 * @param policy             the policy's name ({@link DeleveragingPolicy#name()})
 * @param shortfallUsd       the bad debt left after the insurance fund, USD, {@code >= 0}
 * @param coveredUsd         what counterparties (ADL) or position holders (socialize) pay, USD
 * @param deficitUsd         what is left on the books as protocol deficit, USD; {@code covered + deficit = shortfall}
 * @param priceUsd           ADL: the price counterparties closed at, USD per unit; NaN for the other policies
 * @param bankruptSizeChange ADL: the change to apply to the bankrupt position if it is still open (the quantity
 *                           matched, opposite in sign to it); 0 otherwise
 * @param lossPerUnitUsd     socialize: the loss charged per unit of open interest, USD per unit (Drift's
 *                           cumulative-funding adjustment); NaN for the other policies
 * @param fills              ADL: the positions closed, in queue order; empty otherwise
 * @param transfers          the ledger transfers, in posting order
 */
public record DeleveragingResult(String policy, double shortfallUsd, double coveredUsd, double deficitUsd,
                                 double priceUsd, double bankruptSizeChange, double lossPerUnitUsd,
                                 List<DeleveragingFill> fills, List<Transfer> transfers) {

    public DeleveragingResult {
        fills = List.copyOf(fills);
        transfers = List.copyOf(transfers);
    }

    /** @return the sum of the transfers with the given reason, USD */
    public double total(TransferReason reason) {
        double s = 0;
        for (Transfer t : transfers) {
            if (t.reason() == reason) {
                s += t.amountUsd();
            }
        }
        return s;
    }

    /**
     * Posts every transfer.
     *
     * @param ledger the ledger
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public void postTo(Ledger ledger, long timeMs) {
        for (Transfer t : transfers) {
            t.postTo(ledger, timeMs);
        }
    }
}
