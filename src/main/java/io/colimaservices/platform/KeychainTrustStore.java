package io.colimaservices.platform;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.domain.TrustStore;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macOS login keychain and the user's trust settings, through Apple's {@code security} tool (security(1)),
 * without sudo:
 * <ul>
 * <li>trust: {@code add-trusted-cert -r trustRoot -p ssl -k ~/Library/Keychains/login.keychain-db FILE} (per-user
 * trust settings: macOS asks the user to confirm with their password, hence the long deadline);</li>
 * <li>untrust: {@code remove-trusted-cert FILE}, then {@code delete-certificate -Z SHA1 KEYCHAIN};</li>
 * <li>status: {@code find-certificate -a -Z -c NAME KEYCHAIN} (which certificates of that name the keychain holds)
 * and {@code verify-cert -c FILE -p ssl -l -L -q} (whether the system, with the user's trust settings, trusts the
 * root for TLS: exit 0).</li>
 * </ul>
 * Certificates of the same name with another hash are an earlier Vault's roots: trusting deletes them with their
 * trust settings ({@code delete-certificate -Z SHA1 -t}). Verified only on a Mac; tests here drive a stand-in.
 */
public final class KeychainTrustStore implements TrustStore {
    /** The user confirms with a password in a system dialog: give them time. */
    static final Duration INTERACTIVE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern SHA1 = Pattern.compile("(?m)^SHA-1 hash: ([0-9A-Fa-f]{40})\\s*$");
    private static final Path SYSTEM_TOOL = Path.of("/usr/bin/security");

    private final Commands commands;
    private final Path keychain;

    /** @param home the user's home: the keychain is {@code <home>/Library/Keychains/login.keychain-db} */
    public KeychainTrustStore(Commands commands, Path home) {
        this.commands = commands;
        this.keychain = home.resolve("Library").resolve("Keychains").resolve("login.keychain-db");
    }

    @Override
    public String description() {
        return "the login keychain (" + keychain + ")";
    }

    @Override
    public TrustReport status(CaCertificate root, Path rootFile) {
        String tool = tool();
        List<String> hashes = hashes(tool, root.commonName());
        boolean present = hashes.contains(root.sha1());
        long older = hashes.stream().filter(h -> !h.equals(root.sha1())).count();
        String others = older == 0 ? "" : "; " + older + " other certificate(s) named \"" + root.commonName()
                + "\" (an earlier CA) are there too";
        if (verified(tool, rootFile)) {
            return report(TrustReport.Trust.TRUSTED, "trusted for TLS by this Mac's user (" + description() + ")"
                    + others);
        }
        return report(TrustReport.Trust.NOT_TRUSTED, (present ? "in " + description() + " but not trusted for TLS"
                : "not in " + description()) + others);
    }

    @Override
    public TrustReport trust(CaCertificate root, Path rootFile) {
        String tool = tool();
        for (String hash : hashes(tool, root.commonName())) {
            if (!hash.equals(root.sha1())) {
                check(run(List.of(tool, "delete-certificate", "-Z", hash, "-t", keychain.toString()), TIMEOUT),
                        "remove an earlier \"" + root.commonName() + "\" from");
            }
        }
        check(run(List.of(tool, "add-trusted-cert", "-r", "trustRoot", "-p", "ssl", "-k", keychain.toString(),
                rootFile.toString()), INTERACTIVE_TIMEOUT), "trust the root CA in");
        return status(root, rootFile);
    }

    @Override
    public TrustReport untrust(CaCertificate root, Path rootFile) {
        String tool = tool();
        if (verified(tool, rootFile)) {
            check(run(List.of(tool, "remove-trusted-cert", rootFile.toString()), INTERACTIVE_TIMEOUT),
                    "remove the trust settings of the root CA from");
        }
        for (String hash : hashes(tool, root.commonName())) {
            List<String> delete = new ArrayList<>(List.of(tool, "delete-certificate", "-Z", hash));
            if (!hash.equals(root.sha1())) {
                delete.add("-t");
            }
            delete.add(keychain.toString());
            check(run(delete, TIMEOUT), "remove \"" + root.commonName() + "\" from");
        }
        return status(root, rootFile);
    }

    /** SHA-1 hashes of the keychain's certificates whose name contains {@code name}. */
    private List<String> hashes(String tool, String name) {
        Commands.Result result = run(List.of(tool, "find-certificate", "-a", "-Z", "-c", name, keychain.toString()),
                TIMEOUT);
        if (result.exitCode() != 0) {
            if (result.stderr().contains("could not be found")) {
                return List.of();
            }
            throw failure("search", result);
        }
        List<String> hashes = new ArrayList<>();
        Matcher m = SHA1.matcher(result.stdoutText());
        while (m.find()) {
            hashes.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        return hashes;
    }

    /** Whether the system trusts the root for TLS (a CA as the "leaf": {@code -l}; no network: {@code -L}). */
    private boolean verified(String tool, Path rootFile) {
        return run(List.of(tool, "verify-cert", "-c", rootFile.toString(), "-p", "ssl", "-l", "-L", "-q"), TIMEOUT)
                .exitCode() == 0;
    }

    private String tool() {
        return commands.find("security").map(Path::toString)
                .or(() -> Files.isExecutable(SYSTEM_TOOL) ? Optional.of(SYSTEM_TOOL.toString())
                        : Optional.empty())
                .orElseThrow(() -> new UserError(UserError.Kind.OTHER, "the 'security' tool of macOS is missing"));
    }

    private TrustReport report(TrustReport.Trust trust, String detail) {
        return new TrustReport(trust, description(), detail, List.of());
    }

    private Commands.Result run(List<String> command, Duration timeout) {
        try {
            return commands.run(command, null, timeout, true);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "security failed on " + description() + ": " + e.getMessage(),
                    timeout.equals(INTERACTIVE_TIMEOUT) ? "answer the dialog macOS shows" : "");
        }
    }

    private void check(Commands.Result result, String what) {
        if (result.exitCode() != 0) {
            throw failure(what, result);
        }
    }

    private UserError failure(String what, Commands.Result result) {
        String stderr = result.stderr().strip();
        String first = stderr.lines().findFirst().orElse("");
        boolean declined = stderr.contains("-128") || stderr.toLowerCase(Locale.ROOT).contains("canceled");
        return new UserError(UserError.Kind.OTHER, "security could not " + what + " " + description() + " (exit "
                + result.exitCode() + (first.isEmpty() ? "" : ": " + first) + ")",
                declined ? "you declined in the dialog; run it again and confirm with your password"
                        : "unlock the login keychain in Keychain Access");
    }
}
