package io.colimaservices.tray;

import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.StackSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class TrayMenuBuilderTest {
    private final List<String> calls = new ArrayList<>();
    private final TrayMenuBuilder builder = new TrayMenuBuilder(new MenuCommands() {
        @Override
        public void openDashboard() {
            calls.add("open");
        }

        @Override
        public void quit() {
            calls.add("quit");
        }
    });

    @Test
    void menuShowsHeadlineGroupsWithSummaryAndServicesWithState() {
        StackSnapshot s = snapshot(smallStack(), running("vault", HealthStatus.HEALTHY), exited("redis", 137),
                running("postgres", HealthStatus.HEALTHY));

        List<MenuEntry> menu = builder.build(s);

        assertThat(menu.getFirst()).isEqualTo(new MenuEntry.Info("Degraded: redis"));
        MenuEntry.Submenu data = (MenuEntry.Submenu) menu.stream()
                .filter(e -> e.label().startsWith("Data")).findFirst().orElseThrow();
        assertThat(data.label()).isEqualTo("Data (1/2 up, 1 failing)");
        assertThat(data.entries()).extracting(MenuEntry::label)
                .containsExactly("\u25CF postgres  healthy", "\u2716 redis  exited (137)");
    }

    @Test
    void actionsCallTheCommands() {
        List<MenuEntry> menu = builder.build(snapshot(smallStack()));

        action(menu, "open-dashboard").action().run();
        action(menu, "quit").action().run();

        assertThat(calls).containsExactly("open", "quit");
    }

    @Test
    void sameStateBuildsAnEqualMenuSoTheAdapterSkipsTheRedraw() {
        StackSnapshot s = snapshot(smallStack(), running("vault", HealthStatus.HEALTHY));

        assertThat(builder.build(s)).isEqualTo(builder.build(s));
        assertThat(builder.build(s)).isNotEqualTo(builder.build(snapshot(smallStack())));
    }

    static MenuEntry.Action action(List<MenuEntry> menu, String id) {
        return menu.stream().filter(e -> e instanceof MenuEntry.Action a && a.id().equals(id))
                .map(MenuEntry.Action.class::cast).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }
}
