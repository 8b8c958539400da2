package io.colimaservices.app;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.ServiceControl;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Backups stop and start services through the stack's own actions ({@code down}, {@code up}: the hooks arm
 * vault-agent and unseal Vault) on the face's live stack: the app's session, or the command's own store.
 */
final class StackServiceControl implements ServiceControl {
    private final Supplier<LiveStack> live;
    private final Consumer<StackProgress> progress;

    StackServiceControl(Supplier<LiveStack> live, Consumer<StackProgress> progress) {
        this.live = live;
        this.progress = progress;
    }

    @Override
    public void stop(List<String> services) {
        check(live.get().actions().down(services, progress));
    }

    @Override
    public void start(List<String> services) {
        check(live.get().actions().up(services, StackActions.DEFAULT_TIMEOUT, progress));
    }

    /** A failed action as the {@link UserError} the callers throw. */
    private static void check(ActionResult result) {
        result.failure().ifPresent(f -> {
            throw new UserError(UserError.Kind.SERVICE_FAILED, f.describe()
                    + f.healthOutput().map(h -> " (last health check: " + h.strip() + ")").orElse(""), "");
        });
    }
}
