package io.colimaservices.ui.dashboard;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard rendered headless (Monocle): groups as branches, services under them, live updates. */
class DashboardViewTest extends ApplicationTest {
    private DashboardViewModel model;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new DashboardViewModel(UiExecutors.fx(), Clock.systemUTC());
        stage.setScene(new Scene(new DashboardView(model).root(), 900, 600));
        stage.show();
    }

    @Test
    void showsGroupsWithTheirServicesAndFollowsSnapshots() {
        FxRobot robot = this;
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));
        WaitForAsyncUtils.waitForFxEvents();

        TreeTableView<ServiceRow> table = robot.lookup("#services").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).extracting(i -> i.getValue().name())
                .containsExactly("Secrets", "Data", "Git", "Observability");
        TreeItem<ServiceRow> data = table.getRoot().getChildren().get(1);
        assertThat(data.getChildren()).extracting(i -> i.getValue().name()).containsExactly("postgres", "redis");
        assertThat(robot.lookup("healthy").tryQuery()).isPresent();

        model.show(snapshot(smallStack(), exited("vault", 1)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getRoot().getChildren().getFirst().getChildren().getFirst().getValue().state())
                .isEqualTo("exited (1)");
        assertThat(robot.lookup("#engine-line").queryAs(Label.class).getText()).startsWith("Docker 28.0.1");
    }
}
