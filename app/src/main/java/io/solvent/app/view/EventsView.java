package io.solvent.app.view;

import io.solvent.app.viewmodel.EventRow;
import io.solvent.app.viewmodel.EventsViewModel;
import io.solvent.app.viewmodel.Format;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The run's events, filterable by kind and text; a double-click moves the replay to that event's moment.
 */
public final class EventsView implements ConsoleView {
    private final VBox root = new VBox(6);
    private final TableView<EventRow> table;

    /** @param vm the view model */
    public EventsView(EventsViewModel vm) {
        table = new TableView<>(vm.shown());
        table.setId("events-table");
        table.getColumns().addAll(OverviewView.column("Time (UTC)", (EventRow e) -> Format.time(e.timeMs())),
                OverviewView.column("Event", EventRow::kind), OverviewView.column("Sub-account", EventRow::account),
                OverviewView.column("Market", EventRow::market),
                OverviewView.column("Size", e -> e.size() == 0 ? "" : String.format(Locale.ROOT, "%,.4f", e.size())),
                OverviewView.column("Price", e -> Format.price(e.priceUsd())),
                OverviewView.column("Amount", e -> Format.usd(e.amountUsd())),
                OverviewView.column("Fee", e -> e.feeUsd() == 0 ? "" : Format.usd(e.feeUsd())),
                OverviewView.column("Detail", EventRow::detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no events match"));
        table.setRowFactory(t -> {
            TableRow<EventRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.jumpTo(row.getItem());
                }
            });
            return row;
        });
        ChoiceBox<String> kind = new ChoiceBox<>(FXCollections.observableArrayList(EventsViewModel.KINDS));
        kind.setId("events-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField text = new TextField();
        text.setId("events-filter");
        text.setPromptText("account, market or detail contains…");
        vm.textProperty().bind(text.textProperty());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("events-summary");
        Label hint = new Label("double-click an event to move the replay to its moment");
        hint.getStyleClass().add("caption");
        HBox bar = new HBox(8, new Label("Kind"), kind, text, summary);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.SOMETIMES);
        root.getChildren().addAll(bar, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(10));
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String title() {
        return "Events";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void render(long nowNanos, boolean force) {
        // the table follows its list; new events arrive through the view model's bounded pulses
    }
}
