package io.colimaservices.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.domain.InitResult;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultGateway;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.HealthResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link VaultGateway} over Vault's HTTP API. The state combines {@code sys/seal-status} (threshold, shares,
 * progress, version) with {@code sys/health} through the driver (standby). Init and unseal are raw calls: the
 * driver has no init, and its unseal builds its own HTTP client per request.
 */
public final class HttpVaultGateway implements VaultGateway {
    private final VaultHttp http;

    public HttpVaultGateway(VaultHttp http) {
        this.http = http;
    }

    @Override
    public String address() {
        return http.endpoint().display();
    }

    @Override
    public VaultState status() {
        VaultHttp.Response seal;
        try {
            seal = http.get("sys/seal-status", Optional.empty());
        } catch (UserError e) {
            return VaultState.down(address(), e.getMessage());
        }
        if (seal.status() != 200) {
            return VaultState.down(address(), "sys/seal-status answered HTTP " + seal.status());
        }
        return stateOf(seal.body(), false, standby(seal.body()));
    }

    /** Only an unsealed node can be a standby; sys/health says which (429 means standby). */
    private boolean standby(JsonNode seal) {
        if (seal.path("sealed").asBoolean(true) || !seal.path("initialized").asBoolean(false)) {
            return false;
        }
        try {
            HealthResponse health = VaultDriver.create(http, "").debug().health();
            int status = health.getRestResponse().getStatus();
            return status == 429 || Boolean.TRUE.equals(health.getStandby());
        } catch (VaultException | RuntimeException e) {
            return false;
        }
    }

    /** @param initializedByDefault sys/unseal answers omit {@code initialized}: only an initialized Vault unseals */
    private VaultState stateOf(JsonNode body, boolean initializedByDefault, boolean standby) {
        VaultPhase phase;
        if (!body.path("initialized").asBoolean(initializedByDefault)) {
            phase = VaultPhase.UNINITIALIZED;
        } else if (body.path("sealed").asBoolean(true)) {
            phase = VaultPhase.SEALED;
        } else {
            phase = VaultPhase.UNSEALED;
        }
        Optional<String> version = Optional.of(body.path("version").asText("")).filter(v -> !v.isEmpty());
        return new VaultState(address(), phase, body.path("progress").asInt(0), body.path("t").asInt(0),
                body.path("n").asInt(0), version, standby, Optional.empty());
    }

    @Override
    public InitResult initialize(int shares, int threshold) {
        if (shares < 1 || threshold < 1 || threshold > shares || (shares > 1 && threshold < 2)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot split into " + shares + " shares with threshold "
                    + threshold, "the threshold must be between 2 and the number of shares (or 1 of 1)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret_shares", shares);
        body.put("secret_threshold", threshold);
        VaultHttp.Response response = http.post("sys/init", Optional.empty(), body);
        if (response.status() != 200) {
            throw VaultErrors.of(http, "initializing Vault", response);
        }
        List<String> keys = new ArrayList<>();
        response.body().path("keys").forEach(k -> keys.add(k.asText()));
        String root = response.body().path("root_token").asText("");
        if (keys.size() != shares || root.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + address()
                    + " answered sys/init without the expected keys and root token");
        }
        return new InitResult(keys, threshold, root);
    }

    @Override
    public VaultState submitUnsealShare(String share) {
        return unseal(Map.of("key", share), "submitting an unseal key share");
    }

    @Override
    public VaultState resetUnseal() {
        return unseal(Map.of("reset", true), "resetting the unseal progress");
    }

    private VaultState unseal(Map<String, Object> body, String what) {
        VaultHttp.Response response = http.post("sys/unseal", Optional.empty(), body);
        if (response.status() != 200) {
            throw VaultErrors.of(http, what, response);
        }
        return stateOf(response.body(), true, false);
    }
}
