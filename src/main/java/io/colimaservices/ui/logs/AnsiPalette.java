package io.colimaservices.ui.logs;

import io.colimaservices.domain.AnsiStyle;
import javafx.scene.paint.Color;

/** Maps ANSI colours to colours that read on the viewer's background, light or dark. */
final class AnsiPalette {
    // xterm's 16 colours, nudged so that "white" and "black" stay visible on their own theme.
    private static final String[] LIGHT = {"#24292f", "#cf222e", "#116329", "#9a6700", "#0550ae", "#8250df",
        "#1b7c83", "#6e7781", "#57606a", "#a40e26", "#1a7f37", "#7d4e00", "#218bff", "#a475f9", "#3192aa", "#8c959f"};
    private static final String[] DARK = {"#8b949e", "#ff7b72", "#3fb950", "#d29922", "#58a6ff", "#bc8cff",
        "#39c5cf", "#b1bac4", "#6e7681", "#ffa198", "#56d364", "#e3b341", "#79c0ff", "#d2a8ff", "#56d4dd", "#f0f6fc"};

    private AnsiPalette() {
    }

    static Color colour(int ansi, boolean dark) {
        if (ansi == AnsiStyle.NONE) {
            return null;
        }
        if ((ansi & AnsiStyle.RGB) != 0) {
            int rgb = ansi & 0xffffff;
            return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        }
        if (ansi < 16) {
            return Color.web((dark ? DARK : LIGHT)[ansi]);
        }
        if (ansi < 232) {
            int i = ansi - 16;
            return Color.rgb(cube(i / 36), cube((i / 6) % 6), cube(i % 6));
        }
        int grey = 8 + (ansi - 232) * 10;
        return Color.rgb(grey, grey, grey);
    }

    private static int cube(int level) {
        return level == 0 ? 0 : 55 + level * 40;
    }
}
