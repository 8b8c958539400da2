package io.colimaservices.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the core free of UI toolkits and the adapters' libraries inside their packages. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.colimaservices");
    }

    /**
     * The packages by their full names: {@code ..colima..} and {@code ..vault..} would also match the pages
     * {@code ui.colima} and {@code ui.vault}, which are JavaFX by design.
     */
    @Test
    void coreImportsNoJavaFxOrAwt() {
        noClasses().that().resideInAnyPackage("io.colimaservices.domain..", "io.colimaservices.docker..",
                        "io.colimaservices.vault..", "io.colimaservices.colima..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void domainImportsOnlyTheJdk() {
        noClasses().that().resideInAPackage("io.colimaservices.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.colimaservices.domain..", "java..")
                .check(classes);
    }

    @Test
    void dockerJavaStaysInTheDockerPackage() {
        noClasses().that().resideOutsideOfPackage("io.colimaservices.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void vaultDriverStaysInTheVaultPackage() {
        noClasses().that().resideOutsideOfPackage("io.colimaservices.vault..")
                .should().dependOnClassesThat().resideInAPackage("io.github.jopenlibs..")
                .check(classes);
    }

    @Test
    void pagesUseDomainPortsNotTheVaultAdapter() {
        noClasses().that().resideInAPackage("io.colimaservices.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.colimaservices.vault..")
                .check(classes);
    }

    @Test
    void jnaStaysInThePlatformPackage() {
        noClasses().that().resideOutsideOfPackage("io.colimaservices.platform..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void trayDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("io.colimaservices.tray..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.colimaservices.ui..")
                .check(classes);
    }

    @Test
    void onlyTheAppPackageWiresEverything() {
        noClasses().that().resideInAnyPackage("..domain..", "..catalog..", "..docker..", "..vault..", "..colima..",
                        "..platform..", "..settings..", "..ui..", "..tray..")
                .should().dependOnClassesThat().resideInAnyPackage("io.colimaservices.app..", "io.colimaservices.cli..")
                .check(classes);
    }
}
