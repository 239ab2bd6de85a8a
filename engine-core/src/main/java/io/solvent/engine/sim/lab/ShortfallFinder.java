package io.solvent.engine.sim.lab;

import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;

/**
 * Watches a replay's events for the lab's target: a perpetual bankruptcy (market >= 0) matching a {@link LabTarget}
 * whose deficit the fund did not pay in full, so that the events after it include deleveraging, a socialized share or
 * recorded deficit. A bankruptcy's events end at the first event of another kind, or at the end of the step.
 */
final class ShortfallFinder implements ReplaySink {

    /** The bankruptcy found, as the source run settled it. */
    record Found(long timeMs, int sub, int market, String account, String subAccount, String marketSymbol,
                 double markUsd, double deficitUsd, double fundPaidUsd) {
        double shortfallUsd() {
            return deficitUsd - fundPaidUsd;
        }
    }

    private final LabTarget target;
    private SimulationEvent open;
    private String openAccount;
    private String openSub;
    private String openMarket;
    private double fundPaid;
    private boolean reached;
    private Found found;

    ShortfallFinder(LabTarget target) {
        this.target = target;
    }

    @Override
    public void event(SimulationEvent e, String account, String subaccount, String market) {
        if (found != null) {
            return;
        }
        switch (e.kind()) {
            case BANKRUPTCY -> {
                close();
                if (found == null && e.market() >= 0 && target.matches(e.timeMs(), account, subaccount)) {
                    open = e;
                    openAccount = account;
                    openSub = subaccount;
                    openMarket = market;
                    fundPaid = 0;
                    reached = false;
                }
            }
            case FUND_PAYMENT -> {
                if (open != null && e.subAccount() == open.subAccount()) {
                    fundPaid += e.amountUsd();
                }
            }
            case DELEVERAGING, SOCIALIZED_LOSS, DEFICIT -> {
                if (open != null) {
                    reached = true;
                }
            }
            default -> close();
        }
    }

    @Override
    public void metrics(MetricsRow row) {
    }

    /** The step ended: a bankruptcy being watched is complete. */
    void stepEnded() {
        close();
    }

    private void close() {
        if (open != null && reached && open.amountUsd() - fundPaid >= LabTarget.MIN_SHORTFALL_USD) {
            found = new Found(open.timeMs(), open.subAccount(), open.market(), openAccount, openSub, openMarket,
                    open.priceUsd(), open.amountUsd(), fundPaid);
        }
        open = null;
    }

    /** @return the bankruptcy found, or null while none is */
    Found found() {
        return found;
    }
}
