package io.colimaservices.tray;

import io.colimaservices.domain.StackHealth;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the menu-bar icons to {@code icons/menubar/}: every state, for a template (macOS tints it for light and dark
 * menu bars), a light bar and a dark bar, at 1x (18 px) and 2x (36 px). The app draws the same images at run time;
 * these files are for the docs, the packaging, and review. Run: {@code scripts/generate-icons}.
 */
public final class MenuBarIcons {
    private MenuBarIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "icons/menubar");
        Files.createDirectories(dir);
        int written = 0;
        for (StackHealth health : StackHealth.values()) {
            for (TrayIconPainter.Appearance appearance : TrayIconPainter.Appearance.values()) {
                for (int scale = 1; scale <= 2; scale++) {
                    String name = fileName(health, appearance, scale);
                    ImageIO.write(TrayIconPainter.paint(health, scale, appearance), "png", dir.resolve(name).toFile());
                    written++;
                }
            }
        }
        System.out.println("wrote " + written + " icons to " + dir.toAbsolutePath());
    }

    static String fileName(StackHealth health, TrayIconPainter.Appearance appearance, int scale) {
        String state = health.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return state + "-" + appearance.name().toLowerCase(Locale.ROOT) + (scale == 2 ? "@2x" : "") + ".png";
    }
}
