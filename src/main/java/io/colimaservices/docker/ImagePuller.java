package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.PullEnd;
import io.colimaservices.domain.PullEvent;
import io.colimaservices.domain.PullListener;
import io.colimaservices.domain.RegistryLogin;
import io.colimaservices.domain.Subscription;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link ImageEngine} over docker-java: {@code pullImageCmd} with its progress callback. docker-java's
 * {@link PullResponseItem} keeps every field the engine sends for a pull (status, id, progressDetail's current and
 * total, error and errorDetail; checked against the raw stream of Docker 20.10), so the raw stream is not read here.
 * Registry logins go in the {@code X-Registry-Auth} header, built by docker-java from an {@link AuthConfig}.
 */
public final class ImagePuller implements ImageEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

    private final DockerHost host;
    private final DockerClient quick;
    private final DockerClient pulling;

    public ImagePuller(DockerHost host) {
        this.host = host;
        this.quick = DockerClients.quick(host);
        this.pulling = DockerClients.pulling(host);
    }

    @Override
    public String host() {
        return host.display();
    }

    @Override
    public boolean isPresent(ImageReference image) {
        try {
            quick.inspectImageCmd(image.canonical()).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        } catch (RuntimeException e) {
            if (DockerFailures.isTransport(e)) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "Docker unreachable at " + host.display()
                        + " (" + host.source() + "): " + DockerFailures.describe(e),
                        "start Colima (colima start) or pass --docker-host", e);
            }
            throw new UserError(UserError.Kind.OTHER, "Docker cannot inspect " + image + ": "
                    + DockerFailures.describe(e), "", e);
        }
    }

    @Override
    public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
        Callback callback = new Callback(image.toString(), listener);
        // Always with the tag (or digest): an empty tag would make the engine pull every tag of the repository.
        pulling.pullImageCmd(image.name())
                .withTag(image.reference())
                .withAuthConfig(login.map(ImagePuller::authConfig).orElse(null))
                .exec(callback);
        return callback::close;
    }

    static AuthConfig authConfig(RegistryLogin login) {
        AuthConfig auth = new AuthConfig().withRegistryAddress(login.serverAddress());
        if (!login.identityToken().isEmpty()) {
            return auth.withIdentityToken(login.identityToken());
        }
        return auth.withUsername(login.username()).withPassword(login.password());
    }

    /**
     * Turns docker-java's callback into one {@link PullEnd}. docker-java calls {@code onStart} only once the engine
     * answered 2xx, so a transport failure before it means the engine was not reached (or did not answer), and one
     * after it means the stream broke.
     */
    private static final class Callback implements ResultCallback<PullResponseItem> {
        private final String image;
        private final PullListener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Closeable stream;
        private volatile boolean started;

        Callback(String image, PullListener listener) {
            this.image = image;
            this.listener = listener;
        }

        @Override
        public void onStart(Closeable response) {
            stream = response;
            started = true;
            if (closed.get()) {
                closeQuietly(response);
            }
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (closed.get() || ended.get()) {
                return;
            }
            String error = errorOf(item);
            if (error != null) {
                end(new PullEnd.Refused(0, error));
                return;
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            listener.onEvent(PullEvent.fromEngine(image, item.getId(), item.getStatus(),
                    detail == null ? null : detail.getCurrent(), detail == null ? null : detail.getTotal()));
        }

        @Override
        public void onError(Throwable failure) {
            if (closed.get()) {
                return;
            }
            if (failure instanceof DockerException refused && refused.getHttpStatus() > 0) {
                end(new PullEnd.Refused(refused.getHttpStatus(), EngineMessages.of(refused)));
            } else if (!started && DockerFailures.isTransport(failure)) {
                end(new PullEnd.Unreachable(DockerFailures.describe(failure)));
            } else {
                LOG.debug("pull of {} broke", image, failure);
                end(new PullEnd.Broken(DockerFailures.describe(failure)));
            }
        }

        @Override
        public void onComplete() {
            end(new PullEnd.Finished());
        }

        private void end(PullEnd end) {
            if (!closed.get() && !ended.getAndSet(true)) {
                listener.onEnd(end);
            }
        }

        @Override
        public void close() {
            if (!closed.getAndSet(true)) {
                Closeable open = stream;
                if (open != null) {
                    closeQuietly(open);
                }
            }
        }

        private static String errorOf(PullResponseItem item) {
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                return item.getErrorDetail().getMessage();
            }
            return item.getError();
        }

        private static void closeQuietly(Closeable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a stream that already broke
            }
        }
    }

    @Override
    public void close() {
        for (Closeable c : new Closeable[] {quick, pulling}) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing docker client", e);
            }
        }
    }
}
