package io.colimaservices.testing;

import io.colimaservices.domain.NativePlatform;

/** Platform facts chosen by a test (a Mac, when the code under test must see one). */
public record FakePlatform(String osName, String osVersion, String machine, boolean isAppleSilicon,
                           boolean isTranslated, int onlineCpus, long physicalMemoryBytes, String hostname)
        implements NativePlatform {

    public static FakePlatform appleSiliconMac() {
        return new FakePlatform("macOS", "15.1", "arm64", true, false, 10, 32L << 30, "studio");
    }

    public static FakePlatform linux() {
        return new FakePlatform("Linux", "6.8.0", "x86_64", false, false, 8, 16L << 30, "box");
    }

    @Override
    public String source() {
        return "test";
    }
}
