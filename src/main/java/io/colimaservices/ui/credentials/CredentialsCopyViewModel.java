package io.colimaservices.ui.credentials;

import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.VaultToken;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.ClipboardKeeper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Credentials page's copies: a field, the connection string or a stored token, read from Vault when asked and
 * put on the clipboard through the {@link ClipboardKeeper}, with a countdown until the clipboard is cleared.
 */
public final class CredentialsCopyViewModel {
    private final CredentialsViewModel page;
    private final ActionState action;
    private final ClipboardKeeper clipboard;
    private final Supplier<Duration> clearDelay;
    private final ReadOnlyStringWrapper copyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rootTokenStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper appTokenStored = new ReadOnlyBooleanWrapper();
    private String copied;

    CredentialsCopyViewModel(CredentialsViewModel page, ClipboardKeeper clipboard, Supplier<Duration> clearDelay,
                             Executor ui) {
        this.page = page;
        this.action = page.action();
        this.clipboard = Objects.requireNonNull(clipboard);
        this.clearDelay = Objects.requireNonNull(clearDelay);
        clipboard.onCheck(cleared -> ui.execute(() -> clipboardChecked(cleared)));
    }

    /** "Copied the password of postgres: clears in 27 s", then what happened. */
    public ReadOnlyStringProperty copyStatusProperty() {
        return copyStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rootTokenStoredProperty() {
        return rootTokenStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty appTokenStoredProperty() {
        return appTokenStored.getReadOnlyProperty();
    }

    void loadTokens() {
        action.work().run("look the tokens up", () -> new boolean[] {
                        page.credentials().tokenStored(VaultToken.ROOT), page.credentials().tokenStored(VaultToken.APP)},
                stored -> {
                    rootTokenStored.set(stored[0]);
                    appTokenStored.set(stored[1]);
                },
                e -> action.fail("Cannot read the secret store", e));
    }

    /** Copies one field's value, read from Vault now. */
    public void copyField(String field) {
        CredentialEntry entry = page.selectedProperty().get();
        if (!page.details().canCopyProperty().get()) {
            return;
        }
        copyFrom(() -> page.credentials().fieldValue(entry.service(), field),
                "the " + field + " of " + entry.service());
    }

    /** Copies the connection string in the chosen format, password included. */
    public void copyConnection() {
        CredentialEntry entry = page.selectedProperty().get();
        ConnectionFormat chosen = page.details().formatProperty().get();
        if (!page.details().canCopyConnectionProperty().get()) {
            return;
        }
        copyFrom(() -> page.credentials().connectionString(entry.service(), chosen), "the " + chosen.label()
                + " connection string of " + entry.service());
    }

    /** Copies a stored token: an explicit action, never shown. Works while Vault is sealed. */
    public void copyToken(VaultToken token) {
        if (!(token == VaultToken.ROOT ? rootTokenStored : appTokenStored).get()) {
            return;
        }
        copyFrom(() -> page.credentials().token(token), token == VaultToken.ROOT ? "the root token" : "the app token");
    }

    /** Reads the value in the background and puts it on the clipboard on the UI thread; nothing else keeps it. */
    private void copyFrom(Supplier<String> read, String what) {
        action.work().run("copy " + what, read::get,
                value -> {
                    try {
                        clipboard.copy(value, clearDelay.get());
                    } catch (RuntimeException e) {
                        action.fail("Could not copy " + what, e);
                        return;
                    }
                    copied = what;
                    clipboardChecked(false);
                },
                e -> action.fail("Could not copy " + what, e));
    }

    /** After each clipboard check (every second, and on wake): the countdown, or that it was cleared. */
    private void clipboardChecked(boolean cleared) {
        if (copied == null) {
            return;
        }
        Optional<Duration> left = clipboard.remaining();
        if (left.isPresent()) {
            long seconds = (left.get().toMillis() + 999) / 1000;
            copyStatus.set("Copied " + copied + ": clears in " + seconds + " s");
            return;
        }
        copyStatus.set(cleared ? "Cleared the clipboard (it held " + copied + ")."
                : "Left the clipboard alone: it holds something else now.");
        copied = null;
    }
}
