package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.vault.VaultApiDouble;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the CLI in process against the Vault API double, with a home directory of its own (so the fallback secret
 * store, the runtime files and the original project's files all live under a temp dir), the bundled compose file
 * (or one of the test's), and
 * a stand-in clipboard tool ({@code xsel} writing to a file). Public for the app adapters' tests.
 */
public final class VaultHarness implements AutoCloseable {
    final Path root;
    public final Path home;
    final Path composeFile;
    final Path clipboardFile;
    public final VaultApiDouble vault;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private ServiceRestarter restarter;
    private boolean engineRestarter;

    /** With the bundled compose file: the stack whose labels say which services read which secrets. */
    public VaultHarness(Path root) throws IOException {
        this(root, Files.readString(Path.of(System.getProperty("project.basedir", "."))
                .resolve("compose/docker-compose.yml")));
    }

    /** With a compose file of the test's own (a stand-in stack). */
    public VaultHarness(Path root, String compose) throws IOException {
        this.root = root;
        this.home = Files.createDirectories(root.resolve("home"));
        this.vault = new VaultApiDouble();
        Path bin = Files.createDirectories(root.resolve("bin"));
        this.clipboardFile = root.resolve("clipboard.txt");
        Path xsel = bin.resolve("xsel");
        Files.writeString(xsel, """
                #!/bin/sh
                # Stand-in for xsel: the clipboard is the file named by CLIPBOARD_FILE.
                case "$*" in
                  *--input*) cat > "$CLIPBOARD_FILE" ;;
                  *--output*) [ -f "$CLIPBOARD_FILE" ] && cat "$CLIPBOARD_FILE" ;;
                  *--clear*) : > "$CLIPBOARD_FILE" ;;
                esac
                """);
        Files.setPosixFilePermissions(xsel, PosixFilePermissions.fromString("rwx------"));
        this.composeFile = root.resolve("compose").resolve("docker-compose.yml");
        Files.createDirectories(composeFile.getParent());
        Files.writeString(composeFile, compose);
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("DISPLAY", ":99");
        environment.put("CLIPBOARD_FILE", clipboardFile.toString());
    }

    /** Sets a variable of the environment the CLI (and so the compose file) sees. */
    void useRestarter(ServiceRestarter restarter) {
        this.restarter = restarter;
    }

    /** Restarts through the Docker engine, as the real CLI does (a stand-in stack on a real engine). */
    public void useEngineRestarter() {
        this.engineRestarter = true;
    }

    public Path support() {
        return home.resolve(".config/colima-services");
    }

    public Path runtime() {
        return support().resolve("runtime");
    }

    /** The app's log file, where every command that changes something leaves its trace line. */
    public Path logFile() {
        return home.resolve(".local/state/colima-services/logs/colima-services.log");
    }

    public Path secretsFile() {
        return support().resolve("secrets/secrets.json");
    }

    public Path composeFile() {
        return composeFile;
    }

    /** Adds a variable to the environment the CLI runs with. */
    public void environment(String name, String value) {
        environment.put(name, value);
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public CliRun run(String... args) {
        return runWithStdin("", args);
    }

    CliRun runWithStdin(String stdin, String... args) {
        return runAt(vault.address(), stdin, args);
    }

    /** A context like the one the CLI builds, for calling the app's parts directly. */
    public AppContext context() {
        return context("colima-services", Optional.empty());
    }

    /** The same for a project on a Docker host of the test's choosing. */
    public AppContext context(String project, Optional<String> dockerHost) {
        return new AppContext(new io.colimaservices.app.LaunchOptions(Optional.of(composeFile), project,
                dockerHost, vault.address(), Optional.empty()), environment, new ColimaPaths(environment, home));
    }

    CliRun runAt(String address, String stdin, String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "--vault-addr";
        full[1] = address;
        full[2] = "--compose-file";
        full[3] = composeFile.toString();
        System.arraycopy(args, 0, full, 4, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliMain.run(full, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), options -> {
                    AppContext context = new AppContext(options, environment, new ColimaPaths(environment, home));
                    Optional.ofNullable(restarter).ifPresent(context::useServiceRestarter);
                    if (engineRestarter) {
                        context.useEngineRestarter(Optional.empty());
                    }
                    return context;
                });
        return new CliRun(code, out.toString(), err.toString());
    }

    /** init + unseal + bootstrap, asserting each succeeded. */
    public void bootstrapped() {
        expectOk(run("vault", "init"));
        expectOk(run("vault", "unseal"));
        expectOk(run("vault", "bootstrap"));
    }

    public static CliRun expectOk(CliRun run) {
        if (run.exitCode() != 0) {
            throw new AssertionError("exit " + run.exitCode() + "\nout: " + run.out() + "\nerr: " + run.err());
        }
        return run;
    }

    @Override
    public void close() {
        vault.close();
    }
}
