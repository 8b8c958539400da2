package io.colimaservices.domain;

import java.util.Locale;

/** The one action that fixes a {@link SocketCondition}; the UI binds a button to the id. */
public enum SocketFix {
    NONE,
    INSTALL_COLIMA,
    START_VM,
    RESTART_VM,
    FIX_DOCKER_HOST,
    USE_COLIMA_CONTEXT;

    /** {@code restart-vm}, ... : the id a UI binds its button to. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
