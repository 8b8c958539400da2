package io.colimaservices.usecase;

import java.util.Locale;

/** Where one setup step stands, as both faces show it ({@code setup status}, the Setup page). */
public enum SetupState {
    /** The live check found it done. */
    DONE,
    /** Not done; its action does it. */
    TODO,
    /** Its action runs now. */
    RUNNING,
    /** Its action ran and did not bring it to done, or the check found it broken. */
    FAILED,
    /** Waits for an earlier step. */
    BLOCKED,
    /** Does not apply here (the reason says why). */
    SKIPPED;

    /** {@code done}, {@code todo}, ... as the JSON and the page show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Nothing left to do for it. */
    public boolean settled() {
        return this == DONE || this == SKIPPED;
    }
}
