package io.colimaservices.settings;

import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Launch at login on macOS: a LaunchAgent plist in {@code ~/Library/LaunchAgents} that runs the app once when the
 * user's GUI session starts ({@code RunAtLoad}, {@code LimitLoadToSessionType Aqua}), as an interactive process,
 * and never again by itself (no {@code KeepAlive}: quitting the app keeps it quit).
 * <p>Deliberately not {@code launchctl bootstrap} on install nor {@code bootout} on removal: bootstrap with
 * {@code RunAtLoad} would start a second copy right now, and bootout stops the job's process, which is this app
 * when launchd started it. The file alone decides the next login; {@code launchctl enable} only clears an earlier
 * "disabled" override. macOS 13 and later show a "Background Items Added" notice when the file appears.
 */
public final class LaunchAgentLoginItem implements LoginItem {
    public static final String LABEL = "io.colimaservices.app";
    private static final Logger LOG = LoggerFactory.getLogger(LaunchAgentLoginItem.class);

    private final Path plist;
    private final Supplier<Optional<LaunchCommand>> command;
    private final Launchctl launchctl;

    public LaunchAgentLoginItem(Path home, Supplier<Optional<LaunchCommand>> command, Launchctl launchctl) {
        this.plist = home.resolve("Library/LaunchAgents").resolve(LABEL + ".plist");
        this.command = command;
        this.launchctl = launchctl;
    }

    @Override
    public Path location() {
        return plist;
    }

    @Override
    public boolean isInstalled() {
        return Files.isRegularFile(plist);
    }

    @Override
    public void install() {
        LaunchCommand launch = command.get().orElseThrow(LoginItems::noLaunchCommand);
        try {
            AtomicFiles.write(plist, plist(launch));
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot write " + plist + ": " + e.getMessage(),
                    "check that " + plist.getParent() + " is writable", e);
        }
        String problem = launchctl.enable(LABEL);
        if (!problem.isEmpty()) {
            // The plist is what counts at login; the override only matters after a manual launchctl disable.
            LOG.warn("launch at login: {}", problem);
        }
    }

    @Override
    public void remove() {
        try {
            Files.deleteIfExists(plist);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot remove " + plist + ": " + e.getMessage(),
                    "remove it by hand", e);
        }
    }

    static String plist(LaunchCommand launch) {
        StringBuilder arguments = new StringBuilder();
        for (String argument : launch.arguments()) {
            arguments.append("    <string>").append(xml(argument)).append("</string>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                %s  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                  <key>LimitLoadToSessionType</key>
                  <string>Aqua</string>
                </dict>
                </plist>
                """.formatted(LABEL, arguments);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
