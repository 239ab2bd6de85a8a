package io.solvent.app.view;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyboard shortcut sheet, read from the menus themselves (so that it never disagrees with them) plus the
 * timeline's mouse gestures.
 */
public final class ShortcutSheet {
    /** One line of the sheet. @param menu the menu @param action the item @param keys its shortcut */
    public record Shortcut(String menu, String action, String keys) {
    }

    private ShortcutSheet() {
    }

    /** @param bar the menu bar @return every item with a shortcut, in menu order, then the mouse gestures */
    public static List<Shortcut> of(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m.getText(), m.getItems(), out);
        }
        out.add(new Shortcut("Timeline", "Go to a moment", "click or drag"));
        out.add(new Shortcut("Accounts", "Open a sub-account", "double-click"));
        out.add(new Shortcut("Events", "Go to the event's moment", "double-click"));
        return out;
    }

    private static void collect(String menu, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(menu + " › " + sub.getText(), sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(new Shortcut(menu, i.getText(), i.getAccelerator().getDisplayText()));
            }
        }
    }

    /** @param bar the menu bar @param owner the window's scene */
    public static void show(MenuBar bar, Scene owner) {
        TableView<Shortcut> t = new TableView<>();
        t.setId("shortcut-sheet");
        t.getItems().setAll(of(bar));
        t.getColumns().add(col("Menu", Shortcut::menu));
        t.getColumns().add(col("Action", Shortcut::action));
        t.getColumns().add(col("Keys", Shortcut::keys));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPrefSize(720, 560);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(t);
        if (owner != null && owner.getWindow() != null) {
            a.initOwner(owner.getWindow());
            a.getDialogPane().getStylesheets().setAll(owner.getStylesheets());
        }
        a.show();
    }

    private static TableColumn<Shortcut, String> col(String title, java.util.function.Function<Shortcut, String> f) {
        TableColumn<Shortcut, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        return c;
    }
}
