package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.settings.AppDirectories;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in process with a chosen environment, home directory and platform (the stand-in colima's). */
record VmCli(Map<String, String> environment, Path home, NativePlatform platform) {

    CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliMain.run(args, new PrintWriter(out), new PrintWriter(err),
                options -> new AppContext(options, environment, new ColimaPaths(environment, home),
                        AppDirectories.of(platform.isMacOs() ? "Mac OS X" : "Linux", home, environment), home,
                        () -> platform));
        return new CliRun(code, out.toString(), err.toString());
    }
}
