package io.colimaservices.platform;

import io.colimaservices.domain.ClipboardGuard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The CLI's clipboard clearer: a small detached process, so {@code creds --copy} returns at once instead of
 * sitting for 30 seconds. Arguments: the deadline in epoch milliseconds. On stdin: the SHA-256 (hex) of what was
 * copied, never the value, and never on a command line where {@code ps} would show it. It waits by the wall
 * clock (a laptop that slept past the deadline clears on wake), then clears the clipboard only if it still holds
 * that value.
 */
public final class ClipboardClearer {
    /** A deadline further out than this is a mistake: the clearer will not linger for days. */
    static final long MAX_WAIT_MILLIS = 24L * 60 * 60 * 1000;

    private ClipboardClearer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.exit(2);
        }
        long deadline = Long.parseLong(args[0]);
        String hex = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (hex == null || deadline - System.currentTimeMillis() > MAX_WAIT_MILLIS) {
            System.exit(2);
        }
        byte[] sha256 = HexFormat.of().parseHex(hex.strip());
        waitUntil(deadline);
        Optional<CommandClipboard> clipboard = CommandClipboard.find(System.getProperty("os.name", ""),
                new Commands(System.getenv()));
        clipboard.ifPresent(c -> ClipboardGuard.clearIfStillHolds(c, sha256));
        System.exit(0);
    }

    /** Sleeps in short steps, re-reading the wall clock each time, so a sleep of the machine does not stretch it. */
    static void waitUntil(long deadlineMillis) {
        long left;
        while ((left = deadlineMillis - System.currentTimeMillis()) > 0) {
            try {
                Thread.sleep(Math.min(left, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
