package io.colimaservices.ui.screenshots;

import io.colimaservices.cli.CliRun;
import io.colimaservices.cli.VaultHarness;
import io.colimaservices.engine.SetupIT;
import io.colimaservices.testing.StandInStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Setup page in its states for docs/first-run.md, rendered by the app's own {@code snapshot --page setup}
 * against the stand-in stack on the real engine and the Vault API double: {@code setup-fresh.png} (Vault not
 * initialized, everything after it waiting), {@code setup-sealed.png} (initialized and sealed),
 * {@code setup-done.png} (after {@code setup --yes}). Needs Docker; the argument is the output directory.
 */
public final class SetupShots {
    private SetupShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Path work = Files.createTempDirectory("setup-shots");
        try (StandInStack stack = new StandInStack(work, Optional.empty(), SetupIT.ONE_SHOTS)) {
            shot(stack, out, "fresh");
            VaultHarness.expectOk(stack.cli("vault", "init"));
            shot(stack, out, "sealed");
            VaultHarness.expectOk(stack.cli("setup", "--yes"));
            shot(stack, out, "done");
        }
        System.exit(0);
    }

    private static void shot(StandInStack stack, Path out, String state) {
        CliRun run = VaultHarness.expectOk(stack.cli("snapshot", "--out", out.toString(), "--page", "setup",
                "--suffix", state));
        System.out.print(run.out());
    }
}
