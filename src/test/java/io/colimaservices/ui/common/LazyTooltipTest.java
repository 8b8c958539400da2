package io.colimaservices.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LazyTooltipTest extends ApplicationTest {
    private Button button;
    private Region plain;

    @Override
    public void start(Stage stage) {
        button = new Button("start");
        button.setId("button");
        LazyTooltip.install(button, "Start the group");
        plain = new Region();
        plain.setId("plain");
        plain.setPrefSize(80, 40);
        LazyTooltip.install(plain, "Copy localhost:5432");
        HBox box = new HBox(40, button, plain);
        stage.setScene(new Scene(box, 400, 120));
        stage.show();
    }

    @Test
    void noTooltipIsMadeBeforeThePointerComesButItsTextIsTheAccessibleHelpAtOnce() {
        assertThat(button.getTooltip()).isNull();
        assertThat(button.getAccessibleHelp()).isEqualTo("Start the group");
        assertThat(plain.getAccessibleHelp()).isEqualTo("Copy localhost:5432");
    }

    @Test
    void aControlsTooltipIsMadeOnThePointersFirstEntryAndShowsAsAnEagerOneWould() throws Exception {
        moveTo("#button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> button.getTooltip() != null);
        assertThat(button.getTooltip().getText()).isEqualTo("Start the group");
        Tooltip first = button.getTooltip();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("Start the group"));

        moveTo("#plain");
        moveTo("#button");
        assertThat(button.getTooltip()).as("made once").isSameAs(first);
    }

    @Test
    void aNodeThatIsNotAControlGetsItsTooltipInstalledOnEntryToo() throws Exception {
        moveTo("#plain");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("Copy localhost:5432"));
    }

    private static boolean showing(String text) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip tip && tip.isShowing()
                && text.equals(tip.getText()));
    }
}
