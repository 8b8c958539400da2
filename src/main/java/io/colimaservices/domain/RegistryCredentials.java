package io.colimaservices.domain;

import java.util.Optional;

/**
 * Where the user's registry logins live (the docker CLI's configuration and its credential helpers). A lookup never
 * throws: a helper that is missing, fails or outlives its deadline is a {@code problem}, and the pull goes on
 * without signing in, since public images need no login.
 */
public interface RegistryCredentials {

    /**
     * @param registry {@code docker.io} or {@code host[:port]}, as {@link ImageReference#registry()} gives it
     */
    Lookup lookup(String registry);

    /**
     * @param source  where the login came from, for a note ("credential helper docker-credential-osxkeychain");
     *                empty when there is none
     * @param problem why a login that should exist could not be read; never holds a secret
     */
    record Lookup(Optional<RegistryLogin> login, String source, Optional<String> problem) {
        public static Lookup none() {
            return new Lookup(Optional.empty(), "", Optional.empty());
        }

        public static Lookup failed(String problem) {
            return new Lookup(Optional.empty(), "", Optional.of(problem));
        }

        public static Lookup found(RegistryLogin login, String source) {
            return new Lookup(Optional.of(login), source, Optional.empty());
        }
    }
}
