import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The start-up baseline (docs/benchmarks.md): a minimal JavaFX window showing a Label, packaged like the app (jlink,
 * jpackage, AOT cache). It prints the same kind of ready line as the app once the window is on screen, and quits then
 * when started with --exit-when-ready (training runs). Like the app's launcher class, Baseline does not extend
 * Application.
 */
public final class Baseline {
    private static boolean exitWhenReady;

    private Baseline() {
    }

    public static void main(String[] args) {
        exitWhenReady = List.of(args).contains("--exit-when-ready");
        Application.launch(Window.class, args);
        System.exit(0);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Baseline");
            stage.setScene(new Scene(new Label("Colima Services start-up baseline"), 480, 320));
            stage.setOnShown(e -> Platform.runLater(() -> {
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("baseline ready in " + sinceStart + " ms: label window");
                if (exitWhenReady) {
                    Platform.exit();
                }
            }));
            stage.show();
        }
    }
}
