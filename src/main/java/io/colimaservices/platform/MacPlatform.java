package io.colimaservices.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.LongByReference;
import io.colimaservices.domain.NativePlatform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * macOS answers through {@code sysctlbyname}: {@code hw.optional.arm64} (1 on Apple Silicon, even for a
 * translated process, which is why it is asked instead of {@code os.arch}), {@code sysctl.proc_translated}
 * (1 under Rosetta; missing on Intel Macs, which means 0), {@code kern.osproductversion}, {@code hw.machine},
 * {@code hw.activecpu}, {@code hw.memsize}, {@code kern.hostname}. Read once, at construction.
 * <p>Verified only on a Mac: this class cannot run in the Linux CI. Kept to the sysctl calls so there is little
 * to get wrong; {@link NativePlatforms#current()} falls back to JVM properties if loading fails.
 */
public final class MacPlatform implements NativePlatform {
    private final boolean appleSilicon;
    private final boolean translated;
    private final String version;
    private final String machine;
    private final int cpus;
    private final long memory;
    private final String hostname;

    public MacPlatform() {
        DarwinLibC libc = Native.load("c", DarwinLibC.class);
        this.appleSilicon = intValue(libc, "hw.optional.arm64").orElse(0) == 1;
        this.translated = intValue(libc, "sysctl.proc_translated").orElse(0) == 1;
        this.version = text(libc, "kern.osproductversion").orElse(System.getProperty("os.version", ""));
        this.machine = text(libc, "hw.machine").orElse(System.getProperty("os.arch", ""));
        this.cpus = intValue(libc, "hw.activecpu").orElse(Runtime.getRuntime().availableProcessors());
        this.memory = longValue(libc, "hw.memsize").orElse(0L);
        this.hostname = text(libc, "kern.hostname").orElse("");
    }

    private static Optional<Integer> intValue(DarwinLibC libc, String name) {
        try (Memory value = new Memory(4)) {
            LongByReference length = new LongByReference(4);
            return libc.sysctlbyname(name, value, length, null, 0) == 0 && length.getValue() == 4
                    ? Optional.of(value.getInt(0))
                    : Optional.empty();
        }
    }

    private static Optional<Long> longValue(DarwinLibC libc, String name) {
        try (Memory value = new Memory(8)) {
            LongByReference length = new LongByReference(8);
            return libc.sysctlbyname(name, value, length, null, 0) == 0 && length.getValue() == 8
                    ? Optional.of(value.getLong(0))
                    : Optional.empty();
        }
    }

    /** Strings: ask the length first, then the value. */
    private static Optional<String> text(DarwinLibC libc, String name) {
        LongByReference length = new LongByReference(0);
        if (libc.sysctlbyname(name, null, length, null, 0) != 0 || length.getValue() <= 0) {
            return Optional.empty();
        }
        try (Memory value = new Memory(length.getValue())) {
            value.clear();
            if (libc.sysctlbyname(name, value, length, null, 0) != 0) {
                return Optional.empty();
            }
            return Optional.of(value.getString(0, StandardCharsets.UTF_8.name()));
        }
    }

    @Override
    public String osName() {
        return "macOS";
    }

    @Override
    public String osVersion() {
        return version;
    }

    @Override
    public String machine() {
        return machine;
    }

    @Override
    public boolean isAppleSilicon() {
        return appleSilicon;
    }

    @Override
    public boolean isTranslated() {
        return translated;
    }

    @Override
    public int onlineCpus() {
        return cpus;
    }

    @Override
    public long physicalMemoryBytes() {
        return memory;
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public String source() {
        return "sysctlbyname (JNA)";
    }
}
