package io.colimaservices.cli;

import io.colimaservices.domain.ImagePullView;
import io.colimaservices.domain.PullFailure;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.PullRun;
import io.colimaservices.domain.UserError;

import java.util.List;

/** How {@code pull} shows a run: each step as it comes, the run's state at a pace of its own, a summary. */
interface PullOutput extends AutoCloseable {

    /** One step of the run; called one at a time, on the run's threads. */
    void accept(PullProgress progress);

    /** Starts showing the run's aggregated state (a live display redraws it); returns at once. */
    void follow(PullRun run);

    /** Stops following; prints nothing more about progress. */
    @Override
    void close();

    void summary(PullResult result);

    /** The error that ends {@code pull} when images are missing: each image named, with why. */
    static UserError failure(PullResult result) {
        List<ImagePullView> failed = result.failed();
        StringBuilder message = new StringBuilder();
        if (failed.isEmpty()) {
            message.append("the pull was cancelled");
        } else if (failed.size() == 1) {
            message.append("cannot pull ").append(describe(failed.getFirst()));
        } else {
            message.append("cannot pull ").append(failed.size()).append(" images:");
            failed.forEach(image -> message.append(System.lineSeparator()).append("  ").append(describe(image)));
        }
        String hint = failed.stream().flatMap(i -> i.failure().stream()).map(PullFailure::hint)
                .filter(h -> !h.isEmpty()).findFirst().orElse("");
        return new UserError(UserError.Kind.SERVICE_FAILED, message.toString(), hint);
    }

    private static String describe(ImagePullView image) {
        String services = " [" + String.join(", ", image.services()) + "]";
        return image.failure().map(f -> f.describe(image.image())).orElse(image.image() + ": failed") + services;
    }
}
