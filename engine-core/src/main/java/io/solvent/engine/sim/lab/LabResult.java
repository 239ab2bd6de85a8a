package io.solvent.engine.sim.lab;

import java.util.List;

/**
 * One bankruptcy settled under each deleveraging policy from the same state.
 *
 * @param scenario       the scenario's name
 * @param sourcePolicy   the policy the scenario runs under (the run that led to the bankruptcy)
 * @param timeMs         when the bankruptcy was settled, ms since the Unix epoch, UTC
 * @param position       feed events processed before the one whose step settled it (the lab's snapshot)
 * @param account        the bankrupt's account id
 * @param subAccount     the bankrupt's sub-account id
 * @param market         the symbol of the market its bankruptcy is filed under (its largest position)
 * @param markUsd        that market's mark at the bankruptcy, USD per unit
 * @param deficitUsd     its bad debt (minus its equity), USD
 * @param fundPaidUsd    what the insurance fund paid of it, USD
 * @param shortfallUsd   {@code deficit − fundPaid}: what the deleveraging policy had to settle, USD
 * @param outcomes       one per policy, in the order asked
 */
public record LabResult(String scenario, String sourcePolicy, long timeMs, long position, String account,
                        String subAccount, String market, double markUsd, double deficitUsd, double fundPaidUsd,
                        double shortfallUsd, List<PolicyOutcome> outcomes) {

    public LabResult {
        outcomes = List.copyOf(outcomes);
    }

    /** @return {@code account/subAccount} of the bankrupt */
    public String bankruptId() {
        return account + "/" + subAccount;
    }
}
