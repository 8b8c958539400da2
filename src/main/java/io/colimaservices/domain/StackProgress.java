package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What a long stack action is doing, as both faces show it: "waiting for vault", "vault healthy after 4.2 s". */
public sealed interface StackProgress {

    /** The service concerned; empty for whole-action messages. */
    String service();

    /** One line for a person. */
    String describe();

    record Creating(String service) implements StackProgress {
        public String describe() {
            return "creating " + service + " (compose pulls its image if needed)";
        }
    }

    /** A line the compose CLI printed while creating a service. */
    record ToolOutput(String service, String line) implements StackProgress {
        public String describe() {
            return service + ": " + line;
        }
    }

    /** Something the app did for a service on the way (armed the agent, unsealed Vault). */
    record Note(String service, String text) implements StackProgress {
        public String describe() {
            return service + ": " + text;
        }
    }

    record Starting(String service) implements StackProgress {
        public String describe() {
            return "starting " + service;
        }
    }

    /** Restarted because of what the start found (an agent that rendered nothing, a service waiting for secrets). */
    record Restarting(String service, String reason) implements StackProgress {
        public String describe() {
            return "restarting " + service + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    record AlreadyUp(String service) implements StackProgress {
        public String describe() {
            return service + " already up";
        }
    }

    record Waiting(String service, String condition) implements StackProgress {
        public String describe() {
            return "waiting for " + service + " to be " + condition;
        }
    }

    record Ready(String service, String condition, Duration after) implements StackProgress {
        public String describe() {
            return service + " " + condition + " after " + seconds(after);
        }
    }

    record Failed(String service, String reason, Optional<String> healthOutput, OptionalInt exitCode,
                  List<String> lastLogLines) implements StackProgress {
        public Failed {
            lastLogLines = List.copyOf(lastLogLines);
        }

        public String describe() {
            return service + " failed: " + reason;
        }
    }

    /** Not started because another service failed first. */
    record Skipped(String service, String because) implements StackProgress {
        public String describe() {
            return service + " not started: " + because;
        }
    }

    record Stopping(String service) implements StackProgress {
        public String describe() {
            return "stopping " + service;
        }
    }

    record Stopped(String service, Duration after) implements StackProgress {
        public String describe() {
            return service + " stopped after " + seconds(after);
        }
    }

    /** The action was cancelled before it finished (a {@code down} overtook a recovery). */
    record Cancelled(String service, String because) implements StackProgress {
        public String describe() {
            return "cancelled: " + because;
        }
    }

    record Finished(String service, String summary, Duration after) implements StackProgress {
        public String describe() {
            return summary + " in " + seconds(after);
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
