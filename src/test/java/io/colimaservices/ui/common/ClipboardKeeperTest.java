package io.colimaservices.ui.common;

import io.colimaservices.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClipboardKeeperTest {
    private final MemoryClipboard clipboard = new MemoryClipboard();
    private final HandClock clock = new HandClock();
    private final ClipboardKeeper keeper = new ClipboardKeeper(clipboard, clock);

    @Test
    void remainingCountsDownByTheWallClockAndChecksTellTheListeners() {
        List<Boolean> heard = new ArrayList<>();
        Subscription subscription = keeper.onCheck(heard::add);
        assertThat(keeper.remaining()).isEmpty();

        keeper.copy("s3cret", Duration.ofSeconds(30));
        assertThat(clipboard.text()).isEqualTo("s3cret");
        assertThat(keeper.remaining()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(keeper.check()).isFalse();
        assertThat(keeper.remaining()).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofHours(2));
        assertThat(keeper.check()).isTrue();
        assertThat(clipboard.text()).isEmpty();
        assertThat(keeper.remaining()).isEmpty();
        assertThat(heard).containsExactly(false, true);

        subscription.close();
        keeper.check();
        assertThat(heard).hasSize(2);
    }
}
