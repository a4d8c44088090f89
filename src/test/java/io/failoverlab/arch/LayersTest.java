package io.failoverlab.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer table of docs/architecture.md, checked on the compiled main classes. */
@AnalyzeClasses(packages = "io.failoverlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    private static final String APP = "io.failoverlab";

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(APP + "..")
            .layer("main").definedBy(APP)
            .layer("lab").definedBy(APP + ".lab..")
            .layer("remote").definedBy(APP + ".remote..")
            .layer("pgaf").definedBy(APP + ".pgaf..")
            .layer("install").definedBy(APP + ".install..")
            .layer("cloud").definedBy(APP + ".cloud..")
            .layer("check").definedBy(APP + ".check..")
            .layer("report").definedBy(APP + ".report..")
            .layer("engine").definedBy(APP + ".engine..")
            .layer("ops").definedBy(APP + ".ops..")
            .layer("cli").definedBy(APP + ".cli..")
            .layer("ui").definedBy(APP + ".ui..")
            .whereLayer("lab").mayNotAccessAnyLayer()
            .whereLayer("remote").mayOnlyAccessLayers("lab")
            .whereLayer("pgaf").mayOnlyAccessLayers("remote", "lab")
            .whereLayer("install").mayOnlyAccessLayers("pgaf", "remote", "lab")
            .whereLayer("cloud").mayOnlyAccessLayers("remote", "lab")
            .whereLayer("check").mayOnlyAccessLayers("lab")
            .whereLayer("report").mayOnlyAccessLayers("lab")
            .whereLayer("engine").mayOnlyAccessLayers("install", "pgaf", "remote", "cloud", "check", "report", "lab")
            .whereLayer("ops").mayOnlyAccessLayers("engine", "install", "pgaf", "remote", "check", "lab")
            .whereLayer("cli").mayOnlyAccessLayers("ops", "engine", "install", "pgaf", "remote", "cloud", "check", "report", "lab")
            .whereLayer("main").mayOnlyAccessLayers("cli")
            .whereLayer("ui").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noJavaFxOutsideUi = noClasses().that().resideOutsideOfPackage(APP + ".ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("a headless verb must never load the toolkit (docs/architecture.md)");

    @ArchTest
    static final ArchRule noAwtWindowsOutsideUi = noClasses().that().resideOutsideOfPackages(APP + ".ui..", APP + ".report..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
            .because("only the report draws (off-screen, java.awt) and only the window shows anything");

    @ArchTest
    static final ArchRule noCycles = slices().matching(APP + ".(*)..").should().beFreeOfCycles();

    /** The window's features (app, nodes, session, actions, console, …) depend one way only. */
    @ArchTest
    static final ArchRule noCyclesBetweenUiFeatures = slices().matching(APP + ".ui.(*)..").should().beFreeOfCycles();
}
