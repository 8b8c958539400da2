package io.colimaservices.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-in images and services for backup tests: the test busybox image plus the applets a backup's commands use
 * ({@code tar}, {@code sha256sum}, {@code find}, ...), built locally with the classic builder and no network, tagged
 * {@value #IMAGE} (this test's own tag; the shared busybox image is never touched).
 */
public final class BackupStandIns {
    public static final String IMAGE = "cs-test-backup:2";
    private static final String[] APPLETS = {"tar", "sha256sum", "find", "sort", "grep", "cmp", "wc", "ln", "chmod",
            "stat", "xargs", "mv", "cp", "du", "sync", "pkill", "pgrep", "ps", "sed", "tee", "basename", "tr"};
    private static volatile boolean ready;

    private BackupStandIns() {
    }

    public static synchronized void ensureImage() {
        TestDocker.require();
        if (ready || Processes.run(null, 20, "docker", "image", "inspect", IMAGE).exitCode() == 0) {
            ready = true;
            return;
        }
        try {
            Path context = Files.createTempDirectory("cs-backup-image");
            StringBuilder links = new StringBuilder();
            for (String applet : APPLETS) {
                links.append(" && /bin/busybox ln -sf busybox /bin/").append(applet);
            }
            Files.writeString(context.resolve("Dockerfile"), "FROM " + TestDocker.IMAGE + "\n"
                    + "RUN /bin/busybox true" + links + "\n");
            Processes.run(null, 300, "env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "--network", "none", "-t",
                    IMAGE, context.toString()).orFail("docker build " + IMAGE);
            TestDocker.deleteQuietly(context);
            ready = true;
        } catch (IOException e) {
            throw new AssertionError("cannot build " + IMAGE, e);
        }
    }

    /**
     * A service of the backup image, no network, idle until stopped, with a named volume at {@code path}; the
     * labels are the YAML lines given (indented under {@code labels:}).
     */
    public static String service(String name, String volume, String path, String... labels) {
        StringBuilder yaml = new StringBuilder("  ").append(name).append(":\n")
                .append("    image: ").append(IMAGE).append('\n')
                .append("    network_mode: none\n")
                .append("    command: [\"sh\", \"-c\", \"mkdir -p ").append(path)
                .append("; trap 'exit 0' TERM; while :; do sleep 1 & wait $$!; done\"]\n")
                .append("    healthcheck:\n      test: [\"CMD\", \"test\", \"-d\", \"").append(path).append("\"]\n")
                .append("      interval: 1s\n      timeout: 2s\n      retries: 3\n")
                .append("    volumes:\n      - ").append(volume).append(':').append(path).append('\n');
        if (labels.length > 0) {
            yaml.append("    labels:\n");
            for (String label : labels) {
                yaml.append("      ").append(label).append('\n');
            }
        }
        return yaml.toString();
    }

    /** A dump service: {@code tar} of its data folder to stdout, the same back, a marker file as its check. */
    public static String dumpService(String name, String volume, String path) {
        return service(name, volume, path,
                "io.colima-services.backup: \"tar -C " + path + " -cf - .\"",
                "io.colima-services.restore: \"rm -rf " + path + "/* && tar -C " + path + " -xf -\"",
                "io.colima-services.backup-check: \"test -f " + path + "/marker\"");
    }

    /** A volume-mode service: its volume archived while it is stopped, a marker file as its check. */
    public static String volumeService(String name, String volume, String path) {
        return service(name, volume, path,
                "io.colima-services.backup-volumes: \"" + volume + "\"",
                "io.colima-services.backup-check: \"test -f " + path + "/marker\"");
    }
}
