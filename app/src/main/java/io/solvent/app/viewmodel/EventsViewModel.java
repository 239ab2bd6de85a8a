package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AppendLog;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The events log: liquidations, bankruptcies, deleveraging, parameter changes, oracle states. Takes the engine's new
 * events from its append-only log, at most {@value #PER_PULSE} per pulse (a backlog waits for the next pulses, so a
 * burst never stalls a frame), keeps the latest {@value #KEPT}, filters them by kind and text, and jumps the replay to
 * an event's moment.
 */
public final class EventsViewModel {
    /** The most events taken in one pulse. */
    public static final int PER_PULSE = 500;
    /** The most events the table keeps (the run's files keep them all). */
    public static final int KEPT = 20_000;
    /** The kinds a filter offers, and "all". */
    public static final List<String> KINDS = List.of("all", "liquidation", "bankruptcy", "fund payment",
            "deleveraging", "socialized loss", "deficit", "collateral sale", "margin change", "oracle stale",
            "oracle fresh", "parameter change");

    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> shown = new FilteredList<>(rows);
    private final StringProperty kind = new SimpleStringProperty("all");
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("no events yet");
    private final Consumer<EngineCommand> commands;
    private final PulseWork work;
    private final LogCursor eventsAt = new LogCursor(PER_PULSE);
    private long total;

    /**
     * @param commands where commands go (the engine bridge)
     * @param work     where the FX thread's work is counted
     */
    public EventsViewModel(Consumer<EngineCommand> commands, PulseWork work) {
        this.commands = commands;
        this.work = work;
        kind.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        AppendLog.Window<EngineView.RecentEvent> w = v.events();
        List<EngineView.RecentEvent> taken = eventsAt.take(w, rows::clear);
        if (!taken.isEmpty()) {
            List<EventRow> fresh = new ArrayList<>(taken.size());
            for (EngineView.RecentEvent e : taken) {
                fresh.add(EventRow.of(e));
            }
            int over = rows.size() + fresh.size() - KEPT;
            if (over > 0) {
                rows.remove(0, Math.min(over, rows.size()));
            }
            rows.addAll(fresh);
            work.rows(fresh.size());
        }
        total = w.size();
        summary.set(Format.count(total) + " events in this run" + (eventsAt.taken() < total
                ? " · " + Format.count(total - eventsAt.taken()) + " still arriving" : "")
                + (total > KEPT ? " · the latest " + Format.count(KEPT) + " kept here, every one in events.csv" : "")
                + " · " + Format.count(shown.size()) + " shown");
    }

    private void refilter() {
        String k = kind.get() == null ? "all" : kind.get();
        String t = text.get() == null ? "" : text.get().toLowerCase(Locale.ROOT).trim();
        shown.setPredicate(r -> ("all".equals(k) || r.kind().equals(k))
                && (t.isEmpty() || r.account().toLowerCase(Locale.ROOT).contains(t)
                || r.market().toLowerCase(Locale.ROOT).contains(t)
                || r.detail().toLowerCase(Locale.ROOT).contains(t)));
    }

    /** @param row an event @return the command that moves the replay to its moment, sent */
    public EngineCommand jumpTo(EventRow row) {
        EngineCommand c = new EngineCommand.Seek(row.timeMs());
        commands.accept(c);
        return c;
    }

    /** @return events of the last view not yet taken (a burst waits for the next pulses) */
    public long backlog() {
        return total - eventsAt.taken();
    }

    /** @return the events the filter lets through, oldest first */
    public ObservableList<EventRow> shown() {
        return shown;
    }

    /** @return the kind shown ({@code all} or one of {@link #KINDS}) */
    public StringProperty kindProperty() {
        return kind;
    }

    /** @return text an account, market or detail must contain */
    public StringProperty textProperty() {
        return text;
    }

    /** @return how many events, taken and shown */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
