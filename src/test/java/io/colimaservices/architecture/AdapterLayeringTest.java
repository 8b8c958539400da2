package io.colimaservices.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Colima, platform and settings adapters see only the domain among the app's packages, so that each can be
 * replaced (or tested) without the others. Kept apart from {@link LayeringTest} so branches adding adapters do
 * not edit the same file.
 */
class AdapterLayeringTest {
    private static final String[] OTHER_PACKAGES = {"io.colimaservices.app..", "io.colimaservices.cli..",
            "io.colimaservices.catalog..", "io.colimaservices.docker..", "io.colimaservices.vault..",
            "io.colimaservices.ui..", "io.colimaservices.tray.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.colimaservices");
    }

    @Test
    void colimaSeesOnlyTheDomain() {
        noClasses().that().resideInAPackage("io.colimaservices.colima..")
                .should().dependOnClassesThat().resideInAnyPackage(with(OTHER_PACKAGES,
                        "io.colimaservices.platform..", "io.colimaservices.settings.."))
                .check(classes);
    }

    @Test
    void platformSeesOnlyTheDomain() {
        noClasses().that().resideInAPackage("io.colimaservices.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(with(OTHER_PACKAGES,
                        "io.colimaservices.colima..", "io.colimaservices.settings.."))
                .check(classes);
    }

    @Test
    void settingsSeesOnlyTheDomain() {
        noClasses().that().resideInAPackage("io.colimaservices.settings..")
                .should().dependOnClassesThat().resideInAnyPackage(with(OTHER_PACKAGES,
                        "io.colimaservices.colima..", "io.colimaservices.platform.."))
                .check(classes);
    }

    @Test
    void backupFilesSeeOnlyTheDomain() {
        noClasses().that().resideInAPackage("io.colimaservices.backup..")
                .should().dependOnClassesThat().resideInAnyPackage(with(OTHER_PACKAGES, "io.colimaservices.colima..",
                        "io.colimaservices.platform..", "io.colimaservices.settings.."))
                .check(classes);
    }

    @Test
    void openPgpAndZstdStayInTheBackupPackage() {
        noClasses().that().resideOutsideOfPackage("io.colimaservices.backup..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "com.github.luben..")
                .check(classes);
    }

    @Test
    void adaptersUseNoUiToolkit() {
        noClasses().that().resideInAnyPackage("io.colimaservices.platform..", "io.colimaservices.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
