package io.solvent.app.view;

import io.solvent.app.service.PulseWork;
import io.solvent.app.viewmodel.AccountsViewModel;
import io.solvent.app.viewmodel.EventRow;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AccountDetail;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.view.AccountRow;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every sub-account in one virtual table (a million rows scroll: the table holds one page from the engine), sorted
 * and filtered on the engine thread, coloured by state; a double-click opens the sub-account: positions with their
 * liquidation prices, collateral with its weights, and its events in the run.
 */
public final class AccountsView implements ConsoleView {
    private static final PseudoClass LIQUIDATABLE = PseudoClass.getPseudoClass("liquidatable");
    private static final PseudoClass AT_RISK = PseudoClass.getPseudoClass("at-risk");

    private final AccountsViewModel vm;
    private final SplitPane root = new SplitPane();
    private final TableView<AccountRow> table = new TableView<>();
    private final TableView<AccountDetail.OpenPosition> positions = new TableView<>();
    private final TableView<AccountDetail.Balance> balances = new TableView<>();
    private final TableView<EventRow> history = new TableView<>();
    private final Label detailTitle = new Label("Double-click a sub-account to open it");
    private final PulseWork work;
    private AccountDetail shownDetail;

    /**
     * @param vm     the view model
     * @param events the run's events, for an opened sub-account's history
     * @param work   where the FX thread's work is counted
     */
    public AccountsView(AccountsViewModel vm, Supplier<EngineView> events, PulseWork work) {
        this.vm = vm;
        this.work = work;
        table.setId("accounts-table");
        table.setItems(vm.rows());
        Map<AccountQuery.Column, TableColumn<AccountRow, String>> sortable = new java.util.EnumMap<>(
                AccountQuery.Column.class);
        sortable.put(AccountQuery.Column.ACCOUNT, col("Account", r -> r.account() + "/" + r.subAccount()));
        sortable.put(AccountQuery.Column.EQUITY, col("Equity (USD)", r -> Format.usd(r.equityUsd())));
        sortable.put(AccountQuery.Column.HEALTH_FACTOR, col("Health factor", r -> Format.times(r.healthFactor())));
        sortable.put(AccountQuery.Column.MAINTENANCE_HEALTH, col("Health (USD)",
                r -> Format.usd(r.maintenanceHealthUsd())));
        TableColumn<AccountRow, String> ratio = col("Margin ratio", r -> Format.percent(r.marginRatio()));
        ratio.setSortable(false);
        sortable.put(AccountQuery.Column.LEVERAGE, col("Leverage", r -> Format.times(r.leverage())));
        sortable.put(AccountQuery.Column.NOTIONAL, col("Notional (USD)", r -> Format.usd(r.notionalUsd())));
        sortable.put(AccountQuery.Column.DISTANCE, col("To liquidation", r -> r.liquidatable() ? "liquidatable"
                : Double.isInfinite(r.distanceToLiquidation()) ? "none" : Format.percent(r.distanceToLiquidation())
                + " (" + r.distanceAsset() + ")"));
        table.getColumns().addAll(sortable.get(AccountQuery.Column.ACCOUNT), sortable.get(AccountQuery.Column.EQUITY),
                sortable.get(AccountQuery.Column.HEALTH_FACTOR), sortable.get(AccountQuery.Column.MAINTENANCE_HEALTH),
                ratio, sortable.get(AccountQuery.Column.LEVERAGE), sortable.get(AccountQuery.Column.NOTIONAL),
                sortable.get(AccountQuery.Column.DISTANCE));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no sub-account matches"));
        // the header arrow toggles; the engine sorts
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<AccountRow, ?> c = t.getSortOrder().getFirst();
                sortable.forEach((column, tc) -> {
                    if (tc == c) {
                        vm.sortBy(column, c.getSortType() == TableColumn.SortType.ASCENDING);
                    }
                });
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<AccountRow> row = new TableRow<>() {
                @Override
                protected void updateItem(AccountRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(LIQUIDATABLE, item != null && item.liquidatable());
                    pseudoClassStateChanged(AT_RISK, item != null && !item.liquidatable() && item.healthFactor() < 1.1);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open(row.getItem(), events.get());
                }
            });
            return row;
        });
        ChoiceBox<AccountQuery.Show> show = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                AccountQuery.Show.values()));
        show.setId("accounts-show");
        show.valueProperty().bindBidirectional(vm.showProperty());
        TextField id = new TextField();
        id.setId("accounts-filter");
        id.setPromptText("account id contains…");
        id.setOnAction(e -> vm.idFilterProperty().set(id.getText()));
        ChoiceBox<String> market = new ChoiceBox<>(vm.markets());
        market.valueProperty().bindBidirectional(vm.marketProperty());
        Label caption = new Label();
        caption.textProperty().bind(vm.captionProperty());
        caption.setId("accounts-caption");
        show.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AccountQuery.Show s) {
                return s == null ? "" : switch (s) {
                    case ALL -> "all";
                    case AT_RISK -> "at risk (HF < 1.1)";
                    case LIQUIDATABLE -> "liquidatable";
                };
            }

            @Override
            public AccountQuery.Show fromString(String s) {
                return null;
            }
        });
        market.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String m) {
                return m == null || m.isEmpty() ? "all markets" : m;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Label showLabel = new Label("Show");
        Label marketLabel = new Label("Market");
        for (javafx.scene.control.Control c : java.util.List.of(showLabel, marketLabel, show, market)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        id.setPrefColumnCount(16);
        HBox filters = new HBox(8, showLabel, show, marketLabel, market, id);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        caption.getStyleClass().add("caption");
        VBox left = new VBox(6, filters, caption, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        positions.getColumns().addAll(col2("Market", AccountDetail.OpenPosition::market),
                col2("Size", p -> String.format(java.util.Locale.ROOT, "%,.4f", p.size())),
                col2("Entry", p -> Format.price(p.entryPriceUsd())), col2("Mark", p -> Format.price(p.markUsd())),
                col2("Notional", p -> Format.usd(p.notionalUsd())), col2("PnL", p -> Format.usd(p.pnlUsd())),
                col2("Req.", p -> Format.usd(p.maintenanceUsd())),
                col2("Liq. at", p -> Format.price(p.liquidationPriceUsd())));
        balances.getColumns().addAll(col2("Asset", AccountDetail.Balance::asset),
                col2("Units", b -> String.format(java.util.Locale.ROOT, "%,.4f", b.units())),
                col2("Price", b -> Format.price(b.priceUsd())), col2("Value", b -> Format.usd(b.valueUsd())),
                col2("Weight", b -> String.format(java.util.Locale.ROOT, "%.3f", b.maintenanceWeight())));
        history.setItems(vm.history());
        history.getColumns().addAll(col2("Time (UTC)", e -> Format.clock(e.timeMs())), col2("Event", EventRow::kind),
                col2("Market", EventRow::market), col2("Price", e -> Format.price(e.priceUsd())),
                col2("Amount", e -> Format.usd(e.amountUsd())));
        for (TableView<?> t : java.util.List.of(positions, balances, history)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setPlaceholder(new Label("—"));
        }
        positions.setId("account-positions");
        detailTitle.setId("account-title");
        detailTitle.getStyleClass().add("section");
        VBox right = new VBox(6, detailTitle, new Label("Positions"), positions, new Label("Collateral and debt"),
                balances, new Label("Its events in this run"), history);
        right.setPadding(new Insets(10));
        VBox.setVgrow(history, Priority.ALWAYS);
        root.getItems().addAll(left, right);
        root.setDividerPositions(0.58);
    }

    private void open(AccountRow row, EngineView now) {
        if (now != null) {
            vm.open(row, now.events());
            detailTitle.setText("Opening " + row.account() + "/" + row.subAccount() + " …");
        }
    }

    private static TableColumn<AccountRow, String> col(String title, Function<AccountRow, String> f) {
        TableColumn<AccountRow, String> c = OverviewView.column(title, f);
        c.setSortable(true);
        return c;
    }

    private static <T> TableColumn<T, String> col2(String title, Function<T, String> f) {
        return OverviewView.column(title, f);
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String title() {
        return "Accounts";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        AccountDetail d = vm.detailProperty().get();
        if (d != shownDetail) {
            shownDetail = d;
            if (d == null) {
                positions.getItems().clear();
                balances.getItems().clear();
            } else {
                AccountRow r = d.row();
                detailTitle.setText(r.account() + "/" + r.subAccount() + " · " + d.mode() + " · equity "
                        + Format.usd(r.equityUsd()) + " · health factor " + Format.times(r.healthFactor())
                        + " · free collateral " + Format.usd(d.initialHealthUsd()) + " · as of "
                        + Format.time(d.asOfMs()) + (r.liquidatable() ? " · LIQUIDATABLE" : ""));
                positions.getItems().setAll(d.positions());
                balances.getItems().setAll(d.balances());
                work.rows(d.positions().size() + d.balances().size());
            }
        }
    }
}
