package io.colimaservices.platform;

import io.colimaservices.domain.ShellQuoting;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.TerminalLauncher;
import io.colimaservices.domain.UserError;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens the user's terminal on a command line. The command goes into a small script (mode 0700, in the user's
 * temporary folder, deleted by itself as it starts; it holds a command line, never a secret) because terminals
 * disagree on how they take a command, but all of them run a program: on macOS the terminal chosen in the settings
 * (Terminal and iTerm2 open the script as a {@code .command} file; Ghostty, WezTerm, kitty and Alacritty run it
 * from their app bundle's command-line program; Warp through a launch configuration and its {@code warp://} link);
 * on Linux {@code $TERMINAL}, else {@code x-terminal-emulator}, with {@code -e SCRIPT}, which all of Debian's
 * terminal alternatives accept. The macOS paths are verified only on a Mac.
 */
public final class DesktopTerminal implements TerminalLauncher {
    /** Starts a process that may outlive the app; how long it is watched for an early failure. */
    interface Starter {
        /** @return the exit code if it ended within the watch, else empty (still running: a terminal window) */
        Optional<Integer> start(List<String> command) throws IOException;
    }

    private final boolean macOs;
    private final Map<String, String> environment;
    private final TerminalApp choice;
    private final Path home;
    private final List<Path> applicationFolders;
    private final Path scriptFolder;
    private final Starter starter;

    DesktopTerminal(boolean macOs, Map<String, String> environment, TerminalApp choice, Path home,
                    List<Path> applicationFolders, Path scriptFolder, Starter starter) {
        this.macOs = macOs;
        this.environment = Map.copyOf(environment);
        this.choice = choice;
        this.home = home;
        this.applicationFolders = List.copyOf(applicationFolders);
        this.scriptFolder = scriptFolder;
        this.starter = starter;
    }

    /** The terminal of this desktop: {@code choice} on macOS, the desktop's on Linux. */
    public static DesktopTerminal forSystem(boolean macOs, Map<String, String> environment, Path home,
                                            TerminalApp choice) {
        List<Path> folders = List.of(Path.of("/Applications"), home.resolve("Applications"),
                Path.of("/Applications/Utilities"), Path.of("/System/Applications/Utilities"));
        return new DesktopTerminal(macOs, environment, choice, home, folders,
                Path.of(System.getProperty("java.io.tmpdir")), command -> startDetached(command, environment));
    }

    @Override
    public void open(String title, List<String> command) {
        Path script = script(title, command);
        List<String> full;
        try {
            full = macOs ? macCommand(script.toString()) : linuxCommand(script.toString());
        } catch (UserError e) {
            deleteQuietly(script);
            throw e;
        }
        try {
            Optional<Integer> exit = starter.start(full);
            if (exit.isPresent() && exit.get() != 0) {
                Files.deleteIfExists(script);
                throw new UserError(UserError.Kind.OTHER, name() + " did not open (" + full.getFirst()
                        + " exited with " + exit.get() + ")", "");
            }
        } catch (IOException e) {
            deleteQuietly(script);
            throw new UserError(UserError.Kind.OTHER, name() + " could not be started: " + e.getMessage(), "", e);
        }
    }

    private String name() {
        return macOs ? choice.displayName() : "the terminal";
    }

    private List<String> macCommand(String script) {
        Path bundle = bundle(switch (choice) {
            case TERMINAL -> "Terminal.app";
            case ITERM2 -> "iTerm.app";
            case GHOSTTY -> "Ghostty.app";
            case WEZTERM -> "WezTerm.app";
            case KITTY -> "kitty.app";
            case ALACRITTY -> "Alacritty.app";
            case WARP -> "Warp.app";
        });
        String program = bundle.resolve("Contents/MacOS").toString();
        return switch (choice) {
            case TERMINAL, ITERM2 -> List.of("open", "-a", bundle.toString(), script);
            case GHOSTTY -> List.of(program + "/ghostty", "--command=" + script);
            case WEZTERM -> List.of(program + "/wezterm", "start", "--", script);
            case KITTY -> List.of(program + "/kitty", script);
            case ALACRITTY -> List.of(program + "/alacritty", "-e", script);
            case WARP -> List.of("open", "warp://launch/" + warpLaunchConfiguration(script));
        };
    }

    private Path bundle(String name) {
        for (Path folder : applicationFolders) {
            Path bundle = folder.resolve(name);
            if (Files.isDirectory(bundle)) {
                return bundle;
            }
        }
        throw new UserError(UserError.Kind.CONFIGURATION, choice.displayName() + " is not installed (no " + name
                + " in " + String.join(", ", applicationFolders.stream().map(Path::toString).toList()) + ")",
                "choose another terminal in Preferences");
    }

    /**
     * Warp runs commands only from a launch configuration: one of ours, in Warp's folder for them, rewritten for
     * every shell (the script it names deletes itself).
     */
    private String warpLaunchConfiguration(String script) {
        String file = "colima-services-shell.yaml";
        Path folder = home.resolve(".warp/launch_configurations");
        String yaml = "---\nname: Colima Services shell\nwindows:\n  - tabs:\n      - layout:\n"
                + "          cwd: " + ShellQuoting.quote(home.toString()) + "\n"
                + "          commands:\n            - exec: " + ShellQuoting.quote(script) + "\n";
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(file), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write Warp's launch configuration in " + folder + ": "
                    + e.getMessage(), "", e);
        }
        return file;
    }

    private List<String> linuxCommand(String script) {
        String chosen = environment.getOrDefault("TERMINAL", "").strip();
        Commands commands = new Commands(environment);
        Optional<Path> terminal = chosen.isEmpty()
                ? commands.find("x-terminal-emulator")
                : chosen.contains(File.separator) ? Optional.of(Path.of(chosen)).filter(Files::isExecutable)
                : commands.find(chosen);
        if (terminal.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, chosen.isEmpty()
                    ? "no terminal found: TERMINAL is not set and x-terminal-emulator is not on PATH"
                    : "the terminal '" + chosen + "' (TERMINAL) is not an executable on PATH",
                    "set TERMINAL to your terminal program");
        }
        return List.of(terminal.get().toString(), "-e", script);
    }

    /** A script that deletes itself, names the window, then becomes the command. */
    private Path script(String title, List<String> command) {
        try {
            Path script = Files.createTempFile(scriptFolder, "colima-services-shell-", ".command",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String text = "#!/bin/sh\n"
                    + "rm -f -- \"$0\"\n"
                    + "printf '\\033]0;%s\\007' " + ShellQuoting.quote(title) + "\n"
                    + "exec " + ShellQuoting.join(command) + "\n";
            Files.writeString(script, text, StandardCharsets.UTF_8);
            return script;
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write the terminal's script in " + scriptFolder + ": "
                    + e.getMessage(), "", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover script deletes itself when run, and holds no secret
        }
    }

    /** Started with the app's environment, detached from its streams; watched for two seconds. */
    static Optional<Integer> startDetached(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
