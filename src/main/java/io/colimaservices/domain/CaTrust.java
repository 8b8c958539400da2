package io.colimaservices.domain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's CA on this computer, for both faces (the {@code ca} command, the Credentials page, the setup
 * checklist's {@code ca} step): read the chain from Vault, say whether the root is trusted, trust or untrust it in
 * the user's trust store, export it for clients that take a CA file or a trust store. Only public material is
 * handled: the CA's keys never leave Vault.
 */
public final class CaTrust {
    /** The JDK's conventional trust store password (its own {@code cacerts} uses it). */
    public static final String DEFAULT_STORE_PASSWORD = "changeit";

    private final CaSource source;
    private final TrustStore store;
    private final CaFiles files;
    private final Clock clock;

    /** @param changed whether the trust store was changed (false when it already was as asked, or when manual) */
    public record Change(boolean changed, CaStatus status) {
    }

    public record Export(Path file, CaFiles.Format format, CaChain chain) {
    }

    public CaTrust(CaSource source, TrustStore store, CaFiles files, Clock clock) {
        this.source = Objects.requireNonNull(source);
        this.store = Objects.requireNonNull(store);
        this.files = Objects.requireNonNull(files);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @throws UserError of kind VAULT when Vault cannot give the CA */
    public CaStatus status() {
        CaChain chain = source.chain();
        return status(chain, store.status(chain.root(), files.rootFile(chain.root())));
    }

    /** Trusts the root unless it already is (on macOS the system asks the user, so it is asked only when needed). */
    public Change trust() {
        CaChain chain = source.chain();
        Path rootFile = files.rootFile(chain.root());
        TrustReport before = store.status(chain.root(), rootFile);
        if (before.trusted()) {
            return new Change(false, status(chain, before));
        }
        TrustReport after = store.trust(chain.root(), rootFile);
        return new Change(after.trusted(), status(chain, after));
    }

    /** Removes the root from the trust store unless it is not there. */
    public Change untrust() {
        CaChain chain = source.chain();
        Path rootFile = files.rootFile(chain.root());
        TrustReport before = store.status(chain.root(), rootFile);
        if (before.trust() == TrustReport.Trust.NOT_TRUSTED) {
            return new Change(false, status(chain, before));
        }
        TrustReport after = store.untrust(chain.root(), rootFile);
        return new Change(before.trusted() && !after.trusted(), status(chain, after));
    }

    /** Writes the chain to {@code file}; a trust store is protected by {@code storePassword} or {@value #DEFAULT_STORE_PASSWORD}. */
    public Export export(Path file, CaFiles.Format format, Optional<String> storePassword) {
        CaChain chain = source.chain();
        files.export(chain, file, format, storePassword.orElse(DEFAULT_STORE_PASSWORD).toCharArray());
        return new Export(file, format, chain);
    }

    private CaStatus status(CaChain chain, TrustReport trust) {
        return new CaStatus(source.description(), chain, trust, clock.instant());
    }
}
