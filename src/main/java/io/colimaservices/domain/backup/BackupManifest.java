package io.colimaservices.domain.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code manifest.json} says about one backup: enough to check every file, to restore each service where it
 * came from and to tell when the stack has changed since. Holds no secret: the encryption key is named by its
 * fingerprint only, Vault's unseal shares by their set's fingerprint.
 *
 * @param format      the manifest format's version ({@value #FORMAT})
 * @param compression {@code zstd} or {@code none}
 * @param encryption  empty for plain files
 * @param verifies    every deep verify of this backup, oldest first
 */
public record BackupManifest(int format, String id, String appVersion, String project, Instant started,
                             Instant ended, String compression, Optional<Encryption> encryption,
                             List<ServiceEntry> services, List<DeepVerify> verifies) {
    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";

    public BackupManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(encryption, "encryption");
        services = List.copyOf(services);
        verifies = List.copyOf(verifies);
    }

    /** How the files are encrypted: the construction and the key's fingerprint (never the key). */
    public record Encryption(String scheme, String keyFingerprint) {
        /** OpenPGP (RFC 4880/9580) symmetrically encrypted, integrity-protected data, AES-256, iterated S2K. */
        public static final String OPENPGP_AES256 = "openpgp-aes256-seipd";
    }

    /**
     * One service's file.
     *
     * @param streamBytes   the bytes the service produced (before compression and encryption)
     * @param fileBytes     the file's size
     * @param imageDigest   the image's repository digest, when the engine knows one (pulled images)
     * @param definitionHash compose's {@code com.docker.compose.config-hash} of the container backed up
     * @param shareSet      for Vault's volume: the fingerprint of the unseal-share set that opens it
     */
    public record ServiceEntry(String service, BackupMode mode, String file, String image, String imageId,
                               Optional<String> imageDigest, Optional<String> definitionHash, List<String> volumes,
                               Instant started, Instant ended, long streamBytes, long fileBytes, String sha256,
                               Optional<String> shareSet) {
        public ServiceEntry {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(imageDigest, "imageDigest");
            Objects.requireNonNull(definitionHash, "definitionHash");
            Objects.requireNonNull(shareSet, "shareSet");
            volumes = List.copyOf(volumes);
        }
    }

    /** One deep verify: when, and each service's outcome. */
    public record DeepVerify(Instant at, boolean passed, List<ServiceCheck> services) {
        public DeepVerify {
            services = List.copyOf(services);
        }
    }

    /** @param message what failed (names the file), or what was checked */
    public record ServiceCheck(String service, boolean passed, String message) {
    }

    public long totalFileBytes() {
        return services.stream().mapToLong(ServiceEntry::fileBytes).sum();
    }

    public Optional<ServiceEntry> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }

    public List<String> serviceNames() {
        return services.stream().map(ServiceEntry::service).toList();
    }

    public Optional<DeepVerify> lastVerify() {
        return verifies.isEmpty() ? Optional.empty() : Optional.of(verifies.getLast());
    }

    public BackupManifest withVerify(DeepVerify verify) {
        List<DeepVerify> all = new ArrayList<>(verifies);
        all.add(verify);
        return new BackupManifest(format, id, appVersion, project, started, ended, compression, encryption, services,
                all);
    }
}
