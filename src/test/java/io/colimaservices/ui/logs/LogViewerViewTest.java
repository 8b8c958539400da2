package io.colimaservices.ui.logs;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.LogSource;
import io.colimaservices.testing.FxSettle;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The log viewer rendered headless: follow, search with highlight, filter, colours, pause on scroll. */
class LogViewerViewTest extends ApplicationTest {
    private LogViewerViewModel model;
    private LogViewerView view;
    private long id;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new LogViewerViewModel((services, request) ->
                new LogSession(new FakeEngine(), s -> Optional.empty(), services, request, 10));
        view = new LogViewerView(model, new SimpleBooleanProperty(false));
        Scene scene = new Scene(view.root(), 900, 400);
        scene.getStylesheets().add(getClass().getResource("/io/colimaservices/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void feed(int count, String prefix) {
        List<LogRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogSource source = i % 10 == 9 ? LogSource.STDERR : LogSource.STDOUT;
            rows.add(LogRow.of(id++, new LogLine("api", Instant.ofEpochSecond(id), source,
                    prefix + " " + i + (i == 3 ? " \u001b[32mgreen\u001b[0m" : ""))));
        }
        interact(() -> {
            model.append(rows);
            if (model.followProperty().get()) {
                ListView<?> list = lookup("#log-list").queryAs(ListView.class);
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        FxSettle.settle();
    }

    private ListView<LogRow> list() {
        return lookup("#log-list").queryAs(ListView.class);
    }

    @Test
    void rendersColoursAsStyledTextNeverRawEscapes() {
        feed(10, "line");

        TextFlow flow = lookup(".log-flow").match(f -> ((TextFlow) f).getChildren().stream()
                .anyMatch(n -> n instanceof Text t && t.getText().equals("green"))).queryAs(TextFlow.class);
        Text green = (Text) flow.getChildren().stream().filter(n -> n instanceof Text t && t.getText().equals("green"))
                .findFirst().orElseThrow();
        assertThat(green.getFill().toString()).isEqualTo(javafx.scene.paint.Color.web("#116329").toString());
        assertThat(lookup(".log-text").queryAll()).noneMatch(n -> ((Text) n).getText().contains("\u001b"));
    }

    @Test
    void searchHighlightsMatchesAndOnlyMatchingFilters() {
        feed(30, "row");

        clickOn("#log-search").write("row 1");
        FxSettle.settle();
        assertThat(lookup(".log-match").queryAll()).isNotEmpty();
        assertThat(lookup("#log-status").queryAs(Label.class).getText()).contains("11 matching");

        clickOn("#log-only-matching");
        FxSettle.settle();
        assertThat(list().getItems()).hasSize(11);

        clickOn("#log-search").press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxSettle.settle();
        assertThat(list().getSelectionModel().getSelectedItem().plainText()).startsWith("row 1");
        assertThat(model.followProperty().get()).as("jumping to a match pauses follow").isFalse();
    }

    @Test
    void streamFilterShowsOnlyStderr() {
        feed(30, "row");
        ChoiceBox<StreamFilter> streams = lookup("#log-streams").queryAs(ChoiceBox.class);

        interact(() -> streams.setValue(StreamFilter.STDERR));

        assertThat(list().getItems()).hasSize(3).allMatch(LogRow::isStderr);
    }

    @Test
    void followKeepsTheNewestLineInViewAndScrollingUpPausesIt() {
        feed(500, "flood");
        ScrollBar bar = lookup("#log-list .scroll-bar:vertical").queryAs(ScrollBar.class);
        assertThat(bar.getValue()).isGreaterThanOrEqualTo(bar.getMax() - 0.01);

        interact(() -> bar.setValue(bar.getMax() / 2));
        FxSettle.settle();

        assertThat(model.followProperty().get()).isFalse();
        assertThat(lookup("#log-follow").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(lookup("#log-status").queryAs(Label.class).getText()).endsWith("follow paused");

        clickOn("#log-follow");
        FxSettle.settle();
        assertThat(model.followProperty().get()).isTrue();
        assertThat(bar.getValue()).isGreaterThanOrEqualTo(bar.getMax() - 0.01);
    }

    @Test
    void timestampsToggleAddsTheTime() {
        feed(1, "one");

        clickOn("#log-timestamps");
        FxSettle.settle();

        assertThat(lookup(".log-prefix").queryAll()).anyMatch(n -> ((Text) n).getText().startsWith("1970-01-01T"));
    }
}
