package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.app.LaunchOptions;
import io.colimaservices.app.DesktopApp;
import io.colimaservices.app.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The root command: global options and the shared context its subcommands use. */
@Command(name = "colima-services",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Runs and watches the Colima Services development stack. Without a command, starts the "
                + "menu-bar app.",
        subcommands = {StatusCommand.class, GroupsCommand.class, UpCommand.class, DownCommand.class,
                RestartCommand.class, RecreateCommand.class, RecoverCommand.class, LogsCommand.class,
                WatchCommand.class, VaultCommand.class, CredsCommand.class, TlsCommand.class, SnapshotCommand.class,
                VmCommand.class, SettingsCommand.class, PullCommand.class, ShellCommand.class, CaCommand.class,
                SetupCommand.class,
                CompletionCommand.class, BackupCommand.class, BackupsCommand.class, VerifyCommand.class,
                RestoreCommand.class, ResetCommand.class},
        usageHelpAutoWidth = true)
public final class CliRoot implements Callable<Integer> {

    @Option(names = "--compose-file", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The stack's compose file (default: the bundled compose/docker-compose.yml).")
    Path composeFile;

    @Option(names = "--project-name", paramLabel = "NAME", scope = ScopeType.INHERIT,
            defaultValue = LaunchOptions.DEFAULT_PROJECT,
            description = "The compose project name (default: ${DEFAULT-VALUE}).")
    String projectName;

    @Option(names = "--docker-host", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "The Docker engine (default: DOCKER_HOST, then the Colima socket, then "
                    + "/var/run/docker.sock).")
    String dockerHost;

    @Option(names = "--vault-addr", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = LaunchOptions.DEFAULT_VAULT_ADDRESS,
            description = "Vault's address (default: ${DEFAULT-VALUE}).")
    String vaultAddress;

    @Option(names = "--vault-ca", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "PEM file of the CA that signs Vault's certificate, for an https address.")
    Path vaultCa;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start the app, show the first live state, then quit (training runs, smoke tests).")
    boolean exitWhenReady;

    @Option(names = "--colima", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The colima executable (default: COLIMA_BIN, then PATH, then /opt/homebrew/bin/colima).")
    Path colima;

    private AppContext context;
    private InputStream stdin = System.in;
    private OutputStream stdoutBytes = new FileOutputStream(FileDescriptor.out);
    private OutputStream stderrBytes = new FileOutputStream(FileDescriptor.err);

    /** No subcommand: start the menu-bar app with these options; its exit status (signals) is the command's. */
    @Override
    public Integer call() {
        return DesktopApp.run(launchOptions(), exitWhenReady);
    }

    public LaunchOptions launchOptions() {
        return new LaunchOptions(Optional.ofNullable(composeFile), projectName, Optional.ofNullable(dockerHost),
                vaultAddress == null ? LaunchOptions.DEFAULT_VAULT_ADDRESS : vaultAddress, Optional.ofNullable(vaultCa),
                Optional.ofNullable(colima));
    }

    /** The context, built on first use from the options parsed. */
    public synchronized AppContext context() {
        if (context == null) {
            context = new AppContext(launchOptions());
            context.useEngineRestarter(java.util.Optional.empty());
        }
        return context;
    }

    /** Every use case, on the context's ports: what the commands call. */
    public UseCases useCases() {
        return context().useCases();
    }

    /** Lets tests hand in a context (another environment, another home directory). */
    synchronized void useContext(AppContext given) {
        this.context = given;
    }

    /** Where commands read what the user types or pipes in (a share for {@code vault unseal --key-stdin}). */
    InputStream stdin() {
        return stdin;
    }

    void useStdin(InputStream in) {
        this.stdin = in;
    }

    /** Standard output as bytes, unbuffered (a command's output passed through as it comes: {@code shell}). */
    OutputStream stdoutBytes() {
        return stdoutBytes;
    }

    OutputStream stderrBytes() {
        return stderrBytes;
    }

    void useByteStreams(OutputStream out, OutputStream err) {
        this.stdoutBytes = out;
        this.stderrBytes = err;
    }

    synchronized void closeContext() {
        if (context != null) {
            context.close();
        }
    }
}
