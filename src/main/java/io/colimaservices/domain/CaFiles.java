package io.colimaservices.domain;

import java.nio.file.Path;

/** Files holding the stack's CA (public material only: never a private key). */
public interface CaFiles {

    enum Format {
        /** The chain in PEM, issuing CA first: for tools that take a CA file. */
        PEM,
        /** A PKCS#12 trust store of the chain's certificates, for JVM and other clients. */
        PKCS12,
        /** A JKS trust store, for older JVM clients. */
        JKS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The root alone in PEM where the trust tools can read it (world-readable; rewritten only when it changes).
     *
     * @throws UserError of kind OTHER when it cannot be written
     */
    Path rootFile(CaCertificate root);

    /**
     * Writes {@code chain} to {@code file} in {@code format}, replacing the file; {@code storePassword} protects
     * the integrity of a PKCS#12 or JKS store (ignored for PEM).
     *
     * @throws UserError of kind CONFIGURATION when the file's directory does not exist, OTHER when writing fails
     */
    void export(CaChain chain, Path file, Format format, char[] storePassword);
}
