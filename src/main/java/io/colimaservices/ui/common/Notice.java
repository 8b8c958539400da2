package io.colimaservices.ui.common;

import io.colimaservices.domain.UserError;

import java.util.Objects;

/**
 * A message a page shows in its message area: a tone (AtlantaFX accent, success, warning, danger), a title and a
 * detail line. Built from results and {@link UserError}s; never from a secret, never a stack trace.
 */
public record Notice(Tone tone, String title, String detail) {

    public enum Tone { INFO, SUCCESS, WARNING, DANGER }

    public Notice {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }

    public static Notice info(String title, String detail) {
        return new Notice(Tone.INFO, title, detail);
    }

    public static Notice success(String title, String detail) {
        return new Notice(Tone.SUCCESS, title, detail);
    }

    public static Notice warning(String title, String detail) {
        return new Notice(Tone.WARNING, title, detail);
    }

    public static Notice danger(String title, String detail) {
        return new Notice(Tone.DANGER, title, detail);
    }

    /**
     * A failure as the user reads it: a {@link UserError}'s message and hint, or for anything else only its type
     * (an unexpected exception's message may quote what it was handling).
     */
    public static Notice failure(String title, RuntimeException e) {
        if (e instanceof UserError error) {
            return danger(title, error.getMessage() + (error.hint().isEmpty() ? "" : "\nHint: " + error.hint()));
        }
        return danger(title, "Unexpected " + e.getClass().getSimpleName() + "; the app log has the details.");
    }
}
