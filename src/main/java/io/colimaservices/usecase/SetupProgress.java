package io.colimaservices.usecase;

/** What a setup run reports as it goes, for both faces (the CLI prints lines, the page updates its rows). */
public sealed interface SetupProgress {
    /** A step's action starts: the step in state {@code running}. */
    record Started(SetupStep step) implements SetupProgress {
    }

    /** A line of the running step's work (a service started, a bootstrap step, an image pulled). */
    record Line(String stepId, String text) implements SetupProgress {
    }

    /** A step as the check found it after its action (or without one: done, skipped, blocked). */
    record Checked(SetupStep step, boolean acted) implements SetupProgress {
    }
}
