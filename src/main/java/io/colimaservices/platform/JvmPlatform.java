package io.colimaservices.platform;

import io.colimaservices.domain.NativePlatform;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The JVM's own view, for when native calls are not possible (another OS, or JNA failed to load). It cannot see
 * through Rosetta: a translated JVM on Apple Silicon reports x86_64, so {@link #isAppleSilicon()} is then wrong,
 * and {@link #source()} says why this view is in use.
 */
public final class JvmPlatform implements NativePlatform {
    private final String why;

    public JvmPlatform(String why) {
        this.why = why;
    }

    @Override
    public String osName() {
        String name = System.getProperty("os.name", "");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("mac")) {
            return "macOS";
        }
        return lower.contains("linux") ? "Linux" : name;
    }

    @Override
    public String osVersion() {
        return System.getProperty("os.version", "");
    }

    @Override
    public String machine() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    @Override
    public boolean isAppleSilicon() {
        return isMacOs() && machine().equals("aarch64");
    }

    @Override
    public boolean isTranslated() {
        return false;
    }

    @Override
    public int onlineCpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    @Override
    public String hostname() {
        // Not InetAddress.getLocalHost(): that may ask DNS, and this must never touch the network.
        String name = System.getenv("HOSTNAME");
        return name == null ? "" : name;
    }

    @Override
    public String source() {
        return "JVM properties (" + why + ")";
    }
}
