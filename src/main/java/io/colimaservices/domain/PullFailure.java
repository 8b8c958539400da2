package io.colimaservices.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a pull attempt did not bring the image, sorted into what the user can act on and what a new attempt can mend.
 *
 * @param message the engine's (or the registry's) own words, or what the app observed; never a secret (the engine
 *                does not echo credentials, and the app's own texts hold none)
 */
public record PullFailure(Kind kind, String message) {

    public enum Kind {
        /** The registry has no such repository or tag (or hides it without a login, as Docker Hub does). */
        NOT_FOUND(false),
        /** The image exists but not for the engine's OS and architecture. */
        WRONG_PLATFORM(false),
        /** The registry wants a login, or refused the one given. */
        UNAUTHORIZED(false),
        /** The registry's pull limit is reached: retrying at once would only use more of it. */
        RATE_LIMITED(false),
        NO_SPACE(false),
        /** The engine cannot read the name. */
        INVALID(false),
        /** The engine could not reach the registry, or lost it and gave up (after its own retries). */
        NETWORK(true),
        /** The app's stream from the engine broke or ended before the pull finished. */
        BROKEN(true),
        /** Nothing moved for longer than the run allows (the engine can wait on a dead connection for ever). */
        STALLED(true),
        /** The app cannot reach the Docker engine at all. */
        DOCKER_UNREACHABLE(false),
        OTHER(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    /** Go's io.EOF as a word ("Get ...: EOF"), not inside another word. */
    private static final Pattern EOF = Pattern.compile("\\beof\\b");

    public PullFailure {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message.strip();
    }

    /**
     * Sorts what the engine answered. The texts are the engine's and the registry's (moby's pull errors, the
     * distribution spec's error codes, Docker Hub's messages); the HTTP status only helps where the text says
     * nothing known, because the engine answers 500 for a refused login and 200 (then an error in the stream) for
     * a missing platform.
     *
     * @param httpStatus the status of the engine's answer, 0 for an error inside the progress stream
     */
    public static PullFailure classify(int httpStatus, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        Kind kind;
        if (has(text, "no matching manifest for", "does not match the specified platform",
                "image operating system", "cannot be used on this platform")) {
            kind = Kind.WRONG_PLATFORM;
        } else if (has(text, "toomanyrequests", "rate limit")) {
            kind = Kind.RATE_LIMITED;
        } else if (has(text, "manifest unknown", "name unknown", "repository does not exist", "pull access denied",
                "not found")) {
            kind = Kind.NOT_FOUND;
        } else if (has(text, "unauthorized", "no basic auth credentials", "authentication required", "denied",
                "incorrect username or password")) {
            kind = Kind.UNAUTHORIZED;
        } else if (has(text, "no space left on device")) {
            kind = Kind.NO_SPACE;
        } else if (has(text, "invalid reference format", "must be lowercase")) {
            kind = Kind.INVALID;
        } else if (has(text, "unexpected eof", "connection reset", "connection refused", "broken pipe", "i/o timeout",
                "timeout", "tls handshake", "no such host", "network is unreachable", "server misbehaving",
                "request canceled", "context canceled", "service unavailable", "bad gateway", "gateway timeout",
                "temporary failure", "http2:") || EOF.matcher(text).find()) {
            kind = Kind.NETWORK;
        } else if (httpStatus == 404) {
            kind = Kind.NOT_FOUND;
        } else {
            kind = Kind.OTHER;
        }
        return new PullFailure(kind, message);
    }

    private static boolean has(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** What happened, naming the image: the line a face shows. */
    public String describe(ImageReference image) {
        String what = switch (kind) {
            case NOT_FOUND -> "not found in " + image.registry() + " (no such image or tag)";
            case WRONG_PLATFORM -> "not published for this machine's platform";
            case UNAUTHORIZED -> image.registry() + " refused access";
            case RATE_LIMITED -> image.registry() + "'s pull rate limit is reached";
            case NO_SPACE -> "the engine's disk is full";
            case INVALID -> "not a valid image name";
            case NETWORK -> "the registry could not be reached";
            case BROKEN -> "the pull broke off";
            case STALLED -> "the pull stalled";
            case DOCKER_UNREACHABLE -> "the Docker engine cannot be reached";
            case OTHER -> "the engine refused the pull";
        };
        return image + ": " + what + (message.isEmpty() ? "" : " (" + message + ")");
    }

    /** What the user can do about it; empty when nothing useful can be said. */
    public String hint() {
        return switch (kind) {
            case NOT_FOUND -> "check the image name and tag in the compose file (a private image needs docker login)";
            case WRONG_PLATFORM -> "pick a tag published for this architecture, or set platform: in the compose file";
            case UNAUTHORIZED -> "sign in with docker login (the app reads the docker CLI's credentials)";
            case RATE_LIMITED -> "sign in with docker login (signed-in users get a higher limit) or wait";
            case NO_SPACE -> "free space in the VM (docker image prune) or give it a larger disk";
            case NETWORK, BROKEN, STALLED -> "check the network (and a proxy or VPN), then pull again";
            case DOCKER_UNREACHABLE -> "start Colima (colima start), or point --docker-host at a running engine";
            case INVALID, OTHER -> "";
        };
    }
}
