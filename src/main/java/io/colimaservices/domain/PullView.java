package io.colimaservices.domain;

import java.util.List;

/** A pull run at one instant: one line per image (in plan order) and the totals. Immutable. */
public record PullView(List<ImagePullView> images, PullTotals totals) {
    public PullView {
        images = List.copyOf(images);
    }
}
