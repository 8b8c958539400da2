package io.colimaservices.domain;

/**
 * What the operating system says about the machine, asked directly (sysctl on macOS, libc on Linux) rather than
 * read from the JVM: {@code os.arch} reports x86_64 for a JVM running under Rosetta on an Apple Silicon Mac.
 * Implementations answer from values read once; no method throws.
 */
public interface NativePlatform {

    /** {@code macOS}, {@code Linux}, or the JVM's {@code os.name} elsewhere. */
    String osName();

    /** macOS product version ({@code 15.1}); the kernel release on Linux. */
    String osVersion();

    /** The hardware name the kernel reports: {@code arm64}, {@code x86_64}, {@code aarch64}. */
    String machine();

    /** An Apple Silicon Mac, whether or not this process runs translated. */
    boolean isAppleSilicon();

    /** This process is an x86_64 program running under Rosetta 2. */
    boolean isTranslated();

    /** Processors online now. */
    int onlineCpus();

    /** Installed memory in bytes. */
    long physicalMemoryBytes();

    String hostname();

    /** Where the answers came from, e.g. {@code sysctlbyname (JNA)}, {@code libc (JNA)}, {@code JVM properties}. */
    String source();

    default boolean isMacOs() {
        return "macOS".equals(osName());
    }
}
