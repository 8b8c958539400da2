package io.colimaservices.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Colima and Preferences ViewModels hold JavaFX properties and collections only: no scene graph, stage or
 * application thread, so that they are tested without a toolkit; and they see the app only through domain ports and
 * callbacks. (Scoped to these pages; other pages may widen it when they comply.)
 */
class ViewModelRulesTest {
    private static final String[] PAGES = {"io.colimaservices.ui.colima..", "io.colimaservices.ui.preferences..",
            "io.colimaservices.ui.backups..", "io.colimaservices.ui.setup.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.colimaservices.ui");
    }

    @Test
    void viewModelsUseNoSceneGraphNorTheFxThread() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").and().resideInAnyPackage(PAGES)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void viewModelsSeeOnlyTheDomainAmongTheAppsPackages() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").and().resideInAnyPackage(PAGES)
                .should().dependOnClassesThat().resideInAnyPackage("io.colimaservices.app..",
                        "io.colimaservices.cli..", "io.colimaservices.colima..", "io.colimaservices.docker..",
                        "io.colimaservices.vault..", "io.colimaservices.settings..", "io.colimaservices.platform..",
                        "io.colimaservices.catalog..", "io.colimaservices.tray..")
                .check(classes);
    }
}
