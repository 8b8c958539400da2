package io.colimaservices.ui.common;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.Alert;
import io.colimaservices.testing.FxSettle;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class FxNotifierTest extends ApplicationTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private FxNotifier notifier;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        notifier = new FxNotifier(s -> calls.add("logs " + s), s -> calls.add("restart " + s));
    }

    private long cards() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains(" ")).count();
    }

    @Test
    void alertsShowWithTheirActions() {
        notifier.show(new Alert("redis-1", Alert.Kind.DIED, "It exited with code 1."));
        notifier.show(new Alert("vault", Alert.Kind.UNHEALTHY, "Health check: sealed"));
        // Each card is a window placed by the notifier: on the screen (where the click lands) at the next pulse.
        FxSettle.awaitPulse();
        assertThat(cards()).isEqualTo(2);

        clickOn("View logs");
        FxSettle.awaitPulse();
        assertThat(cards()).as("the other card moves up in its place").isEqualTo(1);
        clickOn("Restart");
        FxSettle.settle();

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).startsWith("logs ");
        assertThat(calls.get(1)).startsWith("restart ");
        assertThat(List.of(calls.get(0).substring(5), calls.get(1).substring(8)))
                .as("each card acts on its own service").containsExactlyInAnyOrder("vault", "redis-1");
        assertThat(cards()).isZero();
    }
}
