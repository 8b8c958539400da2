package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultServices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * "Arms" the stack's {@code vault-agent} before it starts (docs/vault-contract.md, "Delivery to containers"): for
 * each AppRole, {@code <runtime>/vault-agent/<service>/role_id} and a response-wrapped, single-use secret ID in
 * {@code secret_id}, both 0600. The agent unwraps the secret ID and deletes the file; an unread one is useless
 * after {@value #WRAP_TTL}. APIs: https://developer.hashicorp.com/vault/api-docs/auth/approle#read-approle-role-id,
 * #generate-new-secret-id, and https://developer.hashicorp.com/vault/docs/concepts/response-wrapping.
 */
public final class AgentArming {
    public static final String WRAP_TTL = "5m";
    private final VaultSession session;
    private final Path runtime;
    private final Supplier<Catalog> catalog;

    /** @param catalog the stack: the services it arms are those with a vault-path label */
    public AgentArming(VaultSession session, Path runtime, Supplier<Catalog> catalog) {
        this.session = session;
        this.runtime = runtime;
        this.catalog = catalog;
    }

    public static Path agentDir(Path runtime, String service) {
        return agentRoot(runtime).resolve(service);
    }

    /** Where the agent's credentials go: the folder the compose file bind-mounts into {@code vault-agent}. */
    public static Path agentRoot(Path runtime) {
        return runtime.resolve(VaultServices.AGENT);
    }

    /** Arms every service that reads secrets (the compose file's vault-path labels); returns the services armed. */
    public List<String> armAll() {
        List<String> armed = new ArrayList<>();
        for (VaultLayout.ServiceSpec service : VaultLayout.services(catalog.get())) {
            arm(service.name());
            armed.add(service.name());
        }
        return armed;
    }

    public void arm(String service) {
        String role = "auth/approle/role/" + service;
        String roleId = session.read(role + "/role-id", "reading the role ID of " + service)
                .map(body -> body.path("data").path("role_id").asText(""))
                .filter(id -> !id.isEmpty())
                .orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no AppRole '" + service + "' in Vault at "
                        + session.address(), "run 'colima-services vault bootstrap'"));
        String wrapped = session.write(role + "/secret-id", Map.of(), Map.of("X-Vault-Wrap-TTL", WRAP_TTL),
                        "creating a secret ID for " + service)
                .path("wrap_info").path("token").asText("");
        if (wrapped.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + session.address()
                    + " did not wrap the secret ID of " + service);
        }
        Path dir = agentDir(runtime, service);
        try {
            PrivateFiles.write(dir.resolve("role_id"), roleId);
            PrivateFiles.write(dir.resolve("secret_id"), wrapped);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write the vault-agent credentials under " + dir
                    + ": " + e.getMessage());
        }
    }
}
