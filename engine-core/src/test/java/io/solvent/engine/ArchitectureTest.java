package io.solvent.engine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries DESIGN.md sets for engine-core. */
@AnalyzeClasses(packages = "io.solvent.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..", "io.fair_acc..")
            .because("engine-core is plain Java; the console is the app's business");

    @ArchTest
    static final ArchRule jacksonOnlyInIo = noClasses().that().resideOutsideOfPackage("io.solvent.engine.io..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("Jackson is confined to the io package");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfTheEngine = noClasses().that()
            .resideInAPackage("io.solvent.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.solvent.engine.margin..",
                    "io.solvent.engine.book..", "io.solvent.engine.io..")
            .because("the records are the API the rest is built on");

    @ArchTest
    static final ArchRule noClockNoRandom = noClasses().that().resideOutsideOfPackage("io.solvent.engine.io..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .because("determinism: time and seeds arrive in events");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.solvent.engine.(*)..").should().beFreeOfCycles()
            .because("each rule in the package named for it, the layers one-way (docs/decisions/0007)");

    @ArchTest
    static final ArchRule theEngineStaysInSim = noClasses().that()
            .resideOutsideOfPackages("io.solvent.engine.sim..", "io.solvent.engine.bench..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.solvent.engine.sim.SimulationEngine")
            .because("nothing outside sim gets a mutable engine: readers get the immutable views (the benchmark"
                    + " harness builds its own)");
}
