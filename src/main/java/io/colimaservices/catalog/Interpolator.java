package io.colimaservices.catalog;

import java.util.Optional;
import java.util.function.Function;

/**
 * Compose-file variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}} and
 * {@code $$} for a literal dollar. Defaults may themselves hold variables, as in compose v2.
 */
final class Interpolator {
    private final Function<String, Optional<String>> lookup;

    Interpolator(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user (the caller adds file and line)
     */
    String interpolate(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                out.append('$');
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int end = matchingBrace(text, i + 1);
                out.append(expand(text.substring(i + 2, end)));
                i = end + 1;
            } else if (isNameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(lookup.apply(text.substring(i + 1, end)).orElse(""));
                i = end;
            } else {
                throw new IllegalArgumentException("invalid interpolation format for \"" + text
                        + "\": write $$ for a literal dollar sign");
            }
        }
        return out.toString();
    }

    private String expand(String body) {
        int nameEnd = 0;
        while (nameEnd < body.length() && isNamePart(body.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = body.substring(0, nameEnd);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new IllegalArgumentException("invalid variable name in \"${" + body + "}\"");
        }
        Optional<String> value = lookup.apply(name);
        String rest = body.substring(nameEnd);
        if (rest.isEmpty()) {
            return value.orElse("");
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String arg = rest.substring(colon ? 2 : 1);
        boolean missing = colon ? value.map(String::isEmpty).orElse(true) : value.isEmpty();
        return switch (op) {
            case "-" -> missing ? interpolate(arg) : value.orElseThrow();
            case "?" -> {
                if (missing) {
                    throw new IllegalArgumentException("required variable " + name + " is missing a value"
                            + (arg.isEmpty() ? "" : ": " + interpolate(arg)));
                }
                yield value.orElseThrow();
            }
            case "+" -> missing ? "" : interpolate(arg);
            default -> throw new IllegalArgumentException("invalid interpolation format for \"${" + body + "}\"");
        };
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated ${ in \"" + text + "\"");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
