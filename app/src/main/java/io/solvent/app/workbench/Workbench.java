package io.solvent.app.workbench;

import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.app.service.Guardrails;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The operator's work on the runs of one scenario: parameter edits applied in place or as forks, each checked against
 * the guardrails, written to the audit log before it goes to the engine, kept in order (for a workspace) and undoable;
 * and the bookmarks. Called on the FX thread; the engine's answers come back as futures.
 */
public final class Workbench {
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

    /** What an undo does. */
    private sealed interface Undo {
        RunAction action();
    }

    private record UndoChange(RunAction.Change action, Parameters before, Parameters after) implements Undo {
    }

    private record UndoFork(RunAction.Fork action, Parameters parameters) implements Undo {
    }

    private final String scenario;
    private final Parameters original;
    private final Guardrails guardrails;
    private final String guardrailSource;
    private final AuditLog audit;
    private final String user;
    private final Function<EngineCommand, CompletableFuture<EngineView>> engine;
    private final List<RunAction> actions = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<Bookmark> bookmarks = new ArrayList<>();

    /**
     * @param scenario        the scenario's name, for the audit log
     * @param original        the scenario's parameters, which every run's are overrides of
     * @param guardrails      the guardrails
     * @param guardrailSource where the guardrails are set, for refusals ({@code guardrails.json in ...})
     * @param audit           the audit log
     * @param user            who edits
     * @param engine          sends a command to the engine, completed with the view that answers it
     */
    public Workbench(String scenario, Parameters original, Guardrails guardrails, String guardrailSource,
                     AuditLog audit, String user, Function<EngineCommand, CompletableFuture<EngineView>> engine) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.original = Objects.requireNonNull(original, "original");
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.guardrailSource = guardrailSource;
        this.audit = Objects.requireNonNull(audit, "audit");
        this.user = user;
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * @param scenario  the scenario open
     * @param configDir the configuration directory ({@code guardrails.json}, {@code audit.jsonl})
     * @param engine    sends a command to the engine
     * @return the operator's workbench for it; guardrails that cannot be read are logged and the defaults used
     */
    public static Workbench forScenario(io.solvent.engine.scenario.Scenario scenario, java.nio.file.Path configDir,
                                        Function<EngineCommand, CompletableFuture<EngineView>> engine) {
        Guardrails g;
        try {
            g = Guardrails.load(configDir);
        } catch (io.solvent.engine.input.InputException e) {
            LOG.warn("guardrails unreadable, the defaults apply: {}", e.getMessage());
            g = Guardrails.DEFAULTS;
        }
        return new Workbench(scenario.name(), scenario.parameters(), g, Guardrails.FILE + " in " + configDir, new AuditLog(
                configDir.resolve(AuditLog.FILE)), System.getProperty("user.name", ""), engine);
    }

    /** @return the scenario's own parameters */
    public Parameters original() {
        return original;
    }

    /** @return the guardrails in force */
    public Guardrails guardrails() {
        return guardrails;
    }

    /**
     * @param values a run's parameters by key ({@link EngineView#parameters()})
     * @return those parameters
     */
    public Parameters parametersOf(Map<String, String> values) {
        return original.with(overrides(values));
    }

    /** @param values a run's parameters by key @return those that differ from the scenario's */
    public Map<String, String> overrides(Map<String, String> values) {
        Map<String, String> base = original.values();
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.equals(base.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Checks staged edits against the parameters' own rules and the guardrails.
     *
     * @param current the run's parameters by key now
     * @param staged  the edits, by key
     * @return the parameters they give, or the first refusal's message
     */
    public Checked check(Map<String, String> current, Map<String, String> staged) {
        Parameters p = parametersOf(current);
        for (Map.Entry<String, String> e : staged.entrySet()) {
            String from = current.getOrDefault(e.getKey(), "");
            Optional<String> refused = guardrails.check(e.getKey(), from, e.getValue(), guardrailSource);
            if (refused.isPresent()) {
                return new Checked(null, refused.get());
            }
            try {
                p = p.with(e.getKey(), e.getValue());
            } catch (ParameterException ex) {
                return new Checked(null, ex.getMessage());
            }
        }
        return new Checked(p, "");
    }

    /**
     * @param parameters the parameters staged edits give, or null when refused
     * @param refusal    why they are refused, or empty
     */
    public record Checked(Parameters parameters, String refusal) {
        /** @return whether they can be applied */
        public boolean ok() {
            return parameters != null;
        }
    }

    /**
     * Applies staged edits to the active run from its current moment on.
     *
     * @param view   the newest view (the active run, its time and parameters)
     * @param staged the edits
     * @param why    the operator's reason
     * @return the engine's answer; refused edits complete exceptionally with an {@link IllegalArgumentException}
     */
    public CompletableFuture<EngineView> apply(EngineView view, Map<String, String> staged, String why) {
        Checked c = check(view.parameters(), staged);
        if (!c.ok()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(c.refusal()));
        }
        Parameters before = parametersOf(view.parameters());
        RunAction.Change a = new RunAction.Change(view.activeLabel(), view.timeMs(), overrides(c.parameters().values()));
        record(view, a.run(), staged, why, "apply");
        return engine.apply(new EngineCommand.ChangeParameters(c.parameters())).thenApply(v -> {
            synchronized (this) {
                actions.add(a);
                undo.push(new UndoChange(a, before, c.parameters()));
            }
            return v;
        });
    }

    /**
     * Forks the active run here under the staged edits; the fork becomes the active run.
     *
     * @param view   the newest view
     * @param label  the fork's label
     * @param staged the edits
     * @param why    the operator's reason
     * @return the engine's answer
     */
    public CompletableFuture<EngineView> fork(EngineView view, String label, Map<String, String> staged, String why) {
        Checked c = check(view.parameters(), staged);
        if (!c.ok()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(c.refusal()));
        }
        RunAction.Fork a = new RunAction.Fork(label, view.activeLabel(), view.timeMs(),
                overrides(c.parameters().values()));
        record(view, label, staged, why, "fork");
        return engine.apply(new EngineCommand.Fork(label, c.parameters())).thenApply(v -> {
            synchronized (this) {
                actions.add(a);
                undo.push(new UndoFork(a, c.parameters()));
            }
            return v;
        });
    }

    /** @return whether there is an edit to undo */
    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    /** @return what the next undo would undo, in words, or empty */
    public synchronized String undoLabel() {
        Undo u = undo.peek();
        return switch (u) {
            case null -> "";
            case UndoFork f -> "fork '" + f.action().label() + "'";
            case UndoChange c -> "the change of run '" + c.action().run() + "' at " + Instant.ofEpochMilli(
                    c.action().atMs());
        };
    }

    /**
     * Undoes the last edit: a fork is discarded (the run it came from is shown again, its figures untouched); a change
     * in place is taken back by seeking the run to the moment it was made, which restores the parameters and figures
     * of that moment. Written to the audit log.
     *
     * @param view the newest view
     * @return the engine's answer, or a completed null when there is nothing to undo
     */
    public CompletableFuture<EngineView> undo(EngineView view) {
        Undo u;
        synchronized (this) {
            u = undo.peek();
        }
        if (u == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<EngineView> done = switch (u) {
            case UndoFork f -> {
                Map<String, String> was = original.values();
                Map<String, String> keys = new LinkedHashMap<>();
                f.action().overrides().forEach((k, v) -> keys.put(k, was.get(k)));
                record(view, f.action().label(), keys, "undo of fork '" + f.action().label() + "'", "undo");
                yield engine.apply(new EngineCommand.Discard(f.action().label()));
            }
            case UndoChange c -> {
                Map<String, String> back = new LinkedHashMap<>();
                Map<String, String> was = c.before().values();
                c.before().differences(c.after()).forEach(d -> {
                    String k = d.substring(0, d.indexOf(": "));
                    back.put(k, was.get(k));
                });
                record(view, c.action().run(), back, "undo of the change at " + Instant.ofEpochMilli(
                        c.action().atMs()), "undo");
                CompletableFuture<EngineView> sw = view.activeLabel().equals(c.action().run())
                        ? CompletableFuture.completedFuture(view)
                        : engine.apply(new EngineCommand.SwitchTo(c.action().run()));
                yield sw.thenCompose(v -> engine.apply(new EngineCommand.Seek(c.action().atMs())));
            }
        };
        return done.thenApply(v -> {
            synchronized (this) {
                undo.remove(u);
                actions.remove(u.action());
            }
            return v;
        });
    }

    private void record(EngineView view, String run, Map<String, String> edits, String why, String action) {
        String now = Instant.now().toString();
        for (Map.Entry<String, String> e : edits.entrySet()) {
            String old = view.parameters().getOrDefault(e.getKey(), "");
            try {
                audit.append(new AuditEntry(now, user, scenario, run, view.timeMs(), e.getKey(), old, e.getValue(),
                        why, action));
            } catch (IOException ex) {
                // the edit is not refused for it, but the operator must know: the view model shows the log's state
                LOG.error("could not append to the audit log {}: {}", audit.file(), ex.getMessage());
                throw new java.io.UncheckedIOException("could not write the audit log " + audit.file(), ex);
            }
        }
    }

    /** @return the forks and changes done, in order */
    public synchronized List<RunAction> actions() {
        return List.copyOf(actions);
    }

    /** @param a an action done again by a reopened workspace: kept as if done now (not undoable) */
    public synchronized void replayed(RunAction a) {
        actions.add(a);
    }

    /** @return the bookmarks, by time */
    public synchronized List<Bookmark> bookmarks() {
        return List.copyOf(bookmarks);
    }

    /** @param b a bookmark to add (kept in time order) */
    public synchronized void addBookmark(Bookmark b) {
        bookmarks.add(b);
        bookmarks.sort(java.util.Comparator.comparingLong(Bookmark::timeMs));
    }

    /** @param b a bookmark to remove */
    public synchronized void removeBookmark(Bookmark b) {
        bookmarks.remove(b);
    }

    /** @return the audit log */
    public AuditLog audit() {
        return audit;
    }
}
