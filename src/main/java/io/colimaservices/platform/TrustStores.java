package io.colimaservices.platform;

import io.colimaservices.domain.TrustStore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The user's trust store on this OS: the login keychain on macOS, the NSS database elsewhere. */
public final class TrustStores {
    private TrustStores() {
    }

    public static TrustStore forPlatform(String osName, Map<String, String> environment, Path home) {
        Commands commands = new Commands(environment);
        return osName.toLowerCase(Locale.ROOT).contains("mac") ? new KeychainTrustStore(commands, home)
                : new NssTrustStore(commands, home);
    }
}
