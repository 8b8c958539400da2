package io.colimaservices.platform;

import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clipboard through the platform's command-line tools, for the CLI (no UI toolkit): pbcopy/pbpaste on macOS;
 * on Linux wl-copy/wl-paste under Wayland, xclip or xsel under X11. Text goes in on stdin and comes out on stdout.
 */
public final class CommandClipboard implements ClipboardService {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One tool set: how to copy (stdin), paste (stdout) and clear. */
    record Tool(String name, List<String> copy, List<String> paste, List<String> clear) {
    }

    private final Commands commands;
    private final Tool tool;

    private CommandClipboard(Commands commands, Tool tool) {
        this.commands = commands;
        this.tool = tool;
    }

    /** The first tool set available here; empty when there is none (a headless Linux box). */
    public static Optional<CommandClipboard> find(String osName, Commands commands) {
        for (Tool tool : candidates(osName, commands)) {
            Optional<Path> copy = commands.find(tool.copy().getFirst());
            Optional<Path> paste = commands.find(tool.paste().getFirst());
            if (copy.isPresent() && paste.isPresent()) {
                return Optional.of(new CommandClipboard(commands, resolve(tool, copy.get(), paste.get())));
            }
        }
        return Optional.empty();
    }

    static List<Tool> candidates(String osName, Commands commands) {
        List<Tool> tools = new ArrayList<>();
        if (osName.toLowerCase(Locale.ROOT).contains("mac")) {
            tools.add(new Tool("pbcopy", List.of("pbcopy"), List.of("pbpaste"), List.of("pbcopy")));
            return tools;
        }
        if (!commands.environment().getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            tools.add(new Tool("wl-copy", List.of("wl-copy"), List.of("wl-paste", "--no-newline"),
                    List.of("wl-copy", "--clear")));
        }
        if (!commands.environment().getOrDefault("DISPLAY", "").isBlank()) {
            tools.add(new Tool("xclip", List.of("xclip", "-selection", "clipboard", "-in"),
                    List.of("xclip", "-selection", "clipboard", "-out"),
                    List.of("xclip", "-selection", "clipboard", "-in")));
            tools.add(new Tool("xsel", List.of("xsel", "--clipboard", "--input"),
                    List.of("xsel", "--clipboard", "--output"), List.of("xsel", "--clipboard", "--clear")));
        }
        return tools;
    }

    private static Tool resolve(Tool tool, Path copy, Path paste) {
        return new Tool(tool.name(), withExecutable(tool.copy(), copy), withExecutable(tool.paste(), paste),
                withExecutable(tool.clear(), copy));
    }

    private static List<String> withExecutable(List<String> command, Path executable) {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable.toString());
        return resolved;
    }

    @Override
    public void put(String text) {
        // xclip and wl-copy leave a process behind that serves the clipboard: do not capture its output.
        run(tool.copy(), text.getBytes(StandardCharsets.UTF_8), false, "copy to");
    }

    @Override
    public Optional<String> read() {
        Commands.Result result = run(tool.paste(), null, true, "read");
        return result.exitCode() == 0 ? Optional.of(result.stdoutText()) : Optional.empty();
    }

    @Override
    public void clear() {
        // pbcopy and "xclip -in" clear by copying nothing; wl-copy and xsel have --clear.
        byte[] empty = tool.clear().size() == tool.copy().size() && tool.clear().equals(tool.copy()) ? new byte[0]
                : null;
        run(tool.clear(), empty, false, "clear");
    }

    @Override
    public String description() {
        return tool.name();
    }

    private Commands.Result run(List<String> command, byte[] stdin, boolean capture, String what) {
        try {
            return commands.run(command, stdin, TIMEOUT, capture);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot " + what + " the clipboard with " + tool.name() + ": "
                    + e.getMessage());
        }
    }
}
