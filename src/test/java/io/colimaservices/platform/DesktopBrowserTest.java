package io.colimaservices.platform;

import io.colimaservices.domain.UrlOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open in browser" says when nothing opened (JavaFX's showDocument did nothing visible), so the app can offer a copy. */
class DesktopBrowserTest {
    @TempDir
    Path bin;

    private DesktopBrowser browser() {
        return new DesktopBrowser(false, new Commands(Map.of("PATH", bin.toString())));
    }

    private void opener(String script) throws IOException {
        Path tool = bin.resolve("xdg-open");
        Files.writeString(tool, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void noOpenerInstalledIsSaid() {
        assertThat(browser().open("http://localhost:3001"))
                .isEqualTo(new UrlOpener.Outcome(false, "No browser opened: xdg-open is not installed"));
    }

    @Test
    void anOpenerThatFindsNoBrowserIsSaidWithItsReason() throws IOException {
        opener("echo 'xdg-open: no method available for opening '\"$1\" >&2; exit 3");

        assertThat(browser().open("http://localhost:3001")).isEqualTo(new UrlOpener.Outcome(false,
                "No browser opened: xdg-open exited 3 (xdg-open: no method available for opening "
                        + "http://localhost:3001)"));
    }

    @Test
    void anOpenerThatWorkedIsAnOpenedPage() throws IOException {
        opener("[ \"$1\" = http://localhost:3001 ] || exit 9");

        assertThat(browser().open("http://localhost:3001").opened()).isTrue();
    }
}
