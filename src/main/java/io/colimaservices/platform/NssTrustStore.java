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
import java.util.Optional;
import java.util.function.Function;

/**
 * The user's shared NSS database ({@code ~/.pki/nssdb}, read by Chrome, Chromium and other NSS programs on Linux)
 * through {@code certutil} from Debian's {@code libnss3-tools}: {@code -A -t "C,,"} adds the root as a CA trusted
 * to issue server certificates, {@code -D} deletes, {@code -L} lists. No administrator rights are needed. When
 * certutil or the database is missing nothing is created: the report carries the exact commands instead.
 * An NSS nickname may hold several certificates of the same subject (an earlier Vault's root): trusting removes
 * them first, untrusting removes them all.
 */
public final class NssTrustStore implements TrustStore {
    public static final String NICKNAME = "Colima Services Root CA";
    static final String SSL_CA_TRUST = "C,,";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** More entries under one nickname than any real database holds: a bound on the delete loop. */
    private static final int MAX_ENTRIES = 20;

    private final Commands commands;
    private final Path database;

    /** @param home the user's home: the database is {@code <home>/.pki/nssdb} */
    public NssTrustStore(Commands commands, Path home) {
        this.commands = commands;
        this.database = home.resolve(".pki").resolve("nssdb");
    }

    @Override
    public String description() {
        return "the NSS database sql:" + database;
    }

    @Override
    public TrustReport status(CaCertificate root, Path rootFile) {
        return withCertutil(addCommands(rootFile), certutil -> read(certutil, root));
    }

    @Override
    public TrustReport trust(CaCertificate root, Path rootFile) {
        return withCertutil(addCommands(rootFile), certutil -> {
            deleteAll(certutil);
            check(run(List.of(certutil.toString(), "-d", dbArgument(), "-A", "-t", SSL_CA_TRUST, "-n", NICKNAME,
                    "-i", rootFile.toString())), "add the root CA to");
            return read(certutil, root);
        });
    }

    @Override
    public TrustReport untrust(CaCertificate root, Path rootFile) {
        if (!databaseExists()) {
            return report(TrustReport.Trust.NOT_TRUSTED, "there is no NSS database at " + database
                    + ": nothing to remove", List.of());
        }
        return withCertutil(List.of(ShellWords.line(List.of("certutil", "-d", dbArgument(), "-D", "-n", NICKNAME))),
                certutil -> {
                    deleteAll(certutil);
                    return read(certutil, root);
                });
    }

    private TrustReport read(Path certutil, CaCertificate root) {
        List<CaCertificate> named = named(certutil);
        boolean ours = named.contains(root);
        int older = (int) named.stream().filter(c -> !c.equals(root)).count();
        String others = older == 0 ? "" : "; " + older + " other certificate(s) named \"" + NICKNAME
                + "\" (an earlier CA) are there too";
        if (!ours) {
            return report(TrustReport.Trust.NOT_TRUSTED, "not in " + description() + others, List.of());
        }
        List<String> flags = trustFlags(certutil);
        boolean sslCa = !flags.isEmpty() && flags.stream().allMatch(f -> f.split(",", -1)[0].contains("C"));
        return sslCa ? report(TrustReport.Trust.TRUSTED, "trusted for TLS in " + description()
                + " (nickname \"" + NICKNAME + "\")" + others, List.of())
                : report(TrustReport.Trust.NOT_TRUSTED, "in " + description() + " but not trusted to issue "
                + "server certificates (trust flags " + String.join(" ", flags) + ")" + others, List.of());
    }

    /** Runs {@code action} with certutil's path when the tool and the database are there, else reports {@code manual}. */
    private TrustReport withCertutil(List<String> manual, Function<Path, TrustReport> action) {
        return missing(manual).orElseGet(() -> action.apply(commands.find("certutil").orElseThrow()));
    }

    /** The report when certutil or the database is missing: nothing can be read or changed, here is what to run. */
    private Optional<TrustReport> missing(List<String> then) {
        boolean tool = commands.find("certutil").isPresent();
        boolean db = databaseExists();
        if (tool && db) {
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        if (!db) {
            steps.add(ShellWords.line(List.of("mkdir", "-p", database.toString())));
            steps.add(ShellWords.line(List.of("certutil", "-d", dbArgument(), "-N", "--empty-password")));
        }
        steps.addAll(then);
        String why = !tool ? "certutil is not installed (Debian/Ubuntu: sudo apt-get install libnss3-tools)"
                : "there is no NSS database at " + database + " (Chrome or Chromium creates it on first start)";
        return Optional.of(report(TrustReport.Trust.UNKNOWN, why, steps));
    }

    private boolean databaseExists() {
        return Files.isRegularFile(database.resolve("cert9.db"));
    }

    private List<String> addCommands(Path rootFile) {
        return List.of(ShellWords.line(List.of("certutil", "-d", dbArgument(), "-A", "-t", SSL_CA_TRUST, "-n",
                NICKNAME, "-i", rootFile.toString())));
    }

    /** The certificates under our nickname ({@code -L -n NAME -a} prints each in PEM; exit 255 when none). */
    private List<CaCertificate> named(Path certutil) {
        Commands.Result result = run(List.of(certutil.toString(), "-d", dbArgument(), "-L", "-n", NICKNAME, "-a"));
        if (result.exitCode() != 0) {
            if (result.stderr().contains("Could not find cert")) {
                return List.of();
            }
            throw failure("read", result);
        }
        try {
            return CaCertificate.parseAll(result.stdoutText());
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.Kind.OTHER, "certutil printed no readable certificate for \"" + NICKNAME
                    + "\" from " + description());
        }
    }

    /** The trust flags ({@code SSL,S/MIME,JAR/XPI}) of each listed entry named {@value #NICKNAME}. */
    private List<String> trustFlags(Path certutil) {
        Commands.Result result = run(List.of(certutil.toString(), "-d", dbArgument(), "-L"));
        if (result.exitCode() != 0) {
            throw failure("list", result);
        }
        List<String> flags = new ArrayList<>();
        for (String line : result.stdoutText().lines().toList()) {
            if (line.startsWith(NICKNAME + " ")) {
                flags.add(line.substring(NICKNAME.length()).strip());
            }
        }
        return flags;
    }

    private void deleteAll(Path certutil) {
        for (int i = 0; i < MAX_ENTRIES && !named(certutil).isEmpty(); i++) {
            check(run(List.of(certutil.toString(), "-d", dbArgument(), "-D", "-n", NICKNAME)),
                    "remove \"" + NICKNAME + "\" from");
        }
    }

    private String dbArgument() {
        return "sql:" + database;
    }

    private TrustReport report(TrustReport.Trust trust, String detail, List<String> steps) {
        return new TrustReport(trust, description(), detail, steps);
    }

    private Commands.Result run(List<String> command) {
        try {
            return commands.run(command, null, TIMEOUT, true);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "certutil failed on " + description() + ": " + e.getMessage());
        }
    }

    private void check(Commands.Result result, String what) {
        if (result.exitCode() != 0) {
            throw failure(what, result);
        }
    }

    private UserError failure(String what, Commands.Result result) {
        String stderr = result.stderr().strip();
        return new UserError(UserError.Kind.OTHER, "certutil could not " + what + " " + description() + " (exit "
                + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")) + ")",
                "'certutil -d " + dbArgument() + " -L' shows what the database holds");
    }
}
