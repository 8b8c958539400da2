package io.colimaservices.domain;

import java.nio.file.Path;

/**
 * The operating system's (or browsers') store of trusted certificate authorities for the current user: the macOS
 * login keychain, or the user's NSS database on Linux. Changes need no administrator rights. Where the store or
 * its tool is missing, the answer is {@link TrustReport.Trust#UNKNOWN} with the exact commands that would do it.
 * Every call runs a tool with a deadline and blocks: callers stay off UI threads.
 */
public interface TrustStore {

    /** Which store, for messages ("the login keychain ..."). */
    String description();

    /** Whether {@code root} is trusted there now. {@code rootFile} holds it in PEM. */
    TrustReport status(CaCertificate root, Path rootFile);

    /** Trusts {@code root} for TLS, replacing older certificates of the same name; the report is read after. */
    TrustReport trust(CaCertificate root, Path rootFile);

    /** Removes {@code root} (and older certificates of the same name); the report is read after. */
    TrustReport untrust(CaCertificate root, Path rootFile);
}
