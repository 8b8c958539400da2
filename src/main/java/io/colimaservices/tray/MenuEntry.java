package io.colimaservices.tray;

import java.util.List;
import java.util.Objects;

/**
 * The tray menu as plain values, built from a snapshot by {@link TrayMenuBuilder} and rendered by a thin AWT
 * adapter. Equality ignores the actions, so the adapter can skip a rebuild when only callbacks differ.
 */
public sealed interface MenuEntry {

    String label();

    /** A line that only informs (state, summary); shown disabled. */
    record Info(String label) implements MenuEntry {
    }

    /** A clickable item; {@code id} is stable across rebuilds and names the item in tests. */
    record Action(String id, String label, boolean enabled, Runnable action) implements MenuEntry {
        @Override
        public boolean equals(Object o) {
            return o instanceof Action a && a.id.equals(id) && a.label.equals(label) && a.enabled == enabled;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, label, enabled);
        }
    }

    record Submenu(String label, List<MenuEntry> entries) implements MenuEntry {
        public Submenu {
            entries = List.copyOf(entries);
        }
    }

    record Separator() implements MenuEntry {
        @Override
        public String label() {
            return "";
        }
    }
}
