package io.colimaservices.ui.common;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PagePartsTest extends ApplicationTest {
    private final SimpleStringProperty title = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty hint = new SimpleStringProperty("");
    private HBox failure;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        failure = PageParts.message("failure", Bindings.createObjectBinding(() -> message.get().isEmpty() ? null
                : Notice.danger(title.get(), message.get() + (hint.get().isEmpty() ? "" : "\nHint: " + hint.get())),
                title, message, hint));
        stage.setScene(new Scene(new StackPane(failure), 500, 200));
        stage.show();
    }

    private void set(String newTitle, String newMessage, String newHint) {
        interact(() -> {
            title.set(newTitle);
            message.set(newMessage);
            hint.set(newHint);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void aFailureShowsItsTitleMessageAndHintAsWrittenBracketsIncluded() {
        assertThat(failure.isVisible()).isFalse();

        set("Starting failed", "[hostagent] level=fatal msg=\"[b]disk[/b] in use\"", "run colima stop first");

        assertThat(failure.isVisible()).isTrue();
        assertThat(text("failure-title")).isEqualTo("Starting failed");
        assertThat(text("failure-detail"))
                .isEqualTo("[hostagent] level=fatal msg=\"[b]disk[/b] in use\"\nHint: run colima stop first");
    }

    @Test
    void keepsFollowingItsPropertiesAfterACollectionAndHidesWhenTheMessageGoes() {
        set("Saving failed", "disk full", "");
        System.gc();
        set("Saving failed", "read-only file system", "");

        assertThat(text("failure-detail")).isEqualTo("read-only file system");

        set("", "", "");
        assertThat(failure.isVisible()).isFalse();
    }
}
