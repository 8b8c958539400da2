package io.colimaservices.usecase;

import io.colimaservices.domain.UserError;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where a use case that changes something says what it did: one line per action with its outcome, in the app's
 * log, whichever face called it. Lines name actions, services, counts and files, never a value: a failure is
 * traced with a {@link UserError}'s message (which never carries a secret) or, for anything else, only the
 * failure's class.
 */
@FunctionalInterface
public interface ActionTrace {
    /** Traces nothing (tests that do not look). */
    ActionTrace NONE = (action, succeeded, outcome) -> { };

    /**
     * @param action    what was asked, e.g. {@code "up data"}, {@code "vault unseal"}
     * @param succeeded whether it did what was asked
     * @param outcome   what came of it, in words
     */
    void record(String action, boolean succeeded, String outcome);

    /** Runs {@code work}, traces its outcome or its failure, and passes the result or the exception on. */
    default <T> T run(String action, Supplier<T> work, Function<? super T, String> outcome) {
        return run(action, work, result -> true, outcome);
    }

    /** {@link #run} for work whose result says whether it did what was asked ({@code succeeded}). */
    default <T> T run(String action, Supplier<T> work, Predicate<? super T> succeeded,
                      Function<? super T, String> outcome) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            record(action, false, why(e));
            throw e;
        }
        record(action, succeeded.test(result), outcome.apply(result));
        return result;
    }

    /** {@link #run} for work without a result. */
    default void run(String action, Runnable work, String outcome) {
        run(action, () -> {
            work.run();
            return outcome;
        }, done -> done);
    }

    /** A failure in words that are safe to log. */
    static String why(RuntimeException e) {
        return e instanceof UserError userError ? userError.getMessage()
                : "unexpected failure (" + e.getClass().getSimpleName() + ")";
    }
}
