package io.colimaservices.cli;

import io.colimaservices.domain.UserError;

/** The command line's exit codes, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE_OR_CONFIG = 2;
    public static final int DOCKER_UNREACHABLE = 3;
    public static final int SERVICE_FAILED = 4;
    public static final int VAULT = 5;
    public static final int VM = 6;
    /** A backup, verify or restore failed, naming the service and the file. */
    public static final int BACKUP = 7;
    /** 128 + SIGINT, as shells report an interrupted command. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(UserError.Kind kind) {
        return switch (kind) {
            case CONFIGURATION -> USAGE_OR_CONFIG;
            case DOCKER_UNREACHABLE -> DOCKER_UNREACHABLE;
            case SERVICE_FAILED -> SERVICE_FAILED;
            case VAULT -> VAULT;
            case VM -> VM;
            case BACKUP -> BACKUP;
            case OTHER -> FAILURE;
        };
    }
}
