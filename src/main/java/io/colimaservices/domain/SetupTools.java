package io.colimaservices.domain;

import java.util.Optional;

/**
 * The command-line tools the setup checklist looks for on this computer: the docker CLI (Colima needs it, and the
 * compose CLI runs through it) and a compose CLI that answers. Never throws; each look has a short deadline.
 */
public interface SetupTools {
    /** Where the docker CLI is, when it is installed. */
    Optional<String> dockerCli();

    /** The compose CLI that answers, as its version line ("docker-compose version 1.29.2, ..."), when one does. */
    Optional<String> composeCli();
}
