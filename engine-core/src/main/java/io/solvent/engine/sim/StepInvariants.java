package io.solvent.engine.sim;

import io.solvent.engine.insurance.InsuranceFund;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;

import java.util.Locale;

/**
 * The invariants every engine step ends with; the first that fails stops the run ({@link InvariantViolationException})
 * instead of letting it publish wrong figures:
 * <ol>
 *   <li><b>conservation</b>: the ledger's balances still sum to zero, within {@link Ledger#CONSERVATION_TOLERANCE}
 *       of the gross flow (the check {@link Ledger#checkStep()} makes over the parties the step touched);</li>
 *   <li><b>insurance-fund</b>: every fund's balance is finite and {@code >= 0}, and equals its opening balance plus
 *       what the ledger says it received, within the same tolerance of the larger of the gross flow and the balance
 *       (a billion-dollar fund carries rounding of about a ten-millionth of a dollar);</li>
 *   <li><b>plausibility</b>: no fill, ADL counterparty or bankruptcy broke a {@link PlausibilityMonitor} invariant,
 *       and the bad debt equals what was settled for it.</li>
 * </ol>
 * Cost per step: O(funds), no allocation unless an invariant fails.
 */
final class StepInvariants {
    private StepInvariants() {
    }

    /**
     * @param timeMs        the step's simulated time, ms
     * @param step          the step's number
     * @param imbalance     the ledger's conservation check for this step, a fraction of the gross flow
     * @param ledger        the ledger
     * @param funds         the insurance funds
     * @param plausibility  the first plausibility violation so far in words, or null
     * @throws InvariantViolationException at the first invariant that does not hold
     */
    static void check(long timeMs, long step, double imbalance, Ledger ledger, InsuranceFunds funds,
                      String plausibility) {
        if (!(imbalance <= Ledger.CONSERVATION_TOLERANCE)) {
            throw violation(timeMs, step, "conservation", String.format(Locale.ROOT,
                    "the ledger's balances sum to %s of its gross flow of %s USD (at most %s allowed)", imbalance,
                    ledger.grossFlow(), Ledger.CONSERVATION_TOLERANCE));
        }
        for (int f = 0; f < funds.size(); f++) {
            InsuranceFund fund = funds.fund(f);
            double balance = fund.balance();
            if (!(balance >= 0) || balance == Double.POSITIVE_INFINITY) {
                throw violation(timeMs, step, "insurance-fund", String.format(Locale.ROOT,
                        "fund '%s' holds %s USD; a fund never holds less than nothing", fund.name(), balance));
            }
            double posted = ledger.balance(fund.party());
            double gap = Math.abs(balance - fund.openingBalance() - posted); // rounding grows with the balance held
            if (!(gap <= Ledger.CONSERVATION_TOLERANCE * Math.max(1, Math.max(ledger.grossFlow(), balance)))) {
                throw violation(timeMs, step, "insurance-fund", String.format(Locale.ROOT,
                        "fund '%s' holds %s USD but its opening %s USD and the ledger's postings to it say %s USD",
                        fund.name(), balance, fund.openingBalance(),
                        fund.openingBalance() + posted));
            }
        }
        if (plausibility != null) {
            throw violation(timeMs, step, "plausibility", plausibility);
        }
    }

    private static InvariantViolationException violation(long timeMs, long step, String invariant, String detail) {
        return new InvariantViolationException(new InvariantViolation(timeMs, step, invariant, detail));
    }
}
