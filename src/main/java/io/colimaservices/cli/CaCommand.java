package io.colimaservices.cli;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.CaFiles;
import io.colimaservices.domain.CaStatus;
import io.colimaservices.domain.CaTrust;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.TrustReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ca}: the stack's CA on this computer. Parse, call {@link CaTrust}, print. */
@Command(name = "ca", description = "The stack's certificate authority (from Vault): whether this computer trusts "
        + "it, trusting or untrusting it for the current user, exporting it for clients.")
final class CaCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    /** {@code ca} alone: the list of subcommands, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_OR_CONFIG;
    }

    @Command(name = "status", description = "Shows the CA chain, when each certificate expires, and whether the "
            + "root is trusted (login keychain on macOS, ~/.pki/nssdb on Linux).",
            footer = {"", "JSON (--json): source, trusted, trust, store, detail, commands, certificates [{role, "
                    + "subject, sha256, notAfter, daysLeft, level}]."})
    int status(@Mixin Options.Json json) {
        CaStatus status = root.useCases().ca().status();
        if (json.json) {
            out().println(Json.pretty(document(status)));
        } else {
            print(status, false);
        }
        return ExitCodes.OK;
    }

    @Command(name = "trust", description = "Trusts the stack's root CA for TLS for the current user (no sudo; on "
            + "macOS the system asks you to confirm). Where that cannot be done here, prints the commands.")
    int trust() {
        CaTrust.Change change = root.useCases().ca().trust();
        print(change.status(), !change.changed());
        return ExitCodes.OK;
    }

    @Command(name = "untrust", description = "Removes the stack's root CA (and older ones of the same name) from "
            + "the current user's trust store.")
    int untrust() {
        CaTrust.Change change = root.useCases().ca().untrust();
        print(change.status(), !change.changed());
        return ExitCodes.OK;
    }

    @Command(name = "export", description = "Writes the CA chain to FILE: PEM for tools that take a CA file, or a "
            + "PKCS#12 / JKS trust store for JVM clients. Certificates only: no private key.")
    int export(@Parameters(paramLabel = "FILE", description = "The file to write (replaced if it exists).") Path file,
               @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pem",
                       description = "pem, pkcs12 or jks (default: ${DEFAULT-VALUE}).") CaFiles.Format format,
               @Option(names = "--store-password", paramLabel = "PASSWORD",
                       description = "Password of a PKCS#12 or JKS store (default: " + CaTrust.DEFAULT_STORE_PASSWORD
                               + ", the JDK's convention).") String storePassword) {
        CaTrust.Export export = root.useCases().ca().export(file, format, Optional.ofNullable(storePassword));
        out().printf("Wrote %d CA certificate(s) (%s) to %s as %s.%n", export.chain().certificates().size(),
                String.join(", ", export.chain().certificates().stream().map(CaCertificate::commonName).toList()),
                export.file(), format.label());
        return ExitCodes.OK;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private void print(CaStatus status, boolean unchanged) {
        PrintWriter out = out();
        out.println("Stack CA (from " + status.source() + "):");
        for (CaCertificate certificate : status.chain().certificates()) {
            CertificateExpiry expiry = status.expiry(certificate);
            out.printf("  %-12s %s, SHA-256 %s, %s%n", role(status, certificate), certificate.commonName(),
                    certificate.sha256(), expiry.describe());
        }
        TrustReport trust = status.trust();
        String prefix = switch (trust.trust()) {
            case TRUSTED -> unchanged ? "Already trusted: " : "Trusted: ";
            case NOT_TRUSTED -> "Not trusted: ";
            case UNKNOWN -> "Cannot tell or change here: ";
        };
        out.println(prefix + trust.detail() + ".");
        if (!trust.commands().isEmpty()) {
            out.println("Run these yourself:");
            trust.commands().forEach(command -> out.println("  " + command));
        } else if (trust.trust() == TrustReport.Trust.NOT_TRUSTED) {
            out.println("To trust it: colima-services ca trust");
        }
    }

    private static String role(CaStatus status, CaCertificate certificate) {
        return certificate.equals(status.chain().root()) ? "root" : "intermediate";
    }

    static Map<String, Object> document(CaStatus status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", status.source());
        doc.put("trusted", status.trust().trusted());
        doc.put("trust", status.trust().trust().label());
        doc.put("store", status.trust().store());
        doc.put("detail", status.trust().detail());
        doc.put("commands", status.trust().commands());
        List<Map<String, Object>> certificates = new ArrayList<>();
        for (CaCertificate certificate : status.chain().certificates()) {
            CertificateExpiry expiry = status.expiry(certificate);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("role", role(status, certificate));
            c.put("subject", certificate.subject());
            c.put("sha256", certificate.sha256());
            c.put("notAfter", certificate.notAfter().toString());
            c.put("daysLeft", expiry.daysLeft());
            c.put("level", expiry.level().label());
            certificates.add(c);
        }
        doc.put("certificates", certificates);
        return doc;
    }
}
