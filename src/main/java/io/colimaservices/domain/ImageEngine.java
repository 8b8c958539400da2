package io.colimaservices.domain;

import java.util.Optional;

/**
 * The Docker engine's images, as a pull needs them. Kept apart from {@link ContainerEngine} so that pulls (long
 * streams with their own deadlines) and containers evolve separately.
 */
public interface ImageEngine extends AutoCloseable {

    /** The address in use, for messages. */
    String host();

    /**
     * Whether the engine holds the image under this name.
     *
     * @throws UserError of kind {@link UserError.Kind#DOCKER_UNREACHABLE} naming the host when the engine cannot be
     *                   reached within its deadline
     */
    boolean isPresent(ImageReference image);

    /**
     * Starts one pull attempt on its own thread: every progress message goes to {@code listener}, then exactly one
     * {@link PullEnd}, unless the returned subscription is closed first (then nothing more is heard). The stream has
     * a connect deadline but no read deadline: the caller decides when silence means a stall.
     *
     * @param login sent to the engine for the registry; empty pulls without signing in
     */
    Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener);

    @Override
    void close();
}
