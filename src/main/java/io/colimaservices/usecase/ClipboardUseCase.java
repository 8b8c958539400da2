package io.colimaservices.usecase;

import io.colimaservices.domain.ClipboardGuard;
import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.UserError;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command line's copy of a secret: onto the system clipboard through the desktop's tool, with a clearer left
 * behind that empties it after the delay if it still holds the value (the command returns at once). The app copies
 * through its own toolkit's clipboard instead (ui/common/ClipboardKeeper).
 */
public final class ClipboardUseCase {
    private final Supplier<Optional<ClipboardService>> clipboard;
    private final Consumer<ClipboardGuard.Pending> clearLater;
    private final Clock clock;

    /** @param clearLater starts what clears the clipboard once the pending copy's time is up */
    public ClipboardUseCase(Supplier<Optional<ClipboardService>> clipboard, Consumer<ClipboardGuard.Pending> clearLater,
                            Clock clock) {
        this.clipboard = clipboard;
        this.clearLater = clearLater;
        this.clock = clock;
    }

    /**
     * Copies {@code secret}; returns the tool used, for the user.
     *
     * @throws UserError when no clipboard tool is there, or the delay is shorter than a second
     */
    public String copy(String secret, Duration clearAfter) {
        if (clearAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new UserError(UserError.Kind.CONFIGURATION, "--clear-after must be at least 1 second");
        }
        ClipboardService tool = clipboard.get().orElseThrow(() -> new UserError(UserError.Kind.OTHER,
                "no clipboard tool found", "on Linux install wl-clipboard, xclip or xsel (and run in a desktop "
                + "session); or drop --copy to print"));
        clearLater.accept(new ClipboardGuard(tool, clock).copy(secret, clearAfter));
        return tool.description();
    }
}
