package io.colimaservices.domain;

import java.util.Locale;

/** The Colima VM's state; {@link #STARTING} and {@link #STOPPING} while the app drives a change. */
public enum VmPhase {
    UNKNOWN, NOT_INSTALLED, ABSENT, STOPPED, STARTING, RUNNING, STOPPING;

    /** {@code not-installed}, {@code running}, ... as the CLI prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
