package io.colimaservices.platform;

import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Linux Secret Service (GNOME Keyring, KWallet) through {@code secret-tool} from libsecret-tools. Items carry
 * the attributes {@code service=colima-services} and {@code account=<name>}; values go in on stdin and come out on
 * stdout, never on a command line.
 */
public final class SecretToolStore implements SecretStore {
    public static final String SERVICE = "colima-services";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PROBE = "availability-probe";

    private final Commands commands;
    private final Path executable;

    public SecretToolStore(Commands commands, Path executable) {
        this.commands = commands;
        this.executable = executable;
    }

    /**
     * The store, when {@code secret-tool} is on PATH, a session bus is set, and a lookup gets an answer (found
     * or not found, without an error on stderr).
     */
    public static Optional<SecretToolStore> ifAnswering(Commands commands) {
        Optional<Path> tool = commands.find("secret-tool");
        if (tool.isEmpty() || commands.environment().getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            return Optional.empty();
        }
        SecretToolStore store = new SecretToolStore(commands, tool.get());
        try {
            Commands.Result probe = commands.run(store.command("lookup", PROBE), null, Duration.ofSeconds(5), true);
            boolean answered = probe.exitCode() == 0 || (probe.exitCode() == 1 && probe.stderr().isBlank());
            return answered ? Optional.of(store) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> read(String name) {
        Commands.Result result = run(command("lookup", name), null, "read");
        if (result.exitCode() == 0) {
            return Optional.of(result.stdoutText());
        }
        if (result.exitCode() == 1 && result.stderr().isBlank()) {
            return Optional.empty();
        }
        throw failure("read", name, result);
    }

    @Override
    public void write(String name, String value) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("store");
        command.add("--label=Colima Services: " + name);
        command.addAll(attributes(name));
        Commands.Result result = run(command, value.getBytes(StandardCharsets.UTF_8), "write");
        if (result.exitCode() != 0) {
            throw failure("write", name, result);
        }
    }

    @Override
    public boolean delete(String name) {
        if (read(name).isEmpty()) {
            return false;
        }
        Commands.Result result = run(command("clear", name), null, "delete");
        if (result.exitCode() != 0) {
            throw failure("delete", name, result);
        }
        return true;
    }

    @Override
    public String description() {
        return "the Secret Service (secret-tool, service=" + SERVICE + ")";
    }

    @Override
    public boolean weaker() {
        return false;
    }

    List<String> command(String verb, String name) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add(verb);
        command.addAll(attributes(name));
        return command;
    }

    private static List<String> attributes(String name) {
        return List.of("service", SERVICE, "account", name);
    }

    private Commands.Result run(List<String> command, byte[] stdin, String what) {
        try {
            return commands.run(command, stdin, TIMEOUT, true);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot " + what + " the Secret Service: " + e.getMessage());
        }
    }

    private static UserError failure(String what, String name, Commands.Result result) {
        String stderr = result.stderr().strip();
        return new UserError(UserError.Kind.OTHER, "secret-tool could not " + what + " '" + name + "' (exit "
                + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")) + ")",
                "unlock your keyring, or check that a Secret Service is running");
    }
}
