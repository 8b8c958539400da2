package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ANSI escape sequences programs put in their logs. SGR sequences ({@code ESC [ ... m}) become styles;
 * every other control sequence (cursor moves, OSC titles and links) is dropped, so raw escapes never reach a view.
 */
public final class AnsiText {
    private static final char ESC = 0x1b;

    private AnsiText() {
    }

    /** A run of text in one style. */
    public record Span(String text, AnsiStyle style) {
    }

    public static boolean hasEscapes(String text) {
        return text.indexOf(ESC) >= 0;
    }

    /** The text without any escape sequence ({@code --no-color}, search, copy). */
    public static String strip(String text) {
        if (!hasEscapes(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipSequence(text, i);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The text as styled spans; plain text is one plain span. */
    public static List<Span> parse(String text) {
        List<Span> spans = new ArrayList<>();
        if (!hasEscapes(text)) {
            spans.add(new Span(text, AnsiStyle.PLAIN));
            return spans;
        }
        AnsiStyle style = AnsiStyle.PLAIN;
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ESC) {
                run.append(c);
                i++;
                continue;
            }
            int end = skipSequence(text, i);
            if (i + 1 < text.length() && text.charAt(i + 1) == '[' && end - 1 > i && text.charAt(end - 1) == 'm') {
                AnsiStyle next = applySgr(style, text.substring(i + 2, end - 1));
                if (!next.equals(style)) {
                    flush(spans, run, style);
                    style = next;
                }
            }
            i = end;
        }
        flush(spans, run, style);
        if (spans.isEmpty()) {
            spans.add(new Span("", AnsiStyle.PLAIN));
        }
        return spans;
    }

    private static void flush(List<Span> spans, StringBuilder run, AnsiStyle style) {
        if (!run.isEmpty()) {
            spans.add(new Span(run.toString(), style));
            run.setLength(0);
        }
    }

    /** Index just past the escape sequence starting at {@code start}. */
    private static int skipSequence(String text, int start) {
        int i = start + 1;
        if (i >= text.length()) {
            return i;
        }
        char kind = text.charAt(i);
        if (kind == '[') {
            i++;
            // parameter and intermediate bytes, then one final byte in 0x40-0x7e
            while (i < text.length() && (text.charAt(i) < 0x40 || text.charAt(i) > 0x7e)) {
                i++;
            }
            return Math.min(text.length(), i + 1);
        }
        if (kind == ']') {
            // OSC: ends with BEL or ESC backslash
            while (++i < text.length()) {
                char c = text.charAt(i);
                if (c == 0x07) {
                    return i + 1;
                }
                if (c == ESC && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                    return i + 2;
                }
            }
            return text.length();
        }
        return Math.min(text.length(), i + 1);
    }

    static AnsiStyle applySgr(AnsiStyle style, String parameters) {
        if (parameters.isEmpty()) {
            return AnsiStyle.PLAIN;
        }
        String[] parts = parameters.split("[;:]", -1);
        int[] codes = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                codes[k] = parts[k].isEmpty() ? 0 : Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                return style;
            }
        }
        AnsiStyle s = style;
        for (int k = 0; k < codes.length; k++) {
            int code = codes[k];
            switch (code) {
                case 0 -> s = AnsiStyle.PLAIN;
                case 1 -> s = s.withBold(true);
                case 2 -> s = s.withDim(true);
                case 3 -> s = s.withItalic(true);
                case 4 -> s = s.withUnderline(true);
                case 7 -> s = s.withInverse(true);
                case 22 -> s = s.withBold(false).withDim(false);
                case 23 -> s = s.withItalic(false);
                case 24 -> s = s.withUnderline(false);
                case 27 -> s = s.withInverse(false);
                case 39 -> s = s.withForeground(AnsiStyle.NONE);
                case 49 -> s = s.withBackground(AnsiStyle.NONE);
                case 38, 48 -> {
                    int[] colour = extendedColour(codes, k + 1);
                    if (colour[0] != AnsiStyle.NONE) {
                        s = code == 38 ? s.withForeground(colour[0]) : s.withBackground(colour[0]);
                    }
                    k += colour[1];
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        s = s.withForeground(code - 30);
                    } else if (code >= 40 && code <= 47) {
                        s = s.withBackground(code - 40);
                    } else if (code >= 90 && code <= 97) {
                        s = s.withForeground(code - 90 + 8);
                    } else if (code >= 100 && code <= 107) {
                        s = s.withBackground(code - 100 + 8);
                    }
                }
            }
        }
        return s;
    }

    /** {@code 5;n} (palette) or {@code 2;r;g;b}: returns the colour and how many codes it used. */
    private static int[] extendedColour(int[] codes, int at) {
        if (at < codes.length && codes[at] == 5 && at + 1 < codes.length) {
            return new int[] {Math.clamp(codes[at + 1], 0, 255), 2};
        }
        if (at < codes.length && codes[at] == 2 && at + 3 < codes.length) {
            int rgb = (Math.clamp(codes[at + 1], 0, 255) << 16) | (Math.clamp(codes[at + 2], 0, 255) << 8)
                    | Math.clamp(codes[at + 3], 0, 255);
            return new int[] {AnsiStyle.RGB | rgb, 4};
        }
        return new int[] {AnsiStyle.NONE, Math.max(0, codes.length - at)};
    }
}
