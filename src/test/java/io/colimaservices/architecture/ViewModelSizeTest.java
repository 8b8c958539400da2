package io.colimaservices.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * View models stay small (issue 16): a page's view model and its panels' are at most 250 lines each, and no class
 * under {@code ui/} is over 300 (layouts live in FXML). A page that grows gets another panel rather than a longer
 * class.
 */
class ViewModelSizeTest {
    private static final int MAX_LINES = 250;
    private static final int MAX_UI_CLASS_LINES = 300;

    @Test
    void noViewModelIsOver250Lines() throws IOException {
        assertThat(over(MAX_LINES, "ViewModel.java")).isEmpty();
    }

    @Test
    void noClassUnderUiIsOver300Lines() throws IOException {
        assertThat(over(MAX_UI_CLASS_LINES, ".java")).isEmpty();
    }

    /** The files under ui/ whose names end in {@code suffix} and that have more than {@code max} lines. */
    private static List<String> over(int max, String suffix) throws IOException {
        Path ui = Path.of("src/main/java/io/colimaservices/ui");
        try (Stream<Path> files = Files.walk(ui)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> lines(f) > max)
                    .map(f -> ui.relativize(f) + " (" + lines(f) + " lines)")
                    .toList();
        }
    }

    @Test
    void theRuleSeesTheViewModels() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/colimaservices/ui"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith("ViewModel.java")).count())
                    .isGreaterThanOrEqualTo(20);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
