package io.colimaservices.usecase;

import io.colimaservices.domain.CaFiles;
import io.colimaservices.domain.CaStatus;
import io.colimaservices.domain.CaTrust;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stack's CA on this computer, for both faces ({@code ca status|trust|untrust|export}, the Credentials page's
 * trust line, the setup checklist's {@code ca} step): {@link CaTrust}'s work, with the trace line every change
 * leaves. Only certificates are handled; a store password is never traced.
 */
public final class CaUseCase {
    private final Supplier<CaTrust> trust;
    private final ActionTrace trace;

    public CaUseCase(Supplier<CaTrust> trust, ActionTrace trace) {
        this.trust = trust;
        this.trace = trace;
    }

    public CaStatus status() {
        return trust.get().status();
    }

    public CaTrust.Change trust() {
        return trace.run("ca trust", () -> trust.get().trust(), CaUseCase::outcome);
    }

    public CaTrust.Change untrust() {
        return trace.run("ca untrust", () -> trust.get().untrust(), CaUseCase::outcome);
    }

    public CaTrust.Export export(Path file, CaFiles.Format format, Optional<String> storePassword) {
        return trace.run("ca export " + file + " (" + format.label() + ")",
                () -> trust.get().export(file, format, storePassword),
                e -> e.chain().certificates().size() + " certificate(s) written");
    }

    private static String outcome(CaTrust.Change change) {
        return change.status().trust().trust().label() + (change.changed() ? "" : " (unchanged)") + ": "
                + change.status().trust().detail();
    }
}
