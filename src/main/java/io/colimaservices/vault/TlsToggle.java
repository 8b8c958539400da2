package io.colimaservices.vault;

import io.colimaservices.domain.KvSecret;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultServices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns TLS on or off for one service (docs/vault-contract.md, "TLS toggle, end to end"). The flag is merged into
 * the service's secret: read data and version, change {@code tls_enabled} only, write back with
 * {@code options.cas = version}; a concurrent writer makes Vault answer 400 ("check-and-set parameter did not
 * match the current version") and the merge starts again from a fresh read, at most {@value #MAX_ATTEMPTS} times.
 * A plain KV v2 write would replace the whole secret and drop the password: never done here.
 */
public final class TlsToggle {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration RESTART_DEADLINE = Duration.ofMinutes(3);

    private final VaultSession session;
    private final CertificateIssuer issuer;
    private final AgentArming arming;
    private final Optional<ServiceRestarter> restarter;
    private final Consumer<String> progress;

    /**
     * @param changed        whether the flag had to change
     * @param restarted      services restarted, in order (with a {@code restartProblem}, the last one did not come
     *                       back); empty when no restarter is wired (then {@code manualStep} says what to run)
     * @param restartProblem why a restart did not complete: the flag is set in Vault, but the service does not run
     *                       with it (yet); restarting again ({@code tls SERVICE apply}) finishes the job
     */
    public record Report(String service, boolean enabled, boolean changed, long version, CertificateInfo certificate,
                         boolean certificateIssued, List<String> restarted, Optional<String> manualStep,
                         Optional<String> restartProblem) {
        public Report {
            restarted = List.copyOf(restarted);
        }

        public Report(String service, boolean enabled, boolean changed, long version, CertificateInfo certificate,
                      boolean certificateIssued, List<String> restarted, Optional<String> manualStep) {
            this(service, enabled, changed, version, certificate, certificateIssued, restarted, manualStep,
                    Optional.empty());
        }
    }

    public TlsToggle(VaultSession session, CertificateIssuer issuer, AgentArming arming,
                     Optional<ServiceRestarter> restarter, Consumer<String> progress) {
        this.session = session;
        this.issuer = issuer;
        this.arming = arming;
        this.restarter = restarter;
        this.progress = progress;
    }

    public Report set(VaultLayout.ServiceSpec service, String credentialPath, boolean enabled) {
        if (!service.tls()) {
            throw new UserError(UserError.Kind.CONFIGURATION, service.name() + " has no TLS to switch");
        }
        Merge merge = mergeFlag(credentialPath, enabled);
        progress.accept("secret/" + credentialPath + ": tls_enabled=" + enabled
                + (merge.changed() ? " (version " + merge.version() + ")" : " (already)"));
        CertificateIssuer.Outcome cert = issuer.ensure(service);
        if (cert.issued()) {
            progress.accept("issued a new certificate for " + service.name());
        }
        Applied applied = apply(service.name());
        return new Report(service.name(), enabled, merge.changed(), merge.version(), cert.certificate(),
                cert.issued(), applied.restarted(), applied.manualStep(), applied.problem());
    }

    /**
     * Makes the service run with the flag as Vault has it, without changing it: re-arms and restarts vault-agent,
     * then the service. What a TLS switch whose restart did not complete offers to do again.
     */
    public Report reapply(VaultLayout.ServiceSpec service, String credentialPath) {
        Report now = status(service, credentialPath);
        Applied applied = apply(service.name());
        return new Report(service.name(), now.enabled(), false, now.version(), now.certificate(), false,
                applied.restarted(), applied.manualStep(), applied.problem());
    }

    private record Applied(List<String> restarted, Optional<String> manualStep, Optional<String> problem) {
    }

    /**
     * Re-arms, then restarts vault-agent and the service, each waited for until healthy. A restart that does not
     * complete is reported, not thrown: the flag has changed in Vault by then, and the caller must say so.
     */
    private Applied apply(String service) {
        armAll();
        if (restarter.isEmpty()) {
            return new Applied(List.of(), Optional.of("docker compose restart " + VaultServices.AGENT + " " + service),
                    Optional.empty());
        }
        List<String> restarted = new ArrayList<>();
        for (String name : List.of(VaultServices.AGENT, service)) {
            try {
                restart(name, restarted);
            } catch (UserError e) {
                progress.accept(name + " did not come back: " + e.getMessage());
                return new Applied(restarted, Optional.empty(), Optional.of(name + " did not come back: "
                        + e.getMessage()));
            }
        }
        return new Applied(restarted, Optional.empty(), Optional.empty());
    }

    /** The flag and certificate as stored now. */
    public Report status(VaultLayout.ServiceSpec service, String credentialPath) {
        KvSecret secret = session.readSecret(credentialPath);
        if (!secret.exists()) {
            throw new UserError(UserError.Kind.VAULT, "secret/" + credentialPath + " does not exist in Vault at "
                    + session.address(), "run 'colima-services vault bootstrap'");
        }
        CertificateInfo cert = service.tls() ? issuer.current(service).orElse(null) : null;
        return new Report(service.name(), secret.flag(VaultLayout.TLS_FIELD).orElse(false), false, secret.version(),
                cert, false, List.of(), Optional.empty());
    }

    private record Merge(boolean changed, long version) {
    }

    Merge mergeFlag(String path, boolean enabled) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            KvSecret current = session.readSecret(path);
            if (!current.exists()) {
                throw new UserError(UserError.Kind.VAULT, "secret/" + path + " does not exist in Vault at "
                        + session.address(), "run 'colima-services vault bootstrap' first");
            }
            if (current.data().get(VaultLayout.TLS_FIELD) instanceof Boolean b && b == enabled) {
                return new Merge(false, current.version());
            }
            Map<String, Object> merged = new LinkedHashMap<>(current.data());
            merged.put(VaultLayout.TLS_FIELD, enabled);
            try {
                return new Merge(true, session.writeSecret(path, merged, current.version()));
            } catch (VaultSession.CasConflict e) {
                progress.accept("secret/" + path + " changed meanwhile; merging again (" + attempt + "/"
                        + MAX_ATTEMPTS + ")");
            }
        }
        throw new UserError(UserError.Kind.VAULT, "secret/" + path + " kept changing while tls_enabled was being "
                + "merged (" + MAX_ATTEMPTS + " attempts); nothing was overwritten", "try again");
    }

    private void armAll() {
        arming.armAll();
        progress.accept("re-armed " + VaultServices.AGENT);
    }

    private void restart(String name, List<String> restarted) {
        progress.accept("restarting " + name + " and waiting until it is healthy");
        restarted.add(name);
        restarter.orElseThrow().restartAndWait(name, RESTART_DEADLINE);
    }
}
