package io.colimaservices.tray;

import io.colimaservices.domain.StackHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Renders the menu model and icon into an AWT {@link TrayIcon}. Every AWT change happens on the AWT event thread,
 * and only when the model or the icon state actually changed.
 */
public final class AwtTrayAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayAdapter.class);

    private TrayIcon icon;
    private List<MenuEntry> shownMenu;
    private StackHealth shownHealth;
    private final boolean macOs = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    /** True where a system tray exists (never in a headless JVM). */
    public static boolean isSupported() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Adds the icon; call once. @throws IllegalStateException when the tray refuses it */
    public void install(StackHealth health, List<MenuEntry> menu, Runnable onIconClick) {
        onAwt(() -> {
            try {
                // No tooltip: it opened over the menu's first line (which says the same state in words).
                icon = new TrayIcon(image(health));
                icon.setImageAutoSize(true);
                icon.setPopupMenu(popup(menu));
                icon.addActionListener(e -> onIconClick.run());
                SystemTray.getSystemTray().add(icon);
                shownHealth = health;
                shownMenu = menu;
            } catch (AWTException e) {
                LOG.warn("the system tray refused the icon: {}", e.getMessage());
            }
        });
    }

    /** Shows a new state; a no-op when nothing visible changed. */
    public void show(StackHealth health, List<MenuEntry> menu) {
        onAwt(() -> {
            if (icon == null) {
                return;
            }
            if (health != shownHealth) {
                icon.setImage(image(health));
                shownHealth = health;
            }
            if (!menu.equals(shownMenu)) {
                icon.setPopupMenu(popup(menu));
                shownMenu = menu;
            }
        });
    }

    private BufferedImage image(StackHealth health) {
        // With -Dapple.awt.enableTemplateImages=true macOS tints a black-and-alpha image for either menu bar.
        TrayIconPainter.Appearance appearance = macOs ? TrayIconPainter.Appearance.TEMPLATE
                : TrayIconPainter.Appearance.DARK;
        int scale = macOs ? 2 : 1;
        return TrayIconPainter.paint(health, scale, appearance);
    }

    private static PopupMenu popup(List<MenuEntry> entries) {
        PopupMenu popup = new PopupMenu();
        entries.forEach(e -> add(popup, e));
        return popup;
    }

    private static void add(Menu parent, MenuEntry entry) {
        switch (entry) {
            case MenuEntry.Separator s -> parent.addSeparator();
            case MenuEntry.Info info -> {
                MenuItem item = new MenuItem(info.label());
                item.setEnabled(false);
                parent.add(item);
            }
            case MenuEntry.Action action -> {
                MenuItem item = new MenuItem(action.label());
                item.setEnabled(action.enabled());
                item.addActionListener(e -> action.action().run());
                parent.add(item);
            }
            case MenuEntry.Submenu sub -> {
                Menu menu = new Menu(sub.label());
                sub.entries().forEach(e -> add(menu, e));
                parent.add(menu);
            }
        }
    }

    private static void onAwt(Runnable task) {
        if (EventQueue.isDispatchThread()) {
            task.run();
        } else {
            EventQueue.invokeLater(task);
        }
    }

    @Override
    public void close() {
        onAwt(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }
}
