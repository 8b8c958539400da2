package io.colimaservices.domain;

import java.util.function.Consumer;

/**
 * Creates (and starts) a compose service's container when none exists yet, the way the compose CLI would, one
 * service at a time and without its dependencies: the app keeps the ordering and the progress itself.
 */
public interface ServiceProvisioner {

    /**
     * @param output receives the tool's output lines as they come
     * @throws UserError when the tool fails, naming the service and the tool's last words
     */
    void create(String service, Consumer<String> output);
}
