package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;

/**
 * What a pull run tells its face as it goes, one value at a time, in order per image. The engine's own progress
 * messages come as {@link Progress}; the rest mark the run's steps. {@link #describe()} is the plain-text line.
 */
public sealed interface PullProgress {

    String describe();

    /** A service with nothing to pull ({@code build:}, or no image). */
    record Skipped(String service, String reason) implements PullProgress {
        @Override
        public String describe() {
            return service + ": skipped, " + reason;
        }
    }

    /** Something the user should know that is not an image's outcome (a credential helper that failed). */
    record Note(String text) implements PullProgress {
        @Override
        public String describe() {
            return text;
        }
    }

    record Present(ImageReference image, List<String> services) implements PullProgress {
        @Override
        public String describe() {
            return image + ": already present, not pulled";
        }
    }

    record Started(ImageReference image, int attempt, int attempts) implements PullProgress {
        @Override
        public String describe() {
            return image + ": pulling" + (attempt > 1 ? " (attempt " + attempt + " of " + attempts + ")" : "");
        }
    }

    record Progress(PullEvent event) implements PullProgress {
        @Override
        public String describe() {
            return event.image() + (event.isLayer() ? " " + event.layer() : "") + ": " + event.status()
                    + (event.total() > 0 ? " " + PullText.bytes(event.current()) + "/" + PullText.bytes(event.total())
                    : "");
        }
    }

    record Retrying(ImageReference image, int nextAttempt, int attempts, Duration delay, PullFailure cause)
            implements PullProgress {
        @Override
        public String describe() {
            return cause.describe(image) + "; retrying in " + PullText.duration(delay) + " (attempt " + nextAttempt
                    + " of " + attempts + ")";
        }
    }

    record Pulled(ImageReference image, long bytes, Duration took) implements PullProgress {
        @Override
        public String describe() {
            return image + ": pulled " + PullText.bytes(bytes) + " in " + PullText.duration(took);
        }
    }

    record Failed(ImageReference image, List<String> services, PullFailure failure) implements PullProgress {
        @Override
        public String describe() {
            return "FAILED " + failure.describe(image) + " [" + String.join(", ", services) + "]";
        }
    }

    record Cancelled(ImageReference image) implements PullProgress {
        @Override
        public String describe() {
            return image + ": cancelled";
        }
    }
}
