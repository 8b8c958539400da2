package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.testing.TestEnvironment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the CLI in process, as the real one but with the app's directories in a temp directory of the test's own
 * ({@link TestEnvironment}), and keeps what it printed.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = TestEnvironment.withOwnAppDirectories();
        int code = CliMain.run(args, new PrintWriter(out), new PrintWriter(err), options -> {
            AppContext context = new AppContext(options, environment, ColimaPaths.fromSystem());
            context.useEngineRestarter(Optional.empty());
            return context;
        });
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A command on a compose project of a test ({@code --compose-file}, {@code --project-name} given first). */
    public static CliRun on(io.colimaservices.testing.ComposeProject project, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--compose-file",
                project.file().toString(), "--project-name", project.name()));
        all.addAll(java.util.List.of(args));
        return of(all.toArray(String[]::new));
    }

    /** Standard output read as one JSON object per line ({@code --json} of pull and up). */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines() {
        return jsonLines(out);
    }

    static java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines(String text) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        return text.lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }
}
