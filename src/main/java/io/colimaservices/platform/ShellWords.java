package io.colimaservices.platform;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A command as a line a user can paste into a POSIX shell: words with spaces or specials single-quoted. */
final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWords() {
    }

    static String line(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
