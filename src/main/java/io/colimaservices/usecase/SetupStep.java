package io.colimaservices.usecase;

import java.util.Objects;

/**
 * One step of the setup checklist as a live check found it.
 *
 * @param id       {@code colima}, {@code vm}, ... {@code tier} (the JSON's ids)
 * @param detail   one line: what the check found
 * @param action   what moves it on: the command to run, or what setup does
 * @param optional optional steps (the CA) never keep "Finish setup" in the menu, and their failure does not stop
 *                 a run
 */
public record SetupStep(String id, String title, SetupState state, String detail, String action, boolean optional) {
    public SetupStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(action, "action");
    }

    /** A required step that is neither done nor skipped: setup is not finished while one is left. */
    public boolean keepsSetupOpen() {
        return !optional && !state.settled();
    }

    public SetupStep with(SetupState newState, String newDetail) {
        return new SetupStep(id, title, newState, newDetail, action, optional);
    }
}
