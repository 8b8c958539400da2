package io.colimaservices.vault;

import io.colimaservices.domain.KvSecret;
import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes Vault match docs/vault-contract.md, with the root token. Idempotent: every step looks before it writes,
 * a secret only gains missing fields (check-and-set on the version it read), an existing password is never
 * replaced, and an existing CA, certificate or app token is kept. Policies and roles are configuration: they are
 * written again with the same content, which changes nothing. Reports what it did as lines without values.
 */
public final class VaultBootstrap {
    private final VaultSession root;
    private final Clock clock;
    private final Supplier<Catalog> catalog;
    private final Consumer<String> progress;

    /** @param catalog the stack's compose file, read: the certificates name the services' static addresses */
    public VaultBootstrap(VaultSession root, Clock clock, Supplier<Catalog> catalog, Consumer<String> progress) {
        this.root = root;
        this.clock = clock;
        this.catalog = catalog;
        this.progress = progress;
    }

    /** Steps before the app token exists. Returns each secret path with its version after the run. */
    public Map<String, Long> run() {
        mounts();
        Map<String, Long> versions = secrets();
        pki();
        certificates();
        policies();
        approles();
        return versions;
    }

    // https://developer.hashicorp.com/vault/api-docs/system/mounts, .../system/auth
    private void mounts() {
        JsonNode mounts = root.read("sys/mounts", "listing secret engines").orElseThrow(() -> missing("sys/mounts"));
        JsonNode table = mounts.has("data") ? mounts.path("data") : mounts;
        enableMount(table, VaultSession.KV_MOUNT, Map.of("type", "kv", "options", Map.of("version", "2"),
                "description", "Colima Services credentials and certificates"));
        JsonNode kv = table.path(VaultSession.KV_MOUNT + "/");
        if (!kv.isMissingNode() && !"2".equals(kv.path("options").path("version").asText(""))) {
            throw new UserError(UserError.Kind.VAULT, "secret/ in Vault at " + root.address()
                    + " is a KV version 1 engine; the stack needs version 2", "upgrade it: vault kv enable-versioning secret/");
        }
        enableMount(table, VaultLayout.PKI_ROOT, Map.of("type", "pki",
                "config", Map.of("max_lease_ttl", VaultLayout.ROOT_CA_TTL)));
        enableMount(table, VaultLayout.PKI_INT, Map.of("type", "pki",
                "config", Map.of("max_lease_ttl", VaultLayout.INT_CA_TTL)));
        JsonNode auths = root.read("sys/auth", "listing auth methods").orElseThrow(() -> missing("sys/auth"));
        JsonNode authTable = auths.has("data") ? auths.path("data") : auths;
        if (authTable.path("approle/").isMissingNode()) {
            root.write("sys/auth/approle", Map.of("type", "approle"), "enabling AppRole auth");
            progress.accept("enabled auth approle/");
        }
    }

    private UserError missing(String path) {
        return new UserError(UserError.Kind.VAULT, "Vault at " + root.address() + " has no " + path);
    }

    private void enableMount(JsonNode table, String path, Map<String, Object> body) {
        if (table.path(path + "/").isMissingNode()) {
            root.write("sys/mounts/" + path, body, "enabling " + path + "/");
            progress.accept("enabled " + path + "/");
        }
    }

    private Map<String, Long> secrets() {
        Optional<String> redisPassword = Optional.empty();
        for (String path : VaultLayout.REDIS_PATHS) {
            redisPassword = redisPassword.or(() -> root.readSecret(path).text("password"));
        }
        String sharedRedis = redisPassword.orElseGet(Passwords::generate);
        Map<String, Long> versions = new LinkedHashMap<>();
        Catalog stack = catalog.get();
        for (VaultLayout.SecretSpec spec : VaultLayout.secrets(stack)) {
            versions.put(spec.path(), fill(spec, spec.tlsFlag(stack), sharedRedis));
        }
        return versions;
    }

    /** Adds the fields {@code spec} wants and the secret lacks; never touches a field that is there. */
    private long fill(VaultLayout.SecretSpec spec, boolean tlsFlag, String sharedRedis) {
        for (int attempt = 1; ; attempt++) {
            KvSecret current = root.readSecret(spec.path());
            Map<String, Object> wanted = new LinkedHashMap<>(current.data());
            List<String> added = new ArrayList<>();
            spec.fixed().forEach((k, v) -> addMissing(wanted, added, k, v));
            for (String field : spec.generated()) {
                boolean redis = VaultLayout.REDIS_PATHS.contains(spec.path());
                addMissing(wanted, added, field, redis ? sharedRedis : Passwords.generate());
            }
            if (tlsFlag) {
                addMissing(wanted, added, VaultLayout.TLS_FIELD, Boolean.TRUE);
            }
            if (added.isEmpty()) {
                return current.version();
            }
            try {
                long version = root.writeSecret(spec.path(), wanted, current.version());
                progress.accept("secret/" + spec.path() + ": added " + String.join(", ", added));
                return version;
            } catch (VaultSession.CasConflict e) {
                if (attempt >= TlsToggle.MAX_ATTEMPTS) {
                    throw new UserError(UserError.Kind.VAULT, e.getMessage() + " " + attempt + " times; gave up");
                }
            }
        }
    }

    private static void addMissing(Map<String, Object> data, List<String> added, String field, Object value) {
        if (!data.containsKey(field)) {
            data.put(field, value);
            added.add(field);
        }
    }

    // https://developer.hashicorp.com/vault/api-docs/secret/pki
    private void pki() {
        if (caCertificate(VaultLayout.PKI_ROOT).isEmpty()) {
            root.write(VaultLayout.PKI_ROOT + "/root/generate/internal", Map.of(
                    "common_name", VaultLayout.ROOT_CA_NAME, "ttl", VaultLayout.ROOT_CA_TTL,
                    "key_type", "rsa", "key_bits", 2048), "generating the root CA");
            progress.accept("generated the root CA (" + VaultLayout.PKI_ROOT + "/)");
        }
        if (caCertificate(VaultLayout.PKI_INT).isEmpty()) {
            String csr = root.write(VaultLayout.PKI_INT + "/intermediate/generate/internal", Map.of(
                            "common_name", VaultLayout.INT_CA_NAME, "key_type", "rsa", "key_bits", 2048),
                    "generating the intermediate CA's key").path("data").path("csr").asText();
            String signed = root.write(VaultLayout.PKI_ROOT + "/root/sign-intermediate", Map.of(
                            "csr", csr, "format", "pem_bundle", "ttl", VaultLayout.INT_CA_TTL,
                            "common_name", VaultLayout.INT_CA_NAME),
                    "signing the intermediate CA").path("data").path("certificate").asText();
            root.write(VaultLayout.PKI_INT + "/intermediate/set-signed", Map.of("certificate", signed),
                    "installing the intermediate CA");
            progress.accept("generated the intermediate CA (" + VaultLayout.PKI_INT + "/)");
        }
        for (VaultLayout.ServiceSpec service : VaultLayout.tlsServices(catalog.get())) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("allowed_domains", service.name() + ",dev-" + service.name() + ",localhost");
            role.put("allow_bare_domains", true);
            role.put("allow_subdomains", false);
            role.put("allow_localhost", true);
            role.put("allow_ip_sans", true);
            role.put("max_ttl", VaultLayout.CERT_TTL);
            role.put("key_type", "rsa");
            role.put("key_bits", 2048);
            root.write(VaultLayout.PKI_INT + "/roles/" + service.pkiRole(), role, "writing PKI role "
                    + service.pkiRole());
        }
    }

    /**
     * The CA certificate of a PKI mount; empty when the mount has no issuer yet. Asks {@code LIST <mount>/issuers}
     * first (a LIST with no keys answers 404), then {@code GET <mount>/cert/ca}.
     */
    Optional<String> caCertificate(String mount) {
        if (root.read(mount + "/issuers?list=true", "listing the issuers of " + mount + "/").isEmpty()) {
            return Optional.empty();
        }
        return root.read(mount + "/cert/ca", "reading the CA of " + mount + "/")
                .map(body -> body.path("data").path("certificate").asText(""))
                .filter(pem -> pem.contains("BEGIN CERTIFICATE"));
    }

    private void certificates() {
        CertificateIssuer issuer = new CertificateIssuer(root, clock, catalog);
        for (VaultLayout.ServiceSpec service : VaultLayout.tlsServices(catalog.get())) {
            CertificateIssuer.Outcome outcome = issuer.ensure(service);
            if (outcome.issued()) {
                progress.accept("issued a certificate for " + service.name());
            }
        }
    }

    // https://developer.hashicorp.com/vault/api-docs/system/policies
    private void policies() {
        for (VaultLayout.ServiceSpec service : VaultLayout.services(catalog.get())) {
            root.write("sys/policies/acl/" + service.policy(), Map.of("policy", VaultLayout.policyFor(service)),
                    "writing policy " + service.policy());
        }
        root.write("sys/policies/acl/" + VaultLayout.APP_POLICY, Map.of("policy", VaultLayout.appPolicy()),
                "writing policy " + VaultLayout.APP_POLICY);
    }

    // https://developer.hashicorp.com/vault/api-docs/auth/approle#create-update-approle
    private void approles() {
        for (VaultLayout.ServiceSpec service : VaultLayout.services(catalog.get())) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("token_policies", service.policy());
            role.put("token_ttl", "1h");
            role.put("token_max_ttl", "24h");
            role.put("secret_id_num_uses", 1);
            role.put("secret_id_ttl", "10m");
            root.write("auth/approle/role/" + service.name(), role, "writing AppRole " + service.name());
        }
    }

    /**
     * Creates the app's scoped token (an orphan periodic token with policy {@value VaultLayout#APP_POLICY}, so it
     * outlives the root token and renews itself on use). https://developer.hashicorp.com/vault/api-docs/auth/token
     */
    public String createAppToken() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policies", List.of(VaultLayout.APP_POLICY));
        body.put("display_name", VaultLayout.APP_POLICY);
        body.put("no_parent", true);
        body.put("renewable", true);
        body.put("period", "768h");
        String token = root.write("auth/token/create", body, "creating the app token")
                .path("auth").path("client_token").asText("");
        if (token.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + root.address() + " created no app token");
        }
        progress.accept("created the app token (policy " + VaultLayout.APP_POLICY + ")");
        return token;
    }

    /** Writes the CA chain (intermediate, then root) where host clients find it; rewrites only when it changed. */
    public Path exportCaChain(Path runtime) {
        String chain = caCertificate(VaultLayout.PKI_INT).orElseThrow().strip() + "\n"
                + caCertificate(VaultLayout.PKI_ROOT).orElseThrow().strip() + "\n";
        Path file = runtime.resolve("ca").resolve("ca-chain.pem");
        try {
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(chain)) {
                Files.createDirectories(file.getParent());
                // Public material: readable by everyone, so host tools and containers can use it.
                Files.writeString(file, chain, StandardCharsets.US_ASCII);
                progress.accept("exported the CA chain to " + file);
            }
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write the CA chain to " + file + ": " + e.getMessage());
        }
        return file;
    }
}
