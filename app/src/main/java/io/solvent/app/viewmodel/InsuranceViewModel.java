package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.MarketSample;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The insurance fund over the run: its balance, cumulative inflows (its share of liquidation fees) and payouts (bad debt
 * covered), the depletion point (the first moment it could not pay), and deleveraging — the fills that closed
 * counterparties' positions when the fund was not enough, most recent first.
 */
public final class InsuranceViewModel {
    /** The most log items of each kind taken in one pulse. */
    public static final int PER_PULSE = 5_000;
    /** The deleveraging fills kept for the table. */
    public static final int FILLS_KEPT = 500;

    private final XYSeries balance = new XYSeries("fund balance (USD)");
    private final XYSeries inflows = new XYSeries("cumulative inflows (USD)");
    private final XYSeries payouts = new XYSeries("cumulative payouts (USD)");
    private final ObservableList<EventRow> deleveraging = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("waiting for the engine");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final PulseWork work;
    private final LogCursor rowsAt = new LogCursor(PER_PULSE);
    private final LogCursor samplesAt = new LogCursor(PER_PULSE);
    private final LogCursor eventsAt = new LogCursor(PER_PULSE);
    private long depletedAtMs = Long.MIN_VALUE; // the first deleveraging, socialized loss or deficit
    private long deleveragingFills;

    /** @param work where the FX thread's work is counted */
    public InsuranceViewModel(PulseWork work) {
        this.work = work;
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        long handed = 0;
        for (ReplaySink.MetricsRow r : rowsAt.take(v.series(), balance::reset)) {
            balance.append(r.timeMs() / 1000.0, r.fundUsd());
            handed++;
        }
        for (MarketSample s : samplesAt.take(v.samples(), () -> {
            inflows.reset();
            payouts.reset();
        })) {
            inflows.append(s.timeMs() / 1000.0, s.fundInflowUsd());
            payouts.append(s.timeMs() / 1000.0, s.fundPayoutUsd());
            handed += 2;
        }
        List<EventRow> fills = new ArrayList<>();
        for (EngineView.RecentEvent e : eventsAt.take(v.events(), () -> {
            deleveraging.clear();
            depletedAtMs = Long.MIN_VALUE;
            deleveragingFills = 0;
        })) {
            SimulationEvent.Kind k = e.event().kind();
            if (k == SimulationEvent.Kind.DELEVERAGING || k == SimulationEvent.Kind.SOCIALIZED_LOSS
                    || k == SimulationEvent.Kind.DEFICIT) {
                fills.add(EventRow.of(e));
                deleveragingFills++;
                if (depletedAtMs == Long.MIN_VALUE) {
                    depletedAtMs = e.event().timeMs(); // the fund did not cover this bankruptcy alone
                }
            }
        }
        if (!fills.isEmpty()) {
            java.util.Collections.reverse(fills);
            deleveraging.addAll(0, fills.subList(0, Math.min(FILLS_KEPT, fills.size())));
            if (deleveraging.size() > FILLS_KEPT) {
                deleveraging.remove(FILLS_KEPT, deleveraging.size());
            }
            handed += fills.size();
        }
        work.points(handed);
        if (handed > 0) {
            revision.set(revision.get() + 1);
        }
        RunSummary s = v.summary();
        caption.set("balance " + Format.usd(v.fundUsd()) + " · low " + Format.usd(s.fundMinimumUsd())
                + " · inflows " + Format.usd(inflows.lastY()) + " · payouts " + Format.usd(payouts.lastY())
                + " · " + (depletedAtMs == Long.MIN_VALUE ? "no deleveraging so far"
                : "first deleveraging at " + Format.time(depletedAtMs))
                + " · deleveraged " + Format.usd(s.deleveragedNotionalUsd()) + " in "
                + Format.count(s.deleveragingFills()) + " fills · deficit " + Format.usd(s.deficitUsd()));
    }

    /** @return the fund's balance over time */
    public XYSeries balance() {
        return balance;
    }

    /** @return cumulative inflows over time */
    public XYSeries inflows() {
        return inflows;
    }

    /** @return cumulative payouts over time */
    public XYSeries payouts() {
        return payouts;
    }

    /** @return deleveraging, socialized-loss and deficit events, newest first */
    public ObservableList<EventRow> deleveraging() {
        return deleveraging;
    }

    /** @return the first deleveraging, socialized loss or deficit (the fund did not cover a bankruptcy alone), or
     *          {@link Long#MIN_VALUE} */
    public long depletedAtMs() {
        return depletedAtMs;
    }

    /** @return the fund's figures in a line */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** @return +1 whenever a series got points */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
