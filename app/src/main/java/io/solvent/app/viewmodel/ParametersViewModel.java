package io.solvent.app.viewmodel;

import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.app.workbench.Workbench;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.ParameterPreview;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The parameter sheet: the active run's parameters, the operator's staged edits (checked against each parameter's
 * rules and the guardrails as they are typed), the preview of what they would change now (asked of the engine,
 * answered within a pulse or two), and the actions — apply here, fork here, undo — with the audit trail. FX thread
 * only; the engine's answers are brought back to it.
 */
public final class ParametersViewModel {
    private final Workbench bench;
    private final Function<EngineCommand, CompletableFuture<EngineView>> engine;
    private final Consumer<Runnable> fx;
    private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
    private final ObservableMap<String, String> staged = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ParameterPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
    private Map<String, String> shown = Map.of();
    private String shownLabel = "";
    private EngineView view;
    private boolean previewPending;
    private boolean previewAgain;
    private int forks;

    /**
     * @param bench  the operator's work on the runs
     * @param engine sends a command, completed with the view that answers it
     * @param fx     runs an action on the FX thread ({@code Platform::runLater}; a test may run it at once)
     */
    public ParametersViewModel(Workbench bench, Function<EngineCommand, CompletableFuture<EngineView>> engine,
                               Consumer<Runnable> fx) {
        this.bench = bench;
        this.engine = engine;
        this.fx = fx;
        try {
            List<AuditEntry> past = AuditLog.read(bench.audit().file());
            audit.setAll(past.subList(Math.max(0, past.size() - 500), past.size()));
        } catch (java.io.IOException e) {
            message.set("the audit log " + bench.audit().file() + " cannot be read: " + e.getMessage());
        }
    }

    /** @return one that runs the engine's answers on the FX thread */
    public static Consumer<Runnable> onFxThread() {
        return Platform::runLater;
    }

    /** @param v the newest engine view */
    public void update(EngineView v) {
        view = v;
        if (!v.activeLabel().equals(shownLabel) || !v.parameters().equals(shown)) {
            shown = v.parameters();
            shownLabel = v.activeLabel();
            runLabel.set(v.activeLabel());
            List<ParameterRow> next = new ArrayList<>(shown.size());
            shown.forEach((k, val) -> next.add(ParameterRow.of(k, val)));
            rows.setAll(next);
            recheck();
        }
    }

    /**
     * Stages an edit (or unstages it when it equals the value in force), checks every staged edit, and asks for a
     * preview when they pass.
     *
     * @param key   the dotted key
     * @param value the value typed
     */
    public void stage(String key, String value) {
        String now = shown.get(key);
        if (value == null || value.isBlank() || value.strip().equals(now)) {
            staged.remove(key);
        } else {
            staged.put(key, value.strip());
        }
        recheck();
    }

    /** Forgets every staged edit. */
    public void clearStaged() {
        staged.clear();
        recheck();
    }

    private void recheck() {
        if (staged.isEmpty()) {
            refusal.set("");
            preview.set(null);
            return;
        }
        Workbench.Checked c = bench.check(shown, staged);
        refusal.set(c.refusal());
        if (!c.ok()) {
            preview.set(null);
            return;
        }
        if (previewPending) {
            previewAgain = true;
            return;
        }
        previewPending = true;
        engine.apply(new EngineCommand.Preview(c.parameters())).whenComplete((v, e) -> fx.accept(() -> {
            previewPending = false;
            if (previewAgain) {
                previewAgain = false;
                recheck();
            } else if (e == null && !staged.isEmpty()) {
                preview.set(v.preview());
            } else if (e != null) {
                message.set(cause(e));
            }
        }));
    }

    /**
     * Applies the staged edits to the active run from now on.
     *
     * @param why the operator's reason (required by the audit trail)
     * @return the engine's answer
     */
    public CompletableFuture<EngineView> apply(String why) {
        return act(() -> bench.apply(view, Map.copyOf(staged), why), "applied to run '" + view.activeLabel() + "'");
    }

    /**
     * Forks the active run here under the staged edits.
     *
     * @param label the fork's label, or blank for one made up ({@code fork-1}, ...)
     * @param why   the operator's reason
     * @return the engine's answer
     */
    public CompletableFuture<EngineView> fork(String label, String why) {
        String l = label == null || label.isBlank() ? nextForkLabel() : label.strip();
        return act(() -> bench.fork(view, l, Map.copyOf(staged), why), "forked as '" + l + "'");
    }

    /** @return a fork label not used yet */
    public String nextForkLabel() {
        String l;
        do {
            l = "fork-" + ++forks;
        } while (view != null && view.labels().contains(l));
        return l;
    }

    /** @return the engine's answer to undoing the last edit */
    public CompletableFuture<EngineView> undo() {
        if (view == null || !bench.canUndo()) {
            message.set("nothing to undo");
            return CompletableFuture.completedFuture(null);
        }
        String what = bench.undoLabel();
        return track(bench.undo(view), "undid " + what);
    }

    private CompletableFuture<EngineView> act(java.util.function.Supplier<CompletableFuture<EngineView>> action,
                                              String done) {
        if (view == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no run yet"));
        }
        if (staged.isEmpty()) {
            message.set("no edit staged: change a value in the sheet first");
            return CompletableFuture.failedFuture(new IllegalStateException(message.get()));
        }
        CompletableFuture<EngineView> f;
        try {
            f = action.get();
        } catch (java.io.UncheckedIOException e) {
            message.set(e.getMessage() + ": the edit was not sent");
            return CompletableFuture.failedFuture(e);
        }
        return track(f, done).thenApply(v -> {
            fx.accept(() -> {
                staged.clear();
                recheck();
            });
            return v;
        });
    }

    private CompletableFuture<EngineView> track(CompletableFuture<EngineView> f, String done) {
        return f.whenComplete((v, e) -> fx.accept(() -> {
            message.set(e == null ? done : cause(e));
            canUndo.set(bench.canUndo());
            undoLabel.set(bench.canUndo() ? "Undo " + bench.undoLabel() : "Undo");
            try {
                List<AuditEntry> all = AuditLog.read(bench.audit().file());
                audit.setAll(all.subList(Math.max(0, all.size() - 500), all.size()));
            } catch (java.io.IOException ex) {
                message.set("the audit log cannot be read: " + ex.getMessage());
            }
        }));
    }

    private static String cause(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** @return the active run's parameters, one row each */
    public ObservableList<ParameterRow> rows() {
        return rows;
    }

    /** @return the staged edits, by key */
    public ObservableMap<String, String> staged() {
        return staged;
    }

    /** @return the audit trail, oldest first (the last 500) */
    public ObservableList<AuditEntry> audit() {
        return audit;
    }

    /** @return why the staged edits cannot be applied, or empty */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** @return the last action's outcome, in words */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the active run's label */
    public ReadOnlyStringProperty runLabelProperty() {
        return runLabel.getReadOnlyProperty();
    }

    /** @return what the staged edits would change now, or null */
    public ReadOnlyObjectProperty<ParameterPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** @return whether there is an edit to undo */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** @return the undo action's label */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    /** @return the operator's work on the runs */
    public Workbench workbench() {
        return bench;
    }
}
