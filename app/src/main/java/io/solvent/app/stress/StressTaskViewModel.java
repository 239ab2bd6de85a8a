package io.solvent.app.stress;

import io.solvent.app.viewmodel.Format;
import io.solvent.engine.scenario.MonteCarlo;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.StressGrid;
import io.solvent.engine.sim.ScenarioFeeds;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup, the progress and the results of a stress analysis started from the console, without nodes: a grid of
 * parameter values (keys from {@link Parameters#values()}, each with a comma list of values, optionally forked at the
 * console's current moment), a reverse stress search (shock time, largest drop), or Monte Carlo paths (count, seed,
 * calibration files). Every change of the form re-validates it: one clear line per bad value ({@link #problems()}) and
 * the number of runs it will take ({@link #runsProperty()}, {@link #planProperty()}). {@link #start()} runs it as a
 * {@link StressTask} on a background thread; {@link #cancel()} stops it through the engine runner's cancellation and
 * keeps what finished, labelled partial ({@link StressResult#cancelled()}; nothing when no run had finished).
 * FX thread only, except where said.
 */
public final class StressTaskViewModel {
    /** The analyses. */
    public enum Mode {
        GRID("Grid"), REVERSE("Reverse stress"), MONTE_CARLO("Monte Carlo");

        private final String title;

        Mode(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /**
     * One key of a grid and its values.
     *
     * @param key    a parameter's dotted key
     * @param values its values, comma-separated, as in a scenario file
     */
    public record Axis(String key, String values) {
    }

    /** The most runs a grid started from the console may have. */
    public static final int MAX_GRID_RUNS = 1_000;
    /** The most Monte Carlo paths started from the console. */
    public static final int MAX_PATHS = 10_000;

    private final Scenario scenario;
    private Parameters current;
    private Map<String, String> currentValues;
    private Map<String, String> followed;
    private final javafx.beans.property.ReadOnlyLongWrapper moment = new javafx.beans.property.ReadOnlyLongWrapper();
    private final List<String> keys;
    private final boolean live;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.GRID);
    private final ObservableList<Axis> axes = FXCollections.observableArrayList();
    private final BooleanProperty forkAtMoment = new SimpleBooleanProperty(false);
    private final StringProperty shockAt = new SimpleStringProperty();
    private final StringProperty maxDropPercent = new SimpleStringProperty("95");
    private final StringProperty paths = new SimpleStringProperty("200");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final ObservableList<Path> calibrationFiles = FXCollections.observableArrayList();
    private final IntegerProperty threads = new SimpleIntegerProperty(
            Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() - 1)));

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyIntegerWrapper runs = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StressResult> result = new ReadOnlyObjectWrapper<>();
    private StressTask task;
    private StressJob job;

    /** @param scenario the scenario, under its own parameters, and no current moment */
    public StressTaskViewModel(Scenario scenario) {
        this(scenario, scenario.parameters(), Long.MIN_VALUE);
    }

    /**
     * @param scenario the scenario as loaded: its own parameters run the shared history of a forked grid
     * @param current  the parameters the console's run has now: every analysis runs under them (a grid cell, with its
     *                 values)
     * @param momentMs the console's current moment, ms since the Unix epoch, UTC (a grid may fork there; the reverse
     *                 stress shocks there by default); {@link Long#MIN_VALUE} for none
     */
    public StressTaskViewModel(Scenario scenario, Parameters current, long momentMs) {
        this.scenario = scenario;
        this.current = current;
        this.currentValues = current.values();
        this.moment.set(momentMs);
        this.keys = List.copyOf(currentValues.keySet());
        this.live = scenario.feeds().stream().anyMatch(f -> f instanceof Scenario.StreamFeed st && st.file() == null);
        shockAt.set(momentMs != Long.MIN_VALUE ? Instant.ofEpochMilli(momentMs).toString()
                : live ? "" : Instant.ofEpochMilli(ScenarioFeeds.firstTickMs(scenario)).toString());
        Observable[] inputs = {mode, axes, forkAtMoment, shockAt, maxDropPercent, paths, seed, calibrationFiles,
            threads};
        for (Observable o : inputs) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /**
     * The view model as the console opens it: the session's scenario, the active run's parameters as the engine
     * publishes them ({@code EngineView#parameters()}) and its moment ({@code EngineView#timeMs()}).
     *
     * @param scenario     the session's scenario, as loaded
     * @param activeValues the active run's parameters by dotted key; those equal to the scenario's change nothing
     * @param momentMs     the active run's time, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} before the first
     *                     event
     * @return the view model
     * @throws io.solvent.engine.scenario.ParameterException when a value is not valid for the scenario
     */
    public static StressTaskViewModel forConsole(Scenario scenario, Map<String, String> activeValues, long momentMs) {
        StressTaskViewModel vm = new StressTaskViewModel(scenario, active(scenario, activeValues), momentMs);
        vm.followed = new LinkedHashMap<>(activeValues);
        return vm;
    }

    private static Parameters active(Scenario scenario, Map<String, String> activeValues) {
        Map<String, String> own = scenario.parameters().values();
        Map<String, String> changed = new LinkedHashMap<>();
        activeValues.forEach((k, v) -> {
            if (!java.util.Objects.equals(own.get(k), v)) {
                changed.put(k, v == null ? "null" : v);
            }
        });
        return scenario.parameters().with(changed);
    }

    /**
     * Follows the console: the active run's parameters and moment now (call it when the Batch section is shown, and
     * when the run is paused, seeked, forked or its parameters change; at most a few times a second while it plays).
     * The next analysis runs under them; a grid forks at this moment; the reverse stress's shock time follows it
     * unless it was typed. Nothing changes while an analysis runs (it keeps what it started with).
     *
     * @param activeValues the active run's parameters by dotted key ({@code EngineView#parameters()})
     * @param momentMs     the active run's time, ms since the Unix epoch, UTC ({@code EngineView#timeMs()})
     * @throws io.solvent.engine.scenario.ParameterException when a value is not valid for the scenario
     */
    public void follow(Map<String, String> activeValues, long momentMs) {
        boolean sameValues = activeValues.equals(followed);
        if (sameValues && momentMs == moment.get()) {
            return;
        }
        if (!sameValues) {
            current = active(scenario, activeValues);
            currentValues = current.values();
            followed = new LinkedHashMap<>(activeValues);
        }
        String typed = shockAt.get();
        boolean shockFollows = typed == null || typed.isBlank()
                || (moment.get() != Long.MIN_VALUE && typed.equals(Instant.ofEpochMilli(moment.get()).toString()));
        moment.set(momentMs);
        if (shockFollows && momentMs != Long.MIN_VALUE) {
            shockAt.set(Instant.ofEpochMilli(momentMs).toString()); // validates
        } else {
            validate();
        }
    }

    /** @return the console's current moment, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} for none */
    public javafx.beans.property.ReadOnlyLongProperty momentProperty() {
        return moment.getReadOnlyProperty();
    }

    /** @return the analysis chosen */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** @return the grid's keys and values, in order (the last varies fastest); edit freely */
    public ObservableList<Axis> axes() {
        return axes;
    }

    /** @return every parameter's dotted key, as {@link Parameters#values()} lists them */
    public List<String> keys() {
        return keys;
    }

    /** @param key a dotted key @return its value in the current parameters, as in a scenario file; empty if none */
    public String currentValue(String key) {
        String v = currentValues.get(key);
        return v == null ? "" : v;
    }

    /** @return whether the console gave a current moment to fork at */
    public boolean hasMoment() {
        return moment.get() != Long.MIN_VALUE;
    }

    /** @return the console's current moment, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} for none */
    public long momentMs() {
        return moment.get();
    }

    /** @return whether a grid forks every cell at the current moment from the original run */
    public BooleanProperty forkAtMomentProperty() {
        return forkAtMoment;
    }

    /** @return the reverse stress's shock time: ISO-8601 UTC or ms since the epoch */
    public StringProperty shockAtProperty() {
        return shockAt;
    }

    /** @return the reverse stress's largest drop, % (95 = 95%) */
    public StringProperty maxDropPercentProperty() {
        return maxDropPercent;
    }

    /** @return the Monte Carlo paths */
    public StringProperty pathsProperty() {
        return paths;
    }

    /** @return the Monte Carlo seed of path 0 */
    public StringProperty seedProperty() {
        return seed;
    }

    /** @return the recorded files the Monte Carlo paths are calibrated to */
    public ObservableList<Path> calibrationFiles() {
        return calibrationFiles;
    }

    /** @return runs at once */
    public IntegerProperty threadsProperty() {
        return threads;
    }

    /** @return what is wrong with the form, one line each; empty when it can start */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** @return how many runs the form asks for (the reverse search: the most it can take); 0 when invalid */
    public ReadOnlyIntegerProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** @return what starting would do, such as {@code 12 runs · each forked at ... from the original run} */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** @return whether the form is valid and nothing runs */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** @return whether an analysis runs */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** @return runs done of the total, 0 to 1; −1 while the total is not known yet */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return the progress, rate and ETA while running; then what happened */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * @return the last result, complete or partial; while an analysis runs, what it has finished so far (labelled
     *         "under way", at most twice a second); null before the first, or after a run that left nothing
     */
    public ReadOnlyObjectProperty<StressResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return the task running now, or the last one; null before the first */
    public StressTask task() {
        return task;
    }

    private void validate() {
        problems.clear();
        job = null;
        try {
            if (live) {
                throw new Invalid(List.of("the scenario reads a live feed, which never ends: a stress analysis needs a"
                        + " recorded one (record it with solvent record, then open the recording)"));
            }
            job = switch (mode.get()) {
                case GRID -> gridJob();
                case REVERSE -> reverseJob();
                case MONTE_CARLO -> monteCarloJob();
            };
        } catch (Invalid e) {
            problems.setAll(e.problems);
        }
        runs.set(job == null ? 0 : job.runs());
        plan.set(job == null ? "" : describe(job));
        canStart.set(job != null && !running.get());
    }

    /**
     * @return the analysis the form describes, validated (callable from any thread once the form is set)
     * @throws IllegalStateException listing the problems when the form is not valid
     */
    public StressJob job() {
        if (job == null) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return job;
    }

    private StressJob gridJob() {
        List<String> bad = new ArrayList<>();
        if (threads.get() < 1) {
            bad.add("threads: expected at least 1, was " + threads.get());
        }
        if (axes.isEmpty()) {
            bad.add("add a parameter and the values to try");
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (Axis a : axes) {
            String key = a.key() == null ? "" : a.key().strip();
            if (key.isEmpty()) {
                bad.add("a row has no parameter: choose one");
                continue;
            }
            if (!Parameters.isKey(key) || !currentValues.containsKey(key)) {
                bad.add(key + ": not a parameter of this scenario");
                continue;
            }
            if (grid.containsKey(key)) {
                bad.add(key + ": given twice");
                continue;
            }
            String text = a.values() == null ? "" : a.values();
            if (text.isBlank()) {
                bad.add(key + ": no values (comma-separated, such as " + currentValue(key) + ")");
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String raw : text.split(",", -1)) {
                String v = raw.strip();
                if (v.isEmpty()) {
                    bad.add(key + ": an empty value in '" + text + "'");
                    continue;
                }
                if (values.contains(v)) {
                    bad.add(key + " = " + v + ": given twice");
                    continue;
                }
                try {
                    current.with(key, v);
                    values.add(v);
                } catch (ParameterException e) {
                    bad.add(key + " = " + v + ": " + e.problem());
                }
            }
            grid.put(key, values);
        }
        if (!bad.isEmpty()) {
            throw new Invalid(bad);
        }
        long n = StressGrid.cellCount(grid);
        if (n > MAX_GRID_RUNS) {
            throw new Invalid(List.of(Format.count(n) + " runs: a grid started from the console may have at most "
                    + Format.count(MAX_GRID_RUNS) + "; use fewer values, or solvent stress"));
        }
        Long fork = null;
        if (forkAtMoment.get()) {
            if (!hasMoment()) {
                throw new Invalid(List.of("no current moment to fork at: the console has not started the run"));
            }
            fork = moment.get();
        }
        List<Map<String, String>> cells = StressGrid.combinations(grid);
        List<Parameters> cellParameters = new ArrayList<>(cells.size());
        for (Map<String, String> c : cells) {
            try {
                cellParameters.add(current.with(c));
            } catch (ParameterException e) {
                throw new Invalid(List.of("the cell " + c + ": " + e.getMessage()));
            }
        }
        return new StressJob.Grid(scenario, List.copyOf(grid.keySet()), cells, cellParameters, fork);
    }

    private StressJob reverseJob() {
        List<String> bad = new ArrayList<>();
        long at = 0;
        String t = shockAt.get() == null ? "" : shockAt.get().strip();
        try {
            at = !t.isEmpty() && t.chars().allMatch(Character::isDigit) ? Long.parseLong(t)
                    : Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            bad.add("shock time: expected an ISO-8601 UTC instant (2025-10-10T21:00:00Z) or ms since the epoch, was '"
                    + t + "'");
        }
        double drop = Double.NaN;
        String d = maxDropPercent.get() == null ? "" : maxDropPercent.get().strip();
        try {
            drop = Double.parseDouble(d.endsWith("%") ? d.substring(0, d.length() - 1) : d) / 100;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!(drop > 0 && drop < 1)) {
            bad.add("largest drop: expected a percentage above 0 and below 100, was '" + d + "'");
        }
        if (!bad.isEmpty()) {
            throw new Invalid(bad);
        }
        return new StressJob.Reverse(scenario.withParameters(current), at, drop);
    }

    private StressJob monteCarloJob() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        String p = paths.get() == null ? "" : paths.get().strip();
        try {
            n = Integer.parseInt(p.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            bad.add("paths: expected a whole number from 1 to " + Format.count(MAX_PATHS) + ", was '" + p + "'");
        }
        if (bad.isEmpty() && (n < 1 || n > MAX_PATHS)) {
            bad.add("paths: " + Format.count(n) + " is " + (n < 1 ? "fewer than 1" : "more than the "
                    + Format.count(MAX_PATHS) + " the console runs; use solvent stress --monte-carlo for more"));
        }
        long s = 0;
        String st = seed.get() == null ? "" : seed.get().strip();
        try {
            s = Long.parseLong(st);
        } catch (NumberFormatException e) {
            bad.add("seed: expected a whole number, was '" + st + "'");
        }
        if (calibrationFiles.isEmpty()) {
            bad.add("calibration: pick the recorded files of a window to calibrate the paths to");
        }
        for (Path f : calibrationFiles) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                bad.add("calibration: " + f.getFileName() + ": no such readable file");
            }
        }
        if (threads.get() < 1) {
            bad.add("threads: expected at least 1, was " + threads.get());
        }
        if (!bad.isEmpty()) {
            throw new Invalid(bad);
        }
        return new StressJob.MonteCarlo(scenario.withParameters(current), calibrationFiles, s, n);
    }

    private String describe(StressJob j) {
        return switch (j) {
            case StressJob.Grid g -> Format.count(g.runs()) + (g.runs() == 1 ? " run" : " runs") + " · "
                    + (g.forkAtMs() == null ? "each cell from the start of the scenario"
                    : "each cell forked at " + Format.time(g.forkAtMs()) + " from the original run")
                    + " · " + threads.get() + " at once";
            case StressJob.Reverse r -> "at most " + r.runs() + " runs, one at a time · a uniform drop of every mapped"
                    + " price at " + Format.time(r.shockAtMs()) + ", bisected to "
                    + io.solvent.engine.scenario.ReverseStress.TOLERANCE * 100 + "%";
            case StressJob.MonteCarlo m -> Format.count(m.paths()) + " paths (seeds " + m.seed() + "–"
                    + (m.seed() + m.paths() - 1) + ") · " + threads.get() + " at once"
                    + (MonteCarlo.pathsInTail(m.paths(), 0.99) < MonteCarlo.RELIABLE_TAIL_PATHS
                    ? " · fewer than " + Format.count(MonteCarlo.pathsFor(0.99)) + " paths: the 99% VaR and ES rest on "
                    + MonteCarlo.pathsInTail(m.paths(), 0.99) + " path(s)" : "");
        };
    }

    /**
     * Starts the analysis the form describes on a background thread.
     *
     * @return its task
     * @throws IllegalStateException when the form is not valid or an analysis runs
     */
    public StressTask start() {
        if (running.get()) {
            throw new IllegalStateException("an analysis is running; cancel it first");
        }
        StressJob j = job();
        StressTask t = new StressTask(j, threads.get());
        task = t;
        result.set(null);
        running.set(true);
        canStart.set(false);
        progress.set(-1);
        status.set("starting " + Format.count(j.runs()) + (j.runs() == 1 ? " run" : " runs"));
        t.progressProperty().addListener((o, a, b) -> {
            if (task == t) {
                progress.set(b.doubleValue());
            }
        });
        t.messageProperty().addListener((o, a, b) -> {
            if (task == t && !t.stopping()) {
                status.set(b);
            }
        });
        t.valueProperty().addListener((o, a, b) -> {
            if (task == t && running.get() && b != null) {
                result.set(b); // the runs finished so far, labelled "under way"
            }
        });
        t.setOnSucceeded(e -> finish(t, t.getValue(), null));
        t.setOnFailed(e -> finish(t, null, t.getException()));
        t.setOnCancelled(e -> finish(t, null, null));
        Thread thread = new Thread(t, "solvent-stress-task");
        thread.setDaemon(true);
        thread.start();
        return t;
    }

    /** Stops the running analysis soon (each run checks between feed events); what finished is kept, partial. */
    public void cancel() {
        if (task != null && running.get()) {
            task.stop();
            status.set("cancelling: the runs under way stop at their next check");
        }
    }

    private void finish(StressTask t, StressResult r, Throwable failure) {
        if (task != t) {
            return;
        }
        running.set(false);
        result.set(r);
        if (failure != null) {
            progress.set(0);
            status.set("failed: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
        } else if (r == null) {
            progress.set(0);
            status.set("cancelled before any run finished: no result");
        } else {
            progress.set(r.cancelled() ? progress.get() : 1);
            status.set(r.label());
        }
        validate();
    }

    /**
     * Writes the result's table as CSV ({@link StressCsv}), atomically: for a menu's "Export…".
     *
     * @param file the CSV
     * @throws IOException           when it cannot be written
     * @throws IllegalStateException when there is no result
     */
    public void exportCsv(Path file) throws IOException {
        StressResult r = result.get();
        if (r == null) {
            throw new IllegalStateException("no stress result to export yet");
        }
        StressCsv.write(r, file);
    }

    /** The form's problems, one line each. */
    private static final class Invalid extends RuntimeException {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }
    }
}
