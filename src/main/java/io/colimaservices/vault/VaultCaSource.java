package io.colimaservices.vault;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.CaChain;
import io.colimaservices.domain.CaSource;
import io.colimaservices.domain.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stack's CA chain from Vault's unauthenticated PKI endpoints, so it works without a token
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-default-issuer-certificate-chain and
 * #read-issuer-certificate): {@code GET /v1/pki_int/ca_chain} (the intermediate and every parent the mount knows,
 * PEM) and {@code GET /v1/pki/ca/pem} (the root). Both are asked because a {@code pki_int/} whose signed
 * certificate was installed without its parent knows only itself; the chain is then assembled by signature.
 * A sealed Vault answers 503, a mount without a CA 204, and a path without a mount 403 (a request without a token
 * to a path that is not public): each is reported with what to run.
 */
public final class VaultCaSource implements CaSource {
    private final VaultHttp http;

    public VaultCaSource(VaultHttp http) {
        this.http = http;
    }

    @Override
    public CaChain chain() {
        List<CaCertificate> found = new ArrayList<>(pem(VaultLayout.PKI_INT + "/ca_chain"));
        found.addAll(pem(VaultLayout.PKI_ROOT + "/ca/pem"));
        if (found.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + http.endpoint().display() + " has no CA yet ("
                    + VaultLayout.PKI_INT + "/ and " + VaultLayout.PKI_ROOT + "/ hold no certificate)",
                    "run 'colima-services vault bootstrap'");
        }
        return CaChain.assemble(found).orElseThrow(() -> new UserError(UserError.Kind.VAULT, "the CA certificates "
                + "of Vault at " + http.endpoint().display() + " do not lead to a root CA ("
                + found.stream().map(CaCertificate::subject).toList() + ")",
                "run 'colima-services vault bootstrap' to complete the PKI"));
    }

    @Override
    public String description() {
        return "Vault at " + http.endpoint().display();
    }

    private List<CaCertificate> pem(String path) {
        VaultHttp.Response response = http.get(path, Optional.empty());
        if (response.status() == 204) {
            return List.of();
        }
        if (response.status() == 403 || response.status() == 404) {
            // These paths need no token: a refusal means no PKI engine is mounted there.
            throw new UserError(UserError.Kind.VAULT, "Vault at " + http.endpoint().display() + " has no PKI engine at "
                    + path.substring(0, path.indexOf('/') + 1), "run 'colima-services vault bootstrap'");
        }
        if (response.status() != 200) {
            throw VaultErrors.of(http, "reading the CA (" + path + ")", response);
        }
        try {
            return CaCertificate.parseAll(response.body().isTextual() ? response.body().asText() : "");
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + http.endpoint().display() + " answered " + path
                    + " with something that is not a PEM certificate");
        }
    }
}
