package io.colimaservices.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A yes/no question on the terminal: the answer's first letter, or the default on an empty line or end of input. */
final class TerminalQuestion {
    private TerminalQuestion() {
    }

    static boolean ask(PrintWriter out, InputStream in, String question, boolean byDefault) {
        out.print(question + (byDefault ? " [Y/n] " : " [y/N] "));
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || answer.isBlank()) {
                return byDefault;
            }
            return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
