package io.colimaservices.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/** The executors ViewModels are given: the FX thread in the app, the calling thread in tests. */
public final class UiExecutors {
    private UiExecutors() {
    }

    /** Runs on the FX thread: directly when already there, else queued. */
    public static Executor fx() {
        return task -> {
            if (Platform.isFxApplicationThread()) {
                task.run();
            } else {
                Platform.runLater(task);
            }
        };
    }

    /** Runs at once on the caller's thread (ViewModel tests without a toolkit). */
    public static Executor direct() {
        return Runnable::run;
    }
}
