package io.colimaservices.cli;

import io.colimaservices.domain.UnsealShareSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vault share-sets [--json]}: every unseal-share set kept, newest first; never a share. */
@Command(name = "share-sets", description = "Lists the unseal-share sets kept in the secret store (a re-init "
        + "keeps the old set, so a Vault volume from an older backup still opens): fingerprint, date, shares, current.")
final class VaultShareSetsCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON list.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<UnsealShareSets.ShareSet> sets = vault.useCase().shareSets();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (UnsealShareSets.ShareSet set : sets) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("fingerprint", set.fingerprint());
                value.put("created", set.created().toString());
                value.put("shares", set.shares());
                value.put("rootToken", set.hasRootToken());
                value.put("current", set.current());
                list.add(value);
            }
            out.println(Json.pretty(list));
            return ExitCodes.OK;
        }
        if (sets.isEmpty()) {
            out.println("No unseal-share sets stored.");
        }
        for (UnsealShareSets.ShareSet set : sets) {
            out.println(set.fingerprint() + "  " + set.created() + "  " + set.shares() + " shares"
                    + (set.hasRootToken() ? ", root token" : "") + (set.current() ? "  (current)" : ""));
        }
        return ExitCodes.OK;
    }
}
