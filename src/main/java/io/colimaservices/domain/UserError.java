package io.colimaservices.domain;

import java.util.Objects;

/**
 * A failure the user can act on: a message that says what went wrong (naming the file, host or service) and,
 * where there is one, the action that fixes it. Faces map the {@link Kind} to an exit code or a banner in one
 * place each; a UserError is never shown as a stack trace. Messages never carry a secret.
 */
public class UserError extends RuntimeException {

    public enum Kind {
        /** Bad command-line usage or bad configuration (compose file, settings). */
        CONFIGURATION,
        /** The Docker engine cannot be reached. */
        DOCKER_UNREACHABLE,
        /** A service failed to start, or did not become ready in time. */
        SERVICE_FAILED,
        /** Vault refused, is sealed, or cannot be reached. */
        VAULT,
        /** The Colima VM or its tool failed. */
        VM,
        /** A backup, verify or restore failed (the message names the service and the file). */
        BACKUP,
        /** Anything else the user should read. */
        OTHER
    }

    private final Kind kind;
    private final String hint;

    public UserError(Kind kind, String message) {
        this(kind, message, "", null);
    }

    public UserError(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public UserError(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.hint = hint == null ? "" : hint;
    }

    public Kind kind() {
        return kind;
    }

    public String hint() {
        return hint;
    }

    /** The message followed by the hint, as one line or two. */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + "hint: " + hint;
    }
}
