package io.colimaservices.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The double keeps the documented behaviours the app relies on (checked here with a plain HTTP client). */
class VaultApiDoubleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private VaultApiDouble vault;
    private HttpClient http;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        vault = new VaultApiDouble();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        vault.close();
        http.close();
    }

    private Answer call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body().length == 0 ? JSON.nullNode()
                : JSON.readTree(response.body()));
    }

    @Test
    void healthCodesFollowTheState() throws Exception {
        assertThat(call("GET", "sys/health", null, null).status()).isEqualTo(501);
        String root = vault.initializeDirectly(3, 2);
        assertThat(call("GET", "sys/health", null, null).status()).isEqualTo(503);
        assertThat(call("GET", "sys/health?sealedcode=200", null, null).status()).isEqualTo(200);
        assertThat(call("GET", "secret/data/x", root, null).status()).isEqualTo(503);
        for (String key : vault.unsealKeys().subList(0, 2)) {
            call("POST", "sys/unseal", null, Map.of("key", key));
        }
        assertThat(call("GET", "sys/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void shamirProgressWrongShareAndReset() throws Exception {
        vault.initializeDirectly(5, 3);
        List<String> keys = vault.unsealKeys();
        assertThat(call("POST", "sys/unseal", null, Map.of("key", "not-hex-or-base64!")).status()).isEqualTo(400);
        Answer one = call("POST", "sys/unseal", null, Map.of("key", keys.get(0)));
        assertThat(one.body().path("progress").asInt()).isEqualTo(1);
        assertThat(one.body().path("t").asInt()).isEqualTo(3);
        assertThat(call("POST", "sys/unseal", null, Map.of("key", keys.get(0))).body().path("progress").asInt())
                .as("the same share twice counts once").isEqualTo(1);
        call("POST", "sys/unseal", null, Map.of("key", "ab".repeat(33)));
        Answer third = call("POST", "sys/unseal", null, Map.of("key", keys.get(1)));
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.body().path("errors").get(0).asText()).contains("Error unsealing");
        assertThat(call("GET", "sys/seal-status", null, null).body().path("progress").asInt()).isZero();

        call("POST", "sys/unseal", null, Map.of("key", keys.get(2)));
        assertThat(call("POST", "sys/unseal", null, Map.of("reset", true)).body().path("progress").asInt()).isZero();
    }

    @Test
    void kvV2VersionsCasAndPermissions() throws Exception {
        String root = vault.initializeDirectly(1, 1);
        call("POST", "sys/unseal", null, Map.of("key", vault.unsealKeys().getFirst()));
        assertThat(call("POST", "sys/mounts/secret", root, Map.of("type", "kv", "options", Map.of("version", "2")))
                .status()).isEqualTo(204);
        assertThat(call("POST", "sys/mounts/secret", root, Map.of("type", "kv")).status()).isEqualTo(400);

        Answer missing = call("GET", "secret/data/app", root, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("errors").isEmpty()).isTrue();
        Answer created = call("POST", "secret/data/app", root, Map.of("options", Map.of("cas", 0),
                "data", Map.of("a", "1", "flag", true)));
        assertThat(created.body().path("data").path("version").asInt()).isEqualTo(1);
        Answer conflict = call("POST", "secret/data/app", root, Map.of("options", Map.of("cas", 0),
                "data", Map.of("a", "2")));
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.body().path("errors").get(0).asText())
                .isEqualTo("check-and-set parameter did not match the current version");
        Answer read = call("GET", "secret/data/app", root, null);
        assertThat(read.body().path("data").path("data").path("flag").isBoolean()).isTrue();
        assertThat(read.body().path("data").path("metadata").path("version").asInt()).isEqualTo(1);

        assertThat(call("GET", "secret/data/app", null, null).status()).isEqualTo(403);
        assertThat(call("GET", "secret/data/app", "hvs.unknown", null).status()).isEqualTo(403);
        call("PUT", "sys/policies/acl/reader", root, Map.of("policy",
                "path \"secret/data/*\" {\n  capabilities = [\"read\"]\n}\n"));
        String reader = call("POST", "auth/token/create", root, Map.of("policies", List.of("reader")))
                .body().path("auth").path("client_token").asText();
        assertThat(call("GET", "secret/data/app", reader, null).status()).isEqualTo(200);
        assertThat(call("POST", "secret/data/app", reader, Map.of("data", Map.of("a", "3"))).status())
                .isEqualTo(403);
        assertThat(call("POST", "auth/token/create", reader, Map.of("policies", List.of("reader"),
                "no_parent", true)).status()).isEqualTo(403);
    }

    /** A response read as text, with its content type (the PKI read endpoints answer PEM, not JSON). */
    private record Text(int status, String contentType, String body) {
    }

    private Text get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Text(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    @Test
    void pkiChainReadsNeedNoTokenAndHoldWhatSetSignedImported() throws Exception {
        String root = vault.initializeDirectly(1, 1);
        assertThat(get("pki/ca/pem").status()).as("sealed").isEqualTo(503);
        call("POST", "sys/unseal", null, Map.of("key", vault.unsealKeys().getFirst()));
        assertThat(get("pki/ca/pem").status()).as("no PKI mount: not a public path").isEqualTo(403);
        for (String mount : List.of("pki", "pki_int", "pki_other")) {
            call("POST", "sys/mounts/" + mount, root, Map.of("type", "pki"));
        }
        assertThat(get("pki/ca/pem").status()).as("no issuer yet: empty raw answer").isEqualTo(204);
        assertThat(get("pki_int/ca_chain").status()).isEqualTo(204);

        String rootPem = call("POST", "pki/root/generate/internal", root, Map.of("common_name", "Root"))
                .body().path("data").path("certificate").asText();
        Text rootRead = get("pki/ca/pem");
        assertThat(rootRead.status()).isEqualTo(200);
        assertThat(rootRead.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(rootRead.body()).isEqualTo(rootPem.strip());
        assertThat(get("pki/ca").body()).as("DER without /pem").doesNotContain("BEGIN");

        // The intermediate installed alone knows only itself; installed with its parent appended, both.
        String alone = signedIntermediate(root, "pki_int", null);
        Text aloneChain = get("pki_int/ca_chain");
        assertThat(aloneChain.contentType()).isEqualTo("application/pkix-cert");
        assertThat(aloneChain.body()).isEqualTo(alone.strip());
        String bundled = signedIntermediate(root, "pki_other", rootPem);
        assertThat(get("pki_other/ca_chain").body()).isEqualTo(bundled.strip() + "\n" + rootPem.strip());
        assertThat(call("POST", "pki_int/intermediate/set-signed", root, Map.of("certificate", rootPem)).status())
                .as("no certificate in the bundle matches the pending key").isEqualTo(400);
    }

    /** generate/internal on {@code mount}, signed by pki/, installed with {@code parent} appended when given. */
    private String signedIntermediate(String root, String mount, String parent) throws Exception {
        String csr = call("POST", mount + "/intermediate/generate/internal", root, Map.of("common_name", mount))
                .body().path("data").path("csr").asText();
        String signed = call("POST", "pki/root/sign-intermediate", root, Map.of("csr", csr, "format", "pem_bundle"))
                .body().path("data").path("certificate").asText();
        assertThat(call("POST", mount + "/intermediate/set-signed", root, Map.of("certificate",
                parent == null ? signed : signed.strip() + "\n" + parent)).status()).isEqualTo(200);
        return signed;
    }

    @Test
    void appRoleLoginWithAWrappedOneUseSecretId() throws Exception {
        String root = vault.initializeDirectly(1, 1);
        call("POST", "sys/unseal", null, Map.of("key", vault.unsealKeys().getFirst()));
        call("POST", "sys/auth/approle", root, Map.of("type", "approle"));
        call("POST", "sys/mounts/secret", root, Map.of("type", "kv", "options", Map.of("version", "2")));
        call("POST", "secret/data/app", root, Map.of("data", Map.of("password", "p")));
        call("PUT", "sys/policies/acl/svc-app", root, Map.of("policy",
                "path \"secret/data/app\" {\n  capabilities = [\"read\"]\n}\n"));
        call("POST", "auth/approle/role/app", root, Map.of("token_policies", "svc-app", "secret_id_num_uses", 1));
        String roleId = call("GET", "auth/approle/role/app/role-id", root, null).body().path("data")
                .path("role_id").asText();
        HttpResponse<byte[]> wrappedResponse = http.send(HttpRequest.newBuilder(URI.create(vault.address()
                        + "/v1/auth/approle/role/app/secret-id")).header("X-Vault-Token", root)
                .header("X-Vault-Wrap-TTL", "5m").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String wrapping = JSON.readTree(wrappedResponse.body()).path("wrap_info").path("token").asText();

        String secretId = call("POST", "sys/wrapping/unwrap", wrapping, null).body().path("data").path("secret_id")
                .asText();
        assertThat(call("POST", "sys/wrapping/unwrap", wrapping, null).status()).as("unwrapped once only")
                .isEqualTo(400);
        Answer login = call("POST", "auth/approle/login", null, Map.of("role_id", roleId, "secret_id", secretId));

        assertThat(login.status()).isEqualTo(200);
        String token = login.body().path("auth").path("client_token").asText();
        assertThat(login.body().path("auth").path("token_policies").toString()).contains("svc-app", "default");
        assertThat(call("GET", "secret/data/app", token, null).body().path("data").path("data").path("password")
                .asText()).isEqualTo("p");
        assertThat(call("POST", "auth/approle/login", null, Map.of("role_id", roleId, "secret_id", secretId))
                .status()).as("one use").isEqualTo(400);
        assertThat(call("POST", "auth/approle/login", null, Map.of("role_id", "nope", "secret_id", secretId))
                .status()).isEqualTo(400);
    }

    @Test
    void globsMatchLikeVaultPolicies() {
        assertThat(VaultApiDouble.matches("secret/data/*", "secret/data/certs/postgres")).isTrue();
        assertThat(VaultApiDouble.matches("auth/approle/role/+/secret-id", "auth/approle/role/mysql/secret-id"))
                .isTrue();
        assertThat(VaultApiDouble.matches("auth/approle/role/+/secret-id", "auth/approle/role/a/b/secret-id"))
                .isFalse();
        assertThat(VaultApiDouble.matches("sys/mounts", "sys/mounts/secret")).isFalse();
    }
}
