package io.colimaservices.cli;

import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.CertificateRenewal;
import io.colimaservices.domain.IssuedCertificate;
import io.colimaservices.domain.TlsReport;
import io.colimaservices.usecase.TlsUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "tls", description = "Turns TLS on or off for a service (merging the flag into its secret, keeping "
        + "every other field), makes sure it has a certificate, restarts it, and reports the certificate's expiry. "
        + "'apply' restarts vault-agent and the service again so that it runs with the flag Vault has (after a "
        + "switch whose restart did not complete: exit 4 says so); 'renew' issues a new certificate now. A service "
        + "can switch TLS when its compose labels say io.colima-services.tls: \"true\" and give a "
        + "io.colima-services.vault-path.")
final class TlsCommand implements Callable<Integer> {

    enum Action { ON, OFF, STATUS, APPLY, RENEW }

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "postgres, mysql, mongodb, redis-1..3, rabbitmq or "
            + "forgejo (any service with both labels).")
    String service;

    @Parameters(index = "1", paramLabel = "ACTION", description = "on, off, status, apply, or renew (a new "
            + "certificate now, rendered and the service restarted; the service's secret is left as it is).")
    Action action;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TlsUseCase tls = root.useCases().tls();
        Consumer<String> progress = line -> {
            out.println("  " + line);
            out.flush();
        };
        if (action == Action.RENEW) {
            return renew(out, tls.renew(service, progress));
        }
        TlsReport report = switch (action) {
            case STATUS -> tls.status(service);
            case APPLY -> tls.apply(service, progress);
            case ON, OFF -> tls.set(service, action == Action.ON, progress);
            case RENEW -> throw new IllegalStateException("renew is handled above");
        };
        out.printf("%s: TLS %s (secret/%s version %d)%n", service, report.enabled() ? "on" : "off", report.path(),
                report.version());
        if (report.restartProblem().isPresent()) {
            // The flag is stored; the service does not run with it. Say so, and how to finish.
            out.println(report.headline() + ".");
            out.println("  cause: " + report.restartProblem().get());
            out.printf("Restart again: colima-services tls %s apply%n", service);
            printCertificate(out, report.certificate());
            return ExitCodes.SERVICE_FAILED;
        }
        if (!report.restarted().isEmpty()) {
            out.printf("Restarted %s: healthy.%n", String.join(", ", report.restarted()));
        }
        report.manualStep().ifPresent(step -> out.printf("To apply it, restart them: %s%n", step));
        printCertificate(out, report.certificate());
        return ExitCodes.OK;
    }

    private int renew(PrintWriter out, CertificateRenewal.Report report) {
        Instant now = Instant.now();
        report.previous().ifPresent(old -> out.printf("%s: replaced certificate %s (%s).%n", service, old.serial(),
                old.expiry(now).describe()));
        out.printf("%s: new certificate %s, %s.%n", service, report.renewed().serial(),
                report.renewed().expiry(now).describe());
        if (!report.restarted().isEmpty()) {
            out.printf("Restarted %s: healthy.%n", String.join(", ", report.restarted()));
        }
        report.manualStep().ifPresent(step -> out.printf("To apply it, restart them: %s%n", step));
        return ExitCodes.OK;
    }

    private void printCertificate(PrintWriter out, Optional<IssuedCertificate> certificate) {
        if (certificate.isEmpty()) {
            out.println("No certificate stored yet (turn TLS on, or run 'colima-services vault bootstrap').");
            return;
        }
        CertificateExpiry expiry = certificate.get().expiry(Instant.now());
        String line = "certificate of " + service + " " + expiry.describe();
        switch (expiry.level()) {
            case OK -> out.println(line + ".");
            case WARN -> out.println("warning: " + line + ".");
            case CRITICAL, EXPIRED -> out.println("critical: " + line + ".");
        }
    }
}
