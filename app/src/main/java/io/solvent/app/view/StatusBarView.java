package io.solvent.app.view;

import io.solvent.app.viewmodel.StatusViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar: the engine's clock and state, speed, events per second, the feed's state, the figures' lag. */
public final class StatusBarView extends HBox {
    /** @param vm the view model */
    public StatusBarView(StatusViewModel vm) {
        super(10);
        getStyleClass().add("status-bar");
        setId("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label clock = bound(vm.clockProperty(), "status-clock");
        clock.setStyle("-fx-font-weight: bold;");
        Label notice = bound(vm.noticeProperty(), "status-notice");
        notice.getStyleClass().add("status-alarm");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label feed = bound(vm.feedProperty(), "status-feed");
        feed.textProperty().addListener((o, a, b) -> {
            boolean trouble = b.contains("STALE") || b.contains("RECONNECTING");
            if (trouble != feed.getStyleClass().contains("status-alarm")) {
                if (trouble) {
                    feed.getStyleClass().add("status-alarm");
                } else {
                    feed.getStyleClass().remove("status-alarm");
                }
            }
        });
        getChildren().addAll(clock, new Separator(javafx.geometry.Orientation.VERTICAL),
                bound(vm.stateProperty(), "status-state"), new Separator(javafx.geometry.Orientation.VERTICAL),
                bound(vm.speedProperty(), "status-speed"), bound(vm.rateProperty(), "status-rate"),
                new Separator(javafx.geometry.Orientation.VERTICAL), feed, notice, grow,
                bound(vm.riskProperty(), "status-risk"));
    }

    private static Label bound(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
