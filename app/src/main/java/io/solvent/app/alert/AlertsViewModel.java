package io.solvent.app.alert;

import io.solvent.engine.sim.loop.EngineView;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The alerts: the rules (editable, saved to {@code alerts.json} off the FX thread), the alerts raised (newest first,
 * with their acknowledgement), and the count of unacknowledged ones for the status bar's badge. Fed once per new engine
 * view ({@link #update}); it tells its listeners (the notifier) what each view raised. No nodes.
 */
public final class AlertsViewModel {
    private final AlertRulesStore store;
    private final AlertMonitor monitor;
    private final Executor io;
    private final Executor fx;
    private final ObservableList<AlertRuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<AlertEntry> alerts = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("no alerts");
    private final List<Consumer<List<AlertEvent>>> listeners = new ArrayList<>();
    private long shownVersion = -1;

    /**
     * Loads the rules (a small file, read once, before the window shows).
     *
     * @param store  where the rules are kept
     * @param io     where saves run (a background thread; {@code Runnable::run} in tests)
     * @param fx     where their outcome is shown (Platform::runLater; {@code Runnable::run} in tests)
     * @param wallMs the wall clock, ms since the Unix epoch
     */
    public AlertsViewModel(AlertRulesStore store, Executor io, Executor fx, LongSupplier wallMs) {
        this.store = Objects.requireNonNull(store, "store");
        this.io = Objects.requireNonNull(io, "io");
        this.fx = Objects.requireNonNull(fx, "fx");
        AlertRulesStore.Loaded loaded = store.load();
        problem.set(loaded.problem());
        monitor = new AlertMonitor(loaded.rules(), wallMs, AlertMonitor.DEFAULT_CAPACITY);
        for (AlertRule r : loaded.rules().rules()) {
            rules.add(new AlertRuleRow(r, this::apply));
        }
        refresh();
    }

    /** @param v the engine's newest view: the rules are evaluated against it once */
    public void update(EngineView v) {
        List<AlertEvent> raised = monitor.update(v);
        if (monitor.version() != shownVersion) {
            refresh();
        }
        for (Consumer<List<AlertEvent>> l : listeners) {
            l.accept(raised);
        }
    }

    /** @param listener told on each update what it raised (often nothing): the notifier */
    public void addListener(Consumer<List<AlertEvent>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param entry an alert to acknowledge */
    public void acknowledge(AlertEntry entry) {
        if (entry != null && monitor.acknowledge(entry.event().seq())) {
            refresh();
        }
    }

    /** Acknowledges every active alert. */
    public void acknowledgeAll() {
        if (monitor.acknowledgeAll() > 0) {
            refresh();
        }
    }

    /** Forgets the rules' states (another session opened); the history stays. */
    public void reset() {
        monitor.reset();
    }

    private String apply(AlertRule changed) {
        List<AlertRule> next = new ArrayList<>(rules.size());
        for (AlertRuleRow row : rules) {
            next.add(row.rule().id().equals(changed.id()) ? changed : row.rule());
        }
        AlertRules all;
        try {
            all = new AlertRules(next);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return e.getMessage();
        }
        monitor.setRules(all);
        problem.set("");
        io.execute(() -> {
            String outcome;
            try {
                outcome = store.save(all);
            } catch (IOException | RuntimeException e) {
                outcome = "could not save the alert rules to " + store.file() + ": " + e.getMessage();
            }
            String shown = outcome;
            fx.execute(() -> problem.set(shown));
        });
        return "";
    }

    /**
     * @param row       a rule's row
     * @param threshold its new threshold
     * @return why it was refused, or empty (the refusal is also the {@link #problemProperty()})
     */
    public String setThreshold(AlertRuleRow row, double threshold) {
        return shown(row.setThreshold(threshold));
    }

    /** @param row a rule's row @param count its new count @return why it was refused, or empty */
    public String setCount(AlertRuleRow row, int count) {
        return shown(row.setCount(count));
    }

    /** @param row a rule's row @param severity its new severity @return why it was refused, or empty */
    public String setSeverity(AlertRuleRow row, AlertSeverity severity) {
        return shown(row.setSeverity(severity));
    }

    private String shown(String refused) {
        if (!refused.isEmpty()) {
            problem.set(refused);
        }
        return refused;
    }

    /** @param message why an edit could not be read (not a number), for the problem line */
    public void refuse(String message) {
        problem.set(message);
    }

    private void refresh() {
        shownVersion = monitor.version();
        List<AlertEntry> h = monitor.history();
        List<AlertEntry> newestFirst = new ArrayList<>(h.size());
        int retracted = 0;
        for (int i = h.size() - 1; i >= 0; i--) {
            newestFirst.add(h.get(i));
            retracted += h.get(i).status() == AlertEntry.Status.RETRACTED ? 1 : 0;
        }
        alerts.setAll(newestFirst);
        int n = monitor.unacknowledged();
        unacknowledged.set(n);
        summary.set(h.isEmpty() ? "no alerts" : n + " unacknowledged · " + h.size() + " in history"
                + (retracted > 0 ? " · " + retracted + " retracted by a seek back" : "")
                + (monitor.dropped() > 0 ? " · " + monitor.dropped() + " oldest dropped" : ""));
    }

    /** @return the rules, in order, editable */
    public ObservableList<AlertRuleRow> rules() {
        return rules;
    }

    /** @return the alerts kept, newest first */
    public ObservableList<AlertEntry> alerts() {
        return alerts;
    }

    /** @return how many alerts wait for acknowledgement: the badge */
    public ReadOnlyIntegerProperty unacknowledgedProperty() {
        return unacknowledged.getReadOnlyProperty();
    }

    /** @return why the rules file could not be read or saved, or an edit was refused; empty when all is well */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return a line on the history, such as {@code 3 unacknowledged · 12 in history} */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return the monitor (for tests and the lead's wiring) */
    public AlertMonitor monitor() {
        return monitor;
    }

    /** @return where the rules are kept */
    public AlertRulesStore store() {
        return store;
    }
}
