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
}
