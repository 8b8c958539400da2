package io.colimaservices.domain;

import java.util.Objects;

/**
 * An image as a compose file names it ({@code postgres:17.6}, {@code grafana/loki:3.5.1},
 * {@code codeberg.org/forgejo/forgejo:11}, {@code 127.0.0.1:5000/team/api@sha256:...}), split the way Docker
 * splits it: the first path part is a registry when it holds a dot or a colon or is {@code localhost}, otherwise the
 * image lives on Docker Hub ({@code docker.io}, where a one-part name gets {@code library/}); no tag means
 * {@code latest}. Parsing is lenient on purpose: the engine is the judge of what is valid and says so in its own
 * words, which the pull reports.
 *
 * @param written    the text as the compose file has it, for messages
 * @param registry   {@code docker.io} or {@code host[:port]}
 * @param repository the path inside the registry, e.g. {@code library/postgres}
 * @param tag        the tag; empty when the image is named by digest
 * @param digest     e.g. {@code sha256:...}; empty when named by tag
 */
public record ImageReference(String written, String registry, String repository, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";

    public ImageReference {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    public static ImageReference parse(String text) {
        String written = text.strip();
        if (written.isEmpty()) {
            throw new IllegalArgumentException("an image reference cannot be empty");
        }
        String name = written;
        String digest = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String tag = "";
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = "latest";
        }
        String registry = DOCKER_HUB;
        String repository = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
                repository = name.substring(slash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        return new ImageReference(written, registry, repository, tag, digest);
    }

    /** The name without tag or digest, registry included: what the engine's pull is asked for. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The tag, or the digest when the image is named by digest. */
    public String reference() {
        return digest.isEmpty() ? tag : digest;
    }

    /** One spelling per image, so that {@code postgres:17} and {@code docker.io/library/postgres:17} are one pull. */
    public String canonical() {
        return digest.isEmpty() ? name() + ":" + tag : name() + "@" + digest;
    }

    public boolean onDockerHub() {
        return registry.equals(DOCKER_HUB);
    }

    @Override
    public String toString() {
        return written;
    }
}
