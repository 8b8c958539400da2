package io.colimaservices.domain;

import java.util.List;
import java.util.Optional;

/** How a pull run ended: one outcome per planned image, plus the services skipped. */
public record PullResult(List<ImagePullView> images, List<PullPlan.SkippedService> skipped) {
    public PullResult {
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
    }

    /** Every image is there (pulled, or present before). */
    public boolean succeeded() {
        return images.stream().allMatch(i -> i.state() == ImagePullState.PULLED
                || i.state() == ImagePullState.PRESENT);
    }

    public List<ImagePullView> failed() {
        return images.stream().filter(i -> i.state() == ImagePullState.FAILED).toList();
    }

    public long count(ImagePullState state) {
        return images.stream().filter(i -> i.state() == state).count();
    }

    /** The first failure that means the engine itself is out of reach (then nothing else could work). */
    public Optional<PullFailure> engineUnreachable() {
        return failed().stream().flatMap(i -> i.failure().stream())
                .filter(f -> f.kind() == PullFailure.Kind.DOCKER_UNREACHABLE).findFirst();
    }
}
