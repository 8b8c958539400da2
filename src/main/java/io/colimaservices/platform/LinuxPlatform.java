package io.colimaservices.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import io.colimaservices.domain.NativePlatform;

import java.nio.charset.StandardCharsets;

/**
 * Linux answers through libc: {@code uname} (kernel release, machine), {@code sysconf} (online processors,
 * physical pages), {@code getpagesize}, {@code gethostname}. Read once, at construction. Linux is never Apple
 * Silicon as the app means it, and nothing runs "translated" there.
 */
public final class LinuxPlatform implements NativePlatform {
    private final String release;
    private final String machine;
    private final int cpus;
    private final long memory;
    private final String hostname;

    /** @throws LinkageError when libc cannot be loaded through JNA (see {@link NativePlatforms#current()}) */
    public LinuxPlatform() {
        LinuxLibC libc = Native.load("c", LinuxLibC.class);
        try (Memory uts = new Memory((long) LinuxLibC.UTSNAME_FIELD * LinuxLibC.UTSNAME_FIELDS)) {
            uts.clear();
            if (libc.uname(uts) != 0) {
                throw new IllegalStateException("uname failed: errno " + Native.getLastError());
            }
            this.release = uts.getString(2L * LinuxLibC.UTSNAME_FIELD, StandardCharsets.UTF_8.name());
            this.machine = uts.getString(4L * LinuxLibC.UTSNAME_FIELD, StandardCharsets.UTF_8.name());
        }
        this.cpus = (int) Math.max(1, libc.sysconf(LinuxLibC.SC_NPROCESSORS_ONLN).longValue());
        this.memory = libc.sysconf(LinuxLibC.SC_PHYS_PAGES).longValue() * libc.getpagesize();
        byte[] name = new byte[256];
        this.hostname = libc.gethostname(name, new NativeLong(name.length)) == 0 ? cString(name) : "";
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public String osName() {
        return "Linux";
    }

    @Override
    public String osVersion() {
        return release;
    }

    @Override
    public String machine() {
        return machine;
    }

    @Override
    public boolean isAppleSilicon() {
        return false;
    }

    @Override
    public boolean isTranslated() {
        return false;
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
        return "libc (JNA)";
    }
}
