package io.colimaservices.platform;

import io.colimaservices.domain.SecretStore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Picks the best secret store this machine offers: Keychain on macOS, Secret Service on Linux, else the file. */
public final class SecretStores {
    private SecretStores() {
    }

    public static SecretStore forPlatform(String osName, Map<String, String> environment, Path supportDir) {
        if (osName.toLowerCase(Locale.ROOT).contains("mac")) {
            SecretStore keychain = MacKeychainStore.load().orElse(null);
            if (keychain != null) {
                return keychain;
            }
        }
        SecretStore secretService = SecretToolStore.ifAnswering(new Commands(environment)).orElse(null);
        return secretService != null ? secretService : new FileSecretStore(supportDir);
    }
}
