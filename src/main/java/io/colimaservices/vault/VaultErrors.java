package io.colimaservices.vault;

import io.colimaservices.domain.UserError;

/** Turns Vault's refusals into messages a user can act on; each names the address and the path, never a body. */
final class VaultErrors {
    private VaultErrors() {
    }

    static UserError of(VaultHttp http, String what, VaultHttp.Response response) {
        return of(http.endpoint().display(), what, response.status(), response.errors());
    }

    static UserError of(String address, String what, int status, String errors) {
        String detail = errors.isBlank() ? "" : ": " + errors;
        return switch (status) {
            case 403 -> new UserError(UserError.Kind.VAULT, what + ": permission denied by Vault at " + address
                    + detail, "the token in the secret store lacks this right: run 'vault bootstrap' again, or "
                    + "'vault import' the root token");
            case 503 -> new UserError(UserError.Kind.VAULT, what + ": Vault at " + address + " is sealed" + detail,
                    "run 'colima-services vault unseal'");
            case 501 -> new UserError(UserError.Kind.VAULT, what + ": Vault at " + address + " is not initialized",
                    "run 'colima-services vault init' (or 'vault import' the keys of an existing Vault)");
            case 404 -> new UserError(UserError.Kind.VAULT, what + ": not found in Vault at " + address + detail,
                    "run 'colima-services vault bootstrap'");
            default -> new UserError(UserError.Kind.VAULT, what + ": Vault at " + address + " answered HTTP "
                    + status + detail);
        };
    }
}
