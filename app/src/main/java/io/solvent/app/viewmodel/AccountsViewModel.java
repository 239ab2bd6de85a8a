package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AccountPage;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.view.AccountRow;
import io.solvent.engine.sim.view.AppendLog;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Every sub-account as one virtual list, sorted and filtered on the engine thread: the table asks for the rows it
 * shows, and this view model asks the engine for the page of {@value #PAGE} rows around them
 * ({@link EngineCommand.QueryAccounts}); the engine refreshes the page with each whole-book pass. A million
 * sub-accounts scroll and sort without the FX thread ever sorting, filtering or holding more than one page; per
 * pulse only the rows in view are told they changed. A double-click asks for one sub-account in full
 * ({@link EngineCommand.ShowAccount}); its history in the run is gathered off the FX thread.
 */
public final class AccountsViewModel {
    /** Rows per page asked of the engine. */
    public static final int PAGE = AccountQuery.MAX_LIMIT;

    private final Rows rows = new Rows();
    private final ObjectProperty<AccountQuery.Column> sort = new SimpleObjectProperty<>(AccountQuery.Column.HEALTH_FACTOR);
    private final ObjectProperty<Boolean> ascending = new SimpleObjectProperty<>(true);
    private final ObjectProperty<AccountQuery.Show> show = new SimpleObjectProperty<>(AccountQuery.Show.ALL);
    private final StringProperty idFilter = new SimpleStringProperty("");
    private final StringProperty market = new SimpleStringProperty("");
    private final ObservableList<String> markets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("asking the engine for the first page");
    private final ReadOnlyObjectWrapper<AccountDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<EventRow> history = FXCollections.observableArrayList();
    private final Consumer<EngineCommand> commands;
    private final PulseWork work;
    private AccountQuery asked;
    private AccountPage page;
    private String detailKey = "";
    private CompletableFuture<List<EventRow>> gathering;

    /**
     * @param commands where commands go (the engine bridge)
     * @param work     where the FX thread's work is counted
     */
    public AccountsViewModel(Consumer<EngineCommand> commands, PulseWork work) {
        this.commands = commands;
        this.work = work;
        sort.addListener((o, a, b) -> requery(0));
        ascending.addListener((o, a, b) -> requery(0));
        show.addListener((o, a, b) -> requery(0));
        idFilter.addListener((o, a, b) -> requery(0));
        market.addListener((o, a, b) -> requery(0));
    }

    private void requery(int offset) {
        asked = new AccountQuery(sort.get(), Boolean.TRUE.equals(ascending.get()),
                Objects.requireNonNullElse(idFilter.get(), "").trim(),
                Objects.requireNonNullElse(market.get(), ""), show.get(), offset, PAGE);
        commands.accept(new EngineCommand.QueryAccounts(asked));
    }

    /**
     * Sorts by a column (the table's sort policy calls it: no sorting happens on the FX thread).
     *
     * @param column    the column
     * @param ascend whether ascending
     */
    public void sortBy(AccountQuery.Column column, boolean ascend) {
        if (column == sort.get() && ascend == Boolean.TRUE.equals(ascending.get())) {
            return;
        }
        ascending.set(ascend); // requeries
        sort.set(column);
    }

    /** @param v the engine's newest view */
    public void update(EngineView v) {
        if (asked == null) {
            requery(0);
        }
        if (markets.isEmpty() && !v.risk().ladders().isEmpty()) {
            List<String> m = new ArrayList<>();
            m.add("");
            v.risk().ladders().forEach(l -> m.add(l.market()));
            markets.setAll(m);
        }
        AccountPage p = v.accounts();
        if (p != null && p != page && p.query().equals(asked)) {
            AccountPage old = page;
            page = p;
            rows.replaced(old, p);
            caption.set(Format.count(p.matched()) + " of " + Format.count(p.total()) + " sub-accounts"
                    + " · sorted by " + p.query().sort().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (p.query().ascending() ? " ascending" : " descending") + " on the engine thread"
                    + " · as of " + Format.time(p.asOfMs()));
        }
        // the rows in view outside the page: ask for the page around them
        if (page != null && rows.wantedFirst <= rows.wantedLast) {
            int last = rows.wantedLast;
            int first = last - rows.wantedFirst >= PAGE / 2 ? last : rows.wantedFirst; // a jump: follow where it went
            int from = page.query().offset();
            int to = from + page.rows().size();
            if ((first < from || last >= to) && first < page.matched()) {
                int offset = Math.max(0, first - PAGE / 4);
                if (asked.offset() != offset) {
                    requery(offset);
                }
            }
        }
        rows.wantedFirst = Integer.MAX_VALUE;
        rows.wantedLast = -1;
        AccountDetail d = v.account();
        if (d != detail.get()) {
            detail.set(d);
            work.nodes(1);
        }
        if (gathering != null && gathering.isDone()) {
            List<EventRow> h = gathering.getNow(List.of());
            history.setAll(h);
            work.rows(h.size());
            gathering = null;
        }
    }

    /**
     * Opens a sub-account: asks the engine for it in full, and gathers its events in the run off the FX thread.
     *
     * @param row the row double-clicked
     * @param events the run's events (an immutable window)
     */
    public void open(AccountRow row, AppendLog.Window<EngineView.RecentEvent> events) {
        detailKey = row.account() + "/" + row.subAccount();
        commands.accept(new EngineCommand.ShowAccount(row.account(), row.subAccount()));
        history.clear();
        String account = row.account();
        String sub = row.subAccount();
        gathering = CompletableFuture.supplyAsync(() -> {
            List<EventRow> out = new ArrayList<>();
            for (EngineView.RecentEvent e : events.all()) {
                if (e.account().equals(account) && e.subAccount().equals(sub)) {
                    out.add(EventRow.of(e));
                }
            }
            return out;
        });
    }

    /** Closes the sub-account shown. */
    public void close() {
        detailKey = "";
        commands.accept(new EngineCommand.ShowAccount(null, null));
    }

    /** @return the account/sub-account open, or empty */
    public String detailKey() {
        return detailKey;
    }

    /** @return every sub-account matched, in the engine's order: rows outside the page are null until it comes */
    public ObservableList<AccountRow> rows() {
        return rows;
    }

    /** @return the table's sort, filter and market choice by name, for a workspace */
    public java.util.Map<String, String> filters() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put("accounts.sort", sortProperty().get() == null ? "" : sortProperty().get().name());
        m.put("accounts.ascending", String.valueOf(Boolean.TRUE.equals(ascendingProperty().get())));
        m.put("accounts.show", showProperty().get() == null ? "" : showProperty().get().name());
        m.put("accounts.id", idFilterProperty().get() == null ? "" : idFilterProperty().get());
        m.put("accounts.market", marketProperty().get() == null ? "" : marketProperty().get());
        return m;
    }

    /** @param m filters saved by {@link #filters()}; unknown or bad values are left as they are */
    public void restoreFilters(java.util.Map<String, String> m) {
        try {
            if (!m.getOrDefault("accounts.sort", "").isEmpty()) {
                sortProperty().set(AccountQuery.Column.valueOf(m.get("accounts.sort")));
            }
            if (!m.getOrDefault("accounts.show", "").isEmpty()) {
                showProperty().set(AccountQuery.Show.valueOf(m.get("accounts.show")));
            }
        } catch (IllegalArgumentException e) {
            // a workspace of another version: the table keeps its own
        }
        if (m.containsKey("accounts.ascending")) {
            ascendingProperty().set(Boolean.parseBoolean(m.get("accounts.ascending")));
        }
        if (m.containsKey("accounts.id")) {
            idFilterProperty().set(m.get("accounts.id"));
        }
        if (m.containsKey("accounts.market") && !m.get("accounts.market").isEmpty()) {
            marketProperty().set(m.get("accounts.market"));
        }
    }

    /** @return the column sorted by */
    public ObjectProperty<AccountQuery.Column> sortProperty() {
        return sort;
    }

    /** @return whether ascending */
    public ObjectProperty<Boolean> ascendingProperty() {
        return ascending;
    }

    /** @return which sub-accounts by state */
    public ObjectProperty<AccountQuery.Show> showProperty() {
        return show;
    }

    /** @return text the account id must contain */
    public StringProperty idFilterProperty() {
        return idFilter;
    }

    /** @return the market a sub-account must hold a position in, or empty */
    public StringProperty marketProperty() {
        return market;
    }

    /** @return the markets to filter by (empty first: all) */
    public ObservableList<String> markets() {
        return markets;
    }

    /** @return how many matched, how sorted, as of when */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** @return the sub-account open in full, exact now, or null */
    public ReadOnlyObjectProperty<AccountDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** @return the open sub-account's events in the run */
    public ObservableList<EventRow> history() {
        return history;
    }

    /** The virtual list: as long as the matched sub-accounts; holds one page. */
    private final class Rows extends ObservableListBase<AccountRow> {
        int wantedFirst = Integer.MAX_VALUE;
        int wantedLast = -1;

        @Override
        public AccountRow get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            wantedFirst = Math.min(wantedFirst, index);
            wantedLast = Math.max(wantedLast, index);
            int i = index - page.query().offset();
            return i >= 0 && i < page.rows().size() ? page.rows().get(i) : null;
        }

        @Override
        public int size() {
            return page == null ? 0 : page.matched();
        }

        void replaced(AccountPage old, AccountPage now) {
            int oldSize = old == null ? 0 : old.matched();
            beginChange();
            if (oldSize != now.matched()) {
                nextRemove(0, Collections.nCopies(oldSize, (AccountRow) null));
                nextAdd(0, now.matched());
                work.rows(Math.min(now.matched(), PAGE));
            } else {
                // only the rows the page holds can have changed; the table redraws those in view
                int from = now.query().offset();
                int to = Math.min(now.matched(), from + now.rows().size());
                if (old != null) {
                    from = Math.min(from, old.query().offset());
                    to = Math.max(to, Math.min(now.matched(), old.query().offset() + old.rows().size()));
                }
                for (int i = from; i < to; i++) {
                    nextUpdate(i);
                }
                work.rows(to - from);
            }
            endChange();
        }
    }
}
