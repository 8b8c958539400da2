package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a TLS switch (or a look at it) found and did for one service (docs/vault-contract.md, "TLS toggle").
 *
 * @param path           the KV path of the service's own secret (under {@code secret/})
 * @param changed        whether the flag had to change
 * @param version        the version of the service's secret after it
 * @param certificate    the stored certificate; empty while none is stored
 * @param restarted      services restarted, in order (with a {@code restartProblem}, the last one did not come
 *                       back); empty when no restarter is wired (then {@code manualStep} says what to run)
 * @param restartProblem why a restart did not complete: the flag is set in Vault, but the service does not run with
 *                       it (yet); applying it again restarts again
 */
public record TlsReport(String service, String path, boolean enabled, boolean changed, long version,
                        Optional<IssuedCertificate> certificate, boolean certificateIssued, List<String> restarted,
                        Optional<String> manualStep, Optional<String> restartProblem) {
    public TlsReport {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(certificate, "certificate");
        restarted = List.copyOf(restarted);
        Objects.requireNonNull(manualStep, "manualStep");
        Objects.requireNonNull(restartProblem, "restartProblem");
    }

    /**
     * The state in a line: what Vault says, and, when a restart did not complete, what the service runs with
     * ("TLS is off in Vault; postgres still runs with TLS on").
     */
    public String headline() {
        String flag = "TLS is " + (enabled ? "on" : "off") + " in Vault";
        if (restartProblem.isEmpty()) {
            return flag + " for " + service;
        }
        return restarted.contains(service)
                ? flag + "; " + service + " restarted but did not come back healthy"
                : flag + "; " + service + " still runs with TLS " + (enabled ? "off" : "on");
    }
}
