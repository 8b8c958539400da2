package io.colimaservices.domain;

/** Opens an address in the user's browser, and says when it could not (so the face can offer to copy it). */
public interface UrlOpener {
    /** @param message why nothing opened; empty when it did */
    record Outcome(boolean opened, String message) {
    }

    Outcome open(String url);
}
