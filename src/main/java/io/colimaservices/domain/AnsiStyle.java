package io.colimaservices.domain;

/**
 * The look an ANSI SGR sequence gives a span of text. Colours are {@link #NONE}, a palette index 0-255 (0-7
 * normal, 8-15 bright), or {@code RGB | 0xRRGGBB} for 24-bit colours.
 */
public record AnsiStyle(int foreground, int background, boolean bold, boolean dim, boolean italic,
                        boolean underline, boolean inverse) {
    public static final int NONE = -1;
    public static final int RGB = 1 << 24;
    public static final AnsiStyle PLAIN = new AnsiStyle(NONE, NONE, false, false, false, false, false);

    AnsiStyle withForeground(int colour) {
        return new AnsiStyle(colour, background, bold, dim, italic, underline, inverse);
    }

    AnsiStyle withBackground(int colour) {
        return new AnsiStyle(foreground, colour, bold, dim, italic, underline, inverse);
    }

    AnsiStyle withBold(boolean on) {
        return new AnsiStyle(foreground, background, on, dim, italic, underline, inverse);
    }

    AnsiStyle withDim(boolean on) {
        return new AnsiStyle(foreground, background, bold, on, italic, underline, inverse);
    }

    AnsiStyle withItalic(boolean on) {
        return new AnsiStyle(foreground, background, bold, dim, on, underline, inverse);
    }

    AnsiStyle withUnderline(boolean on) {
        return new AnsiStyle(foreground, background, bold, dim, italic, on, inverse);
    }

    AnsiStyle withInverse(boolean on) {
        return new AnsiStyle(foreground, background, bold, dim, italic, underline, on);
    }
}
