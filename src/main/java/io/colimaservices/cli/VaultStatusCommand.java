package io.colimaservices.cli;

import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Shows Vault's state: down, uninitialized, sealed (with progress) or unsealed.",
        footer = {"", "JSON (--json): address, state, progress, threshold, shares, version, standby (and error when "
                + "down)."})
final class VaultStatusCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VaultState state = vault.useCase().status();
        if (json.json) {
            out.println(Json.pretty(document(state)));
        } else {
            out.println(describe(state));
        }
        return state.phase() == VaultPhase.DOWN ? ExitCodes.VAULT : ExitCodes.OK;
    }

    static Map<String, Object> document(VaultState state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("address", state.address());
        doc.put("state", state.phase().label());
        doc.put("progress", state.progress());
        doc.put("threshold", state.threshold());
        doc.put("shares", state.shares());
        doc.put("version", state.version().orElse(null));
        doc.put("standby", state.standby());
        state.error().ifPresent(e -> doc.put("error", e));
        return doc;
    }

    static String describe(VaultState state) {
        String version = state.version().map(v -> ", version " + v).orElse("");
        return switch (state.phase()) {
            case DOWN -> "Vault at " + state.address() + ": down (" + state.error().orElse("no answer") + ")";
            case UNKNOWN -> "Vault at " + state.address() + ": unknown";
            case UNINITIALIZED -> "Vault at " + state.address() + ": uninitialized" + version
                    + " (run 'colima-services vault init')";
            case SEALED -> "Vault at " + state.address() + ": sealed, progress " + state.progress() + "/"
                    + state.threshold() + " (" + state.shares() + " shares)" + version;
            case UNSEALED -> "Vault at " + state.address() + ": unsealed" + (state.standby() ? " (standby)"
                    : " (active)") + version;
        };
    }
}
