package io.colimaservices.ui.common;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The JavaFX clipboard and the one-second auto-clear driver, headless (Monocle). */
class FxClipboardTest extends ApplicationTest {

    @Override
    public void start(Stage stage) {
        stage.show();
    }

    @Test
    void putReadAndClearFromAnyThread() {
        FxClipboard clipboard = new FxClipboard();
        clipboard.put("from the test thread");
        assertThat(clipboard.read()).contains("from the test thread");
        interact(() -> {
            clipboard.put("from the FX thread");
            assertThat(clipboard.read()).contains("from the FX thread");
        });
        clipboard.clear();
        assertThat(clipboard.read()).isEqualTo(Optional.empty());
    }

    @Test
    void timelineClearsOnceTheWallClockDeadlinePassesAndWakeChecksAtOnce() {
        MemoryClipboard clipboard = new MemoryClipboard();
        HandClock clock = new HandClock();
        ClipboardKeeper keeper = new ClipboardKeeper(clipboard, clock);
        ClipboardAutoClear driver = new ClipboardAutoClear(keeper);
        interact(driver::start);
        try {
            keeper.copy("token", Duration.ofSeconds(30));
            clock.advance(Duration.ofSeconds(31));
            await().atMost(5, TimeUnit.SECONDS).until(() -> clipboard.text().isEmpty());
        } finally {
            interact(driver::stop);
        }

        // Timer stopped (App Nap, sleep): the wake check clears by itself.
        keeper.copy("token", Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(10));
        driver.wake();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard.text()).isEmpty();
        assertThat(clipboard.clears()).isEqualTo(2);
    }
}
