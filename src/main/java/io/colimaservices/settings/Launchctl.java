package io.colimaservices.settings;

/** The part of {@code launchctl} a login item needs; macOS only. */
public interface Launchctl {

    /**
     * Clears a "disabled" override for the user's agent {@code label} ({@code launchctl enable gui/<uid>/<label>}),
     * so that it loads at the next login. Does not start it now.
     *
     * @return what went wrong, for a log line; empty when it worked
     */
    String enable(String label);
}
