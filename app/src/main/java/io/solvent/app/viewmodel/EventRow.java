package io.solvent.app.viewmodel;

import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView;

/**
 * One line of the events table.
 *
 * @param timeMs    simulated time, ms since the Unix epoch, UTC
 * @param kind      what happened, such as {@code liquidation}
 * @param account   the account and sub-account, or empty
 * @param market    the market's symbol, or empty
 * @param size      units (signed), 0 when none
 * @param priceUsd  fill price, USD per unit, NaN when none
 * @param amountUsd the event's money, USD
 * @param feeUsd    fee, USD
 * @param detail    the engine's explanation
 */
public record EventRow(long timeMs, String kind, String account, String market, double size, double priceUsd,
                       double amountUsd, double feeUsd, String detail) {
    /** @param e an engine event with its names @return its row */
    public static EventRow of(EngineView.RecentEvent e) {
        SimulationEvent s = e.event();
        return new EventRow(s.timeMs(), s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                e.account().isEmpty() ? "" : e.account() + "/" + e.subAccount(), e.market(), s.size(), s.priceUsd(),
                s.amountUsd(), s.feeUsd(), s.detail());
    }
}
