package io.colimaservices.platform;

import io.colimaservices.domain.NativePlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Picks the {@link NativePlatform} for the running OS; never fails, falling back to the JVM's view. */
public final class NativePlatforms {
    private static final Logger LOG = LoggerFactory.getLogger(NativePlatforms.class);

    private NativePlatforms() {
    }

    public static NativePlatform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("mac")) {
                return new MacPlatform();
            }
            if (os.contains("linux")) {
                return new LinuxPlatform();
            }
            return new JvmPlatform("no native calls for " + os);
        } catch (LinkageError | RuntimeException e) {
            // JNA could not load (native access denied, no writable jna.tmpdir, unknown libc): degrade, do not die.
            LOG.warn("native platform calls unavailable, using JVM properties", e);
            return new JvmPlatform("native calls failed: " + e);
        }
    }
}
