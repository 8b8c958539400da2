package io.colimaservices.ui.common;

import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.UserError;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The system clipboard through JavaFX. Calls run on the FX thread: directly when already there, else queued and
 * waited for (a few seconds at most). Copy from the FX thread where you can: a caller holding a lock the FX thread
 * wants would otherwise wait out the deadline.
 */
public final class FxClipboard implements ClipboardService {
    private static final long DEADLINE_SECONDS = 5;

    @Override
    public void put(String text) {
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            return null;
        });
    }

    @Override
    public Optional<String> read() {
        return onFx(() -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.<String>empty();
        });
    }

    @Override
    public void clear() {
        onFx(() -> {
            Clipboard.getSystemClipboard().clear();
            return null;
        });
    }

    @Override
    public String description() {
        return "the system clipboard";
    }

    private static <T> T onFx(Supplier<T> call) {
        if (Platform.isFxApplicationThread()) {
            return call.get();
        }
        FutureTask<T> task = new FutureTask<>(call::get);
        Platform.runLater(task);
        try {
            return task.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.OTHER, "interrupted while using the clipboard");
        } catch (TimeoutException e) {
            task.cancel(false);
            throw new UserError(UserError.Kind.OTHER, "the clipboard did not answer within " + DEADLINE_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new UserError(UserError.Kind.OTHER, "the clipboard failed: "
                    + e.getCause().getClass().getSimpleName());
        }
    }
}
