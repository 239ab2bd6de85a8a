package io.solvent.app.viewmodel;

import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.lab.DeleveragingLab;
import io.solvent.engine.sim.lab.LabResult;
import io.solvent.engine.sim.lab.Payer;
import io.solvent.engine.sim.lab.PolicyOutcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The deleveraging lab's view model (no nodes): runs {@link DeleveragingLab} as a background {@link Task} and holds
 * what the view shows — one row per policy (shortfall, paid, accounts hit, largest loss, overshoot in USD and %), the
 * overshoot per policy as a bar series, and the payers of the selected policy. Its state changes on the FX thread
 * (the task's handlers), or on the caller's in tests that call {@link #show} directly.
 */
public final class DeleveragingLabViewModel {
    /** How the figures are measured, for the reader beside the chart. */
    public static final String EXPLANATION = "Paid: what counterparties (ranked ADL: positions closed at the"
            + " bankruptcy price) or holders (socialized loss, pro rata to size) transferred to cover the shortfall."
            + " Taken: the haircut on each payer: a position ADL closes gives up the unrealized profit of what was"
            + " closed (arXiv 2512.01112 counts ADL this way on 2025-10-10), or the cash it paid when that is more."
            + " Overshoot = taken − paid: what a policy took beyond the smallest haircut that covers the shortfall;"
            + " 0 for a pro-rata socialized loss, and for a recorded deficit, which leaves the shortfall on the"
            + " books. Largest loss: the most taken from one sub-account. From collateral: paid beyond the payer's"
            + " own profit.";

    /** How far either bar of a policy sits from the policy's index, so that paid and overshoot stand side by side. */
    public static final double BAR_OFFSET = 0.17;

    private final ObservableList<PolicyOutcome> outcomes = FXCollections.observableArrayList();
    private final ObservableList<Payer> payers = FXCollections.observableArrayList();
    private final ObservableList<String> policyLabels = FXCollections.observableArrayList();
    private final XYSeries overshoot = new XYSeries("overshoot: taken beyond the smallest covering haircut (USD)");
    private final XYSeries paid = new XYSeries("paid by counterparties (USD)");
    private final ObjectProperty<PolicyOutcome> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LabResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(
            "Pick a moment and run the lab: the first bankruptcy from then on that the insurance fund cannot cover,"
                    + " settled under each deleveraging policy.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("idle");
    private final ReadOnlyStringWrapper payersTitle = new ReadOnlyStringWrapper("Payers");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private Task<LabResult> current;

    public DeleveragingLabViewModel() {
        selected.addListener((o, was, now) -> {
            payers.setAll(now == null ? List.of() : now.payers());
            payersTitle.set(now == null ? "Payers" : payersTitle(now));
        });
    }

    /**
     * Runs the lab in the background: the first bankruptcy at or after {@code atMs} that the insurance fund cannot
     * cover, under each policy, on the lab's own replay of the scenario (the console's run is not touched). Progress
     * on {@link #progressProperty()}; {@link #cancel()} stops it. Call on the FX thread; a lab still running is
     * cancelled first.
     *
     * @param scenario   the scenario
     * @param parameters the parameters the run uses
     * @param atMs       ms since the Unix epoch, UTC ({@link Long#MIN_VALUE}: from the start)
     * @return the task, started on a daemon thread
     */
    public Task<LabResult> run(Scenario scenario, Parameters parameters, long atMs) {
        cancel();
        Task<LabResult> t = task(scenario, parameters, atMs);
        progress.bind(t.progressProperty());
        current = t;
        Thread worker = new Thread(t, "deleveraging-lab");
        worker.setDaemon(true);
        worker.start();
        return t;
    }

    /** Cancels the running lab, if any: it stops at its next step (the status then says so). */
    public void cancel() {
        if (current != null && current.isRunning()) {
            current.cancel();
        }
    }

    /** @return the running lab's progress, 0..1 (−1 while it is unknown) */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * A task that runs the lab on its own replay of the scenario (never the console's run): progress 0..1, cancel
     * stops it between steps. Its handlers (on the FX thread) fill this view model; start it on a background thread.
     *
     * @param scenario   the scenario
     * @param parameters the parameters the run uses
     * @param atMs       look for the first bankruptcy reaching deleveraging at or after this time, ms since the Unix
     *                   epoch, UTC ({@link Long#MIN_VALUE}: from the start)
     * @return the task, not started
     */
    Task<LabResult> task(Scenario scenario, Parameters parameters, long atMs) {
        Task<LabResult> task = new Task<>() {
            private long started;

            @Override
            protected LabResult call() {
                started = System.nanoTime();
                updateMessage("replaying to the bankruptcy…");
                return DeleveragingLab.run(scenario, parameters, atMs, this::isCancelled,
                        f -> updateProgress(f, 1));
            }

            @Override
            protected void succeeded() {
                show(getValue(), (System.nanoTime() - started) / 1_000_000L);
            }

            @Override
            protected void cancelled() {
                finished("cancelled");
            }

            @Override
            protected void failed() {
                failedWith(getException());
            }
        };
        running.set(true);
        status.set("running: replaying " + scenario.name() + " to the first bankruptcy"
                + (atMs == Long.MIN_VALUE ? "" : " at or after " + Format.time(atMs)) + " the fund cannot cover");
        return task;
    }

    /**
     * Shows a result.
     *
     * @param r         the lab's result
     * @param elapsedMs how long it took, ms (shown in the status)
     */
    public void show(LabResult r, long elapsedMs) {
        result.set(r);
        outcomes.setAll(r.outcomes());
        policyLabels.setAll(r.outcomes().stream().map(PolicyOutcome::policy).toList());
        int n = r.outcomes().size();
        double[] xs = new double[n];
        double[] xsPaid = new double[n];
        double[] xsOver = new double[n];
        double[] over = new double[n];
        double[] covered = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            xsPaid[i] = i - BAR_OFFSET;
            xsOver[i] = i + BAR_OFFSET;
            over[i] = r.outcomes().get(i).overshootUsd();
            covered[i] = r.outcomes().get(i).paidUsd();
        }
        overshoot.setAll(xsOver, over);
        paid.setAll(xsPaid, covered);
        caption.set(caption(r));
        selected.set(r.outcomes().isEmpty() ? null : r.outcomes().getFirst());
        finished("done in " + Format.duration(elapsedMs) + ": " + n + " policies compared on the same bankruptcy");
        revision.set(revision.get() + 1);
    }

    /** @param e why the lab stopped: shown as one line */
    public void failedWith(Throwable e) {
        finished(e instanceof CancellationException ? "cancelled" : "failed: " + (e == null ? "unknown"
                : e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")));
    }

    private void finished(String text) {
        running.set(false);
        status.set(text);
    }

    static String caption(LabResult r) {
        return "Bankruptcy of " + r.bankruptId() + " in " + r.market() + " at " + Format.time(r.timeMs())
                + " (mark " + Format.price(r.markUsd()) + "): deficit " + Format.usd(r.deficitUsd())
                + ", insurance fund paid " + Format.usd(r.fundPaidUsd()) + ", shortfall " + Format.usd(r.shortfallUsd())
                + " left to the deleveraging policy; the run leading here used " + r.sourcePolicy()
                + ". Click a policy to see who paid.";
    }

    static String payersTitle(PolicyOutcome o) {
        String who = o.payers().isEmpty() ? "nobody paid: " + Format.usd(o.deficitUsd()) + " left as protocol deficit"
                : Format.count(o.payers().size()) + " payers, " + Format.usd(o.paidUsd()) + " paid, "
                + Format.usd(o.takenUsd()) + " taken";
        String order = o.adlPriceUsd() == o.adlPriceUsd() ? " — queue order, closed at " + Format.price(o.adlPriceUsd())
                : o.payers().isEmpty() ? "" : " — by amount";
        return "Payers under " + o.policy() + ": " + who + order;
    }

    /** @return one row per policy, in the lab's order */
    public ObservableList<PolicyOutcome> outcomes() {
        return outcomes;
    }

    /** @return the payers of the selected policy */
    public ObservableList<Payer> payers() {
        return payers;
    }

    /** @return the policies' names, the chart's categories (x = index) */
    public ObservableList<String> policyLabels() {
        return policyLabels;
    }

    /** @return overshoot per policy, USD (x: the policy's index + {@link #BAR_OFFSET}) */
    public XYSeries overshoot() {
        return overshoot;
    }

    /** @return what counterparties paid per policy, USD (x: the policy's index − {@link #BAR_OFFSET}) */
    public XYSeries paid() {
        return paid;
    }

    /** @return the policy whose payers are shown */
    public ObjectProperty<PolicyOutcome> selectedProperty() {
        return selected;
    }

    /** @return the last result, or null */
    public ReadOnlyObjectProperty<LabResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return the bankruptcy studied, in words */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** @return idle, running, done, cancelled or failed, in words */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the payers table's title */
    public ReadOnlyStringProperty payersTitleProperty() {
        return payersTitle.getReadOnlyProperty();
    }

    /** @return whether a task is running */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** @return changes with every result shown */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
