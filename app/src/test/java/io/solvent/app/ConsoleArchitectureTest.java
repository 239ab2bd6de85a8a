package io.solvent.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The console's layers: views reach the engine only through the bridge and the view models' read-only records. */
class ConsoleArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.solvent");

    @Test
    void viewsTouchTheEngineOnlyThroughItsPublishedViews() {
        noClasses().that().resideInAnyPackage("io.solvent.app.view..", "io.solvent.app.chart..",
                        "io.solvent.app.tiles..")
                .should().dependOnClassesThat().resideInAnyPackage("io.solvent.engine.book..",
                        "io.solvent.engine.margin..", "io.solvent.engine.liquidation..", "io.solvent.engine.insurance..",
                        "io.solvent.engine.ledger..", "io.solvent.engine.oracle..", "io.solvent.engine.liquidity..",
                        "io.solvent.engine.feed..", "io.solvent.engine.scenario..", "io.solvent.engine.io..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.solvent.engine.sim.loop.EngineLoop")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.solvent.engine.sim.Replay")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.solvent.engine.sim.SimulationEngine")
                .check(APP);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().resideInAPackage("io.solvent.app.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "io.fair_acc..", "eu.hansolo..")
                .check(APP);
    }

    @Test
    void theEngineKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("io.solvent.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.solvent.app..")
                .check(APP);
    }
}
