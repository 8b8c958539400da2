package io.colimaservices.vault;

import io.colimaservices.domain.KvSecret;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.colimaservices.domain.UserError;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Vault calls made with one token. Every answer's status is checked: the driver hands back an empty result for a
 * 403 or 404 on read instead of throwing, so nothing here trusts a response it has not looked at.
 */
public final class VaultSession {
    public static final String KV_MOUNT = "secret";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final VaultHttp http;
    private final String token;

    /** Thrown by {@link #writeSecret} when the secret changed since it was read (KV v2 {@code cas} mismatch). */
    public static final class CasConflict extends RuntimeException {
        CasConflict(String path) {
            super("secret/" + path + " changed while it was being updated", null, false, false);
        }
    }

    public VaultSession(VaultHttp http, String token) {
        this.http = Objects.requireNonNull(http);
        this.token = Objects.requireNonNull(token);
    }

    public String address() {
        return http.endpoint().display();
    }

    /**
     * Reads the latest version of {@code secret/<path>} through the driver (KV v2 read:
     * https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2#read-secret-version).
     * An absent or soft-deleted secret is {@link KvSecret#exists() empty}, with the version to write over.
     */
    public KvSecret readSecret(String path) {
        LogicalResponse response;
        try {
            response = VaultDriver.create(http, token).logical().read(KV_MOUNT + "/" + path);
        } catch (VaultException e) {
            throw driverFailure("reading secret/" + path, e);
        }
        int status = response.getRestResponse().getStatus();
        JsonNode body = VaultHttp.parse(response.getRestResponse().getBody());
        long version = body.path("data").path("metadata").path("version").asLong(0);
        if (status == 404) {
            return KvSecret.absent(path, version);
        }
        if (status != 200) {
            throw VaultErrors.of(address(), "reading secret/" + path, status, errors(body));
        }
        JsonNode data = body.path("data").path("data");
        if (!data.isObject()) {
            return KvSecret.absent(path, version);
        }
        return new KvSecret(path, VaultHttp.MAPPER.convertValue(data, MAP), version);
    }

    /**
     * Writes a whole new version of {@code secret/<path>} with check-and-set on {@code expectedVersion} (0: only if
     * it does not exist yet). Raw HTTP: the driver reports a 400 as an exception with text only, and a CAS mismatch
     * must be told apart from other refusals by Vault's errors list
     * (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2#create-update-secret).
     *
     * @return the new version
     * @throws CasConflict when the secret is no longer at {@code expectedVersion}
     */
    public long writeSecret(String path, Map<String, Object> data, long expectedVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("options", Map.of("cas", expectedVersion));
        body.put("data", data);
        VaultHttp.Response response = http.post(KV_MOUNT + "/data/" + path, Optional.of(token), body);
        if (response.status() == 400 && response.errors().contains("check-and-set")) {
            throw new CasConflict(path);
        }
        if (!response.ok()) {
            throw VaultErrors.of(http, "writing secret/" + path, response);
        }
        return response.body().path("data").path("version").asLong(expectedVersion + 1);
    }

    /** GET {@code path}: the body, or empty on 404. */
    public Optional<JsonNode> read(String path, String what) {
        VaultHttp.Response response = http.get(path, Optional.of(token));
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw VaultErrors.of(http, what, response);
        }
        return Optional.of(response.body());
    }

    /** POST {@code path}: the body (a {@link MissingNode} for 204). */
    public JsonNode write(String path, Object body, String what) {
        return write(path, body, Map.of(), what);
    }

    public JsonNode write(String path, Object body, Map<String, String> headers, String what) {
        VaultHttp.Response response = http.send("POST", path, Optional.of(token), body, headers);
        if (!response.ok()) {
            throw VaultErrors.of(http, what, response);
        }
        return response.body();
    }

    private UserError driverFailure(String what, VaultException e) {
        if (e.getHttpStatusCode() > 0) {
            return VaultErrors.of(address(), what, e.getHttpStatusCode(), "");
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof java.io.IOException)) {
            cause = cause.getCause();
        }
        return http.unreachable(cause instanceof Exception ex ? ex : e);
    }

    private static String errors(JsonNode body) {
        return new VaultHttp.Response(0, body).errors();
    }
}
