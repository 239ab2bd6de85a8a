package io.solvent.app.view;

import io.solvent.app.scenario.ScenarioLibrary;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The three scenario views as one node, for a dialog or a tab of the console: the library, the shock builder and the
 * recorded-files view, each a tab. "New from…" in the library moves to the builder with that scenario as its base;
 * "Recorded files…" moves to the recorded-files view. Whatever the user opens or saves-and-opens reaches
 * {@code onOpen} with its file; the library is refreshed when a saved scenario is opened.
 */
public final class ScenarioWorkbench {
    private final TabPane tabs = new TabPane();
    private final ScenarioLibraryView libraryView;
    private final ShockBuilderView builderView;
    private final RecordedFilesView recordedView;

    /**
     * @param library    the library
     * @param background where files are read and written (off the FX thread)
     * @param onOpen     told of the scenario file to open (read it off the FX thread:
     *                   {@link ScenarioLibrary#open(Path)})
     */
    public ScenarioWorkbench(ScenarioLibrary library, Executor background, Consumer<Path> onOpen) {
        Tab lib = new Tab("Library");
        Tab build = new Tab("Shock builder");
        Tab recorded = new Tab("Recorded files");
        Consumer<Path> open = p -> {
            onOpen.accept(p);
            refresh();
        };
        builderView = new ShockBuilderView(library, null, background, open);
        recordedView = new RecordedFilesView(library, background, open);
        libraryView = new ScenarioLibraryView(library, background, open, base -> {
            builderView.setBase(base);
            tabs.getSelectionModel().select(build);
        }, () -> tabs.getSelectionModel().select(recorded));
        lib.setContent(libraryView.node());
        build.setContent(builderView.node());
        recorded.setContent(recordedView.node());
        for (Tab t : new Tab[] {lib, build, recorded}) {
            t.setClosable(false);
        }
        tabs.getTabs().addAll(lib, build, recorded);
        tabs.setId("scenario-workbench");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == lib) {
                libraryView.refresh();
            }
        });
    }

    /** @return the node to show */
    public Node node() {
        return tabs;
    }

    /** @param name {@code library}, {@code builder} or {@code recorded}: the tab to show */
    public void select(String name) {
        tabs.getSelectionModel().select(switch (name) {
            case "library" -> 0;
            case "builder" -> 1;
            case "recorded" -> 2;
            default -> throw new IllegalArgumentException("unknown tab " + name
                    + "; expected library, builder or recorded");
        });
    }

    /** @return the name of the tab shown */
    public String shown() {
        return switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 0 -> "library";
            case 1 -> "builder";
            default -> "recorded";
        };
    }

    /** Lists the library again. */
    public void refresh() {
        libraryView.refresh();
    }

    /** @return the library tab's view */
    public ScenarioLibraryView libraryView() {
        return libraryView;
    }

    /** @return the builder tab's view */
    public ShockBuilderView builderView() {
        return builderView;
    }

    /** @return the recorded-files tab's view */
    public RecordedFilesView recordedView() {
        return recordedView;
    }
}
