package io.colimaservices.ui.dashboard;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The services page rendered headless (Monocle): groups with their services, live updates, group actions. */
class DashboardViewTest extends ApplicationTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private DashboardViewModel model;
    private volatile ActionResult nextResult = ActionResult.OK;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        StackOperations operations = new StackOperations() {
            public ActionResult up(List<String> t, Duration d, Consumer<StackProgress> p) {
                calls.add("up " + t);
                return nextResult;
            }

            public ActionResult upTiers(List<String> t, Duration d, Consumer<StackProgress> p) {
                calls.add("up tiers " + t);
                return ActionResult.OK;
            }

            public ActionResult down(List<String> t, Consumer<StackProgress> p) {
                calls.add("down " + t);
                return ActionResult.OK;
            }

            public ActionResult restart(String s, Duration d, Consumer<StackProgress> p) {
                calls.add("restart " + s);
                return ActionResult.OK;
            }

            public ActionResult recreate(String s, Duration d, Consumer<StackProgress> p) {
                calls.add("recreate " + s);
                return ActionResult.OK;
            }

            public Set<String> stale(StackSnapshot snapshot) {
                return Set.of("postgres");
            }
        };
        DashboardCommands commands = new DashboardCommands() {
            public void openLogs(String service) {
                calls.add("logs " + service);
            }

            public void openUrl(String url) {
            }

            public void openShell(String service, boolean client) {
                calls.add((client ? "client " : "shell ") + service);
            }

            public void copyPlain(String text) {
                calls.add("copy " + text);
            }

            public int useComposeFile(java.nio.file.Path file) {
                calls.add("compose " + file);
                if (file.toString().contains("bad")) {
                    throw new io.colimaservices.domain.CatalogException(file, 3, "mapping values are not allowed here");
                }
                return 7;
            }
        };
        model = new DashboardViewModel(UiExecutors.fx(), UiExecutors.direct(), operations, commands,
                Clock.systemUTC(), () -> Duration.ofSeconds(120));
        stage.setScene(new Scene(new DashboardView(model).root(), 1100, 600));
        stage.show();
    }

    /**
     * Hands the page a snapshot and lays the page out. The table makes its rows' cells in a layout pass, which
     * otherwise waits for the next pulse: on a loaded machine a lookup right after the FX events ran found no row
     * yet (the client button of {@code aServiceThatDeclaresAClientHasAnOpenClientButton}, once in a full run).
     */
    private void show(StackSnapshot next) {
        model.show(next);
        FxSettle.settle();
    }

    @Test
    void showsGroupsWithTheirServicesAndFollowsSnapshots() {
        show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));

        TreeTableView<ServiceRow> table = lookup("#services").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).extracting(i -> i.getValue().name())
                .containsExactly("Secrets", "Data", "Git", "Observability");
        TreeItem<ServiceRow> data = table.getRoot().getChildren().get(1);
        assertThat(data.getChildren()).extracting(i -> i.getValue().name()).containsExactly("postgres", "redis");
        assertThat(lookup("#state-vault").queryAs(Label.class).getText()).isEqualTo("healthy");
        TreeItem<ServiceRow> vaultItem = table.getRoot().getChildren().getFirst().getChildren().getFirst();

        show(snapshot(smallStack(), exited("vault", 1)));
        assertThat(lookup("#notices").queryAs(NotificationPane.class).isShowing())
                .as("no failure, nothing stale: no message over the table").isFalse();

        assertThat(table.getRoot().getChildren().getFirst().getChildren().getFirst())
                .as("rows are updated in place").isSameAs(vaultItem);
        assertThat(vaultItem.getValue().state()).isEqualTo("exited (1)");
        assertThat(lookup("#engine-line").queryAs(Label.class).getText()).startsWith("Docker 28.0.1");
    }

    @Test
    void groupButtonsAndPortLinksAct() {
        show(snapshot(smallStack(), running("postgres", HealthStatus.HEALTHY)));

        clickOn("#start-data");
        clickOn("#stop-data");
        clickOn("#logs-postgres");
        clickOn("1008");
        FxSettle.settle();

        assertThat(calls).containsExactly("up [data]", "down [data]", "logs postgres", "copy localhost:1008");
        assertThat(lookup("#stop-git").queryButton().isDisabled()).as("nothing in git runs").isTrue();
        assertThat(lookup("#stop-redis").queryButton().isDisabled()).as("redis is absent").isTrue();
        assertThat(lookup("#progress").queryAs(Label.class).getText()).isEqualTo("copied localhost:1008");
    }

    @Test
    void aFailureDoesNotMoveTheTableUnderThePointerAndItsCloseButtonDismissesIt() {
        show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));
        javafx.scene.Node table = lookup("#services").query();
        javafx.geometry.Bounds before = FxSettle.boundsInScene(table);

        nextResult = new ActionResult(Optional.of(new StackProgress.Failed("postgres", "unhealthy",
                Optional.of("pg_isready: no response"), OptionalInt.empty(),
                List.of("FATAL: one", "FATAL: two", "FATAL: three", "FATAL: four", "FATAL: five"))));
        clickOn("#start-data");
        FxSettle.settle();

        NotificationPane notices = lookup("#notices").queryAs(NotificationPane.class);
        assertThat(notices.getText()).contains("postgres failed");
        assertThat(notices.isShowing()).isTrue();
        assertThat(FxSettle.boundsInScene(table)).as("the table stays where it was").isEqualTo(before);

        javafx.scene.control.Button close = lookup("#notices .close-button").queryButton();
        // The message bar slides in (an animation, one step per pulse): click its close button once it stands still.
        FxSettle.waitUntilStill(close);
        clickOn(close);
        // Closing slides the bar out; the failure is dismissed once it is out.
        FxSettle.waitUntil("the failure dismissed", () -> model.failureProperty().get().isEmpty());
        assertThat(model.failureProperty().get()).as("closing the message dismisses the failure").isEmpty();
        assertThat(notices.isShowing()).isFalse();
        assertThat(FxSettle.boundsInScene(table)).isEqualTo(before);
    }

    @Test
    void aStaleServiceAloneShowsTheMarkAndARecreateButtonThatRecreatesIt() {
        show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY),
                running("postgres", HealthStatus.HEALTHY)));

        assertThat(lookup("#stale-postgres").tryQuery()).isPresent();
        assertThat(lookup("#recreate-postgres").tryQuery()).isPresent();
        assertThat(lookup("#stale-vault").tryQuery()).isEmpty();
        assertThat(lookup("#recreate-vault").tryQuery()).isEmpty();
        NotificationPane notices = lookup("#notices").queryAs(NotificationPane.class);
        assertThat(notices.isShowing()).isTrue();
        assertThat(notices.getText()).startsWith("postgres runs an older definition");

        clickOn("#recreate-postgres");
        FxSettle.settle();
        assertThat(calls).containsExactly("recreate postgres");
    }

    @Test
    void aServiceThatDeclaresAClientHasAnOpenClientButton() {
        show(snapshot(DashboardViewModelTest.withClient(), running("postgres", HealthStatus.HEALTHY),
                running("vault", HealthStatus.HEALTHY)));

        assertThat(lookup("#client-vault").tryQuery()).isEmpty();
        clickOn("#client-postgres");
        FxSettle.settle();
        assertThat(calls).containsExactly("client postgres");
    }

    @Test
    void aFailedActionShowsItsReasonOverTheTable() {
        show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));
        assertThat(lookup("#notices").queryAs(NotificationPane.class).isShowing()).isFalse();
        nextResult = new ActionResult(Optional.of(new StackProgress.Failed("redis", "unhealthy", Optional.empty(),
                OptionalInt.empty(), List.of())));

        clickOn("#start-data");
        FxSettle.settle();

        NotificationPane notices = lookup("#notices").queryAs(NotificationPane.class);
        assertThat(notices.isShowing()).isTrue();
        assertThat(notices.getText()).isEqualTo("redis failed: unhealthy");
        assertThat(notices.getPseudoClassStates()).extracting(Object::toString).contains("failed");
    }
}
