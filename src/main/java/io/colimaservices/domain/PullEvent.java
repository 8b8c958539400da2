package io.colimaservices.domain;

import java.util.Objects;

/**
 * One progress message of an image pull, as the engine sends it ({@code {"status":"Downloading","id":"91e0a1a95f12",
 * "progressDetail":{"current":557056,"total":67129563}}}), with nothing read into it yet.
 *
 * @param image   the image as written in the compose file
 * @param layer   the layer's short id; empty for messages about the whole image ({@code Pulling from ...},
 *                {@code Digest: ...}, {@code Status: ...}), where the engine puts the tag or nothing in that field
 * @param current bytes done in the layer's current step, {@link #NONE} when not sent
 * @param total   bytes of that step, {@link #NONE} when not sent
 */
public record PullEvent(String image, String layer, String status, long current, long total) {
    public static final long NONE = -1;

    public PullEvent {
        Objects.requireNonNull(image, "image");
        layer = layer == null ? "" : layer;
        status = status == null ? "" : status;
    }

    /** Reads the engine's fields: an {@code id} on an image-wide message is the tag, not a layer. */
    public static PullEvent fromEngine(String image, String id, String status, Long current, Long total) {
        String text = status == null ? "" : status;
        boolean imageWide = id == null || text.startsWith("Pulling from ") || text.startsWith("Digest: ")
                || text.startsWith("Status: ");
        return new PullEvent(image, imageWide ? "" : id, text, current == null ? NONE : current,
                total == null || total <= 0 ? NONE : total);
    }

    public boolean isLayer() {
        return !layer.isEmpty();
    }
}
