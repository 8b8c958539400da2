package io.colimaservices.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One core, two faces (docs/design.md, "The use cases"): the command line and the pages reach Docker, Vault,
 * Colima, the platform, the settings file and the compose parser only through the use cases and the wiring
 * ({@code app}); the use cases themselves see only the JDK and the domain, and the adapters never see them.
 */
class UseCaseLayeringTest {
    /** The adapters, by their full names ({@code ..vault..} would also match the page {@code ui.vault}). */
    static final String[] ADAPTERS = {"io.colimaservices.docker..", "io.colimaservices.vault..",
            "io.colimaservices.colima..", "io.colimaservices.platform..", "io.colimaservices.settings..",
            "io.colimaservices.catalog.."};
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.colimaservices");
    }

    @Test
    void useCasesSeeOnlyTheJdkAndTheDomain() {
        classes().that().resideInAPackage("io.colimaservices.usecase..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.colimaservices.usecase..",
                        "io.colimaservices.domain..", "java..")
                .check(all);
    }

    @Test
    void noCommandImportsAnAdapter() {
        noClasses().that().resideInAPackage("io.colimaservices.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(all);
    }

    @Test
    void noPageImportsAnAdapter() {
        noClasses().that().resideInAnyPackage("io.colimaservices.ui..", "io.colimaservices.tray..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(all);
    }

    @Test
    void adaptersDoNotSeeTheUseCasesOrTheFaces() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("io.colimaservices.usecase..",
                        "io.colimaservices.cli..", "io.colimaservices.ui..", "io.colimaservices.tray..",
                        "io.colimaservices.app..")
                .check(all);
    }

    @Test
    void pagesDoNotSeeTheWiringNorTheCommandLine() {
        noClasses().that().resideInAnyPackage("io.colimaservices.ui..", "io.colimaservices.tray..",
                        "io.colimaservices.usecase..")
                .should().dependOnClassesThat().resideInAnyPackage("io.colimaservices.app..",
                        "io.colimaservices.cli..")
                .check(all);
    }
}
