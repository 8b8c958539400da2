package io.colimaservices.ui.screenshots;

import io.colimaservices.cli.CliRun;
import io.colimaservices.cli.VaultHarness;
import io.colimaservices.engine.SetupIT;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.StandInStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages in the states a build machine cannot show by itself (no Vault server, no Colima VM here), for
 * docs/screenshots/states: rendered by the app's own {@code snapshot --page} against the stand-in stack on the real
 * engine, the Vault API double and the stand-in {@code colima} reporting a running VM whose Docker socket is this
 * machine's engine. Writes {@code vault-wizard.png} (Vault not initialized), {@code vault-sealed.png},
 * {@code vault.png}, {@code credentials.png}, {@code credentials-dark.png}, {@code colima.png} and {@code
 * preferences.png} (after {@code setup --yes}). Needs Docker and a display (Xvfb); the argument is the output
 * directory. The one renderer is the app's: this class only sets the states up.
 */
public final class StateShots {
    private StateShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots/states").toAbsolutePath();
        Path work = Files.createTempDirectory("state-shots");
        try (StandInStack stack = new StandInStack(work, Optional.empty(), SetupIT.ONE_SHOTS)) {
            ColimaStandIn colima = ColimaStandIn.install(work.resolve("colima"));
            stack.harness.environment("PATH", colima.executable().getParent() + ":"
                    + stack.harness.environment().get("PATH"));
            stack.harness.environment("STANDIN_DIR", colima.directory().toString());
            stack.harness.environment("STANDIN_SOCKET", "/var/run/docker.sock");

            shot(stack, out, "vault", "wizard", false);
            VaultHarness.expectOk(stack.cli("vault", "init"));
            shot(stack, out, "vault", "sealed", false);
            VaultHarness.expectOk(stack.cli("setup", "--yes"));
            shot(stack, out, "vault", null, false);
            shot(stack, out, "credentials", null, false);
            shot(stack, out, "credentials", null, true);
            shot(stack, out, "colima", null, false);
            shot(stack, out, "preferences", null, false);
        }
        System.exit(0);
    }

    private static void shot(StandInStack stack, Path out, String page, String suffix, boolean dark) {
        List<String> args = new ArrayList<>(List.of("snapshot", "--out", out.toString(), "--page", page));
        if (suffix != null) {
            args.addAll(List.of("--suffix", suffix));
        }
        if (dark) {
            args.add("--dark");
        }
        CliRun run = VaultHarness.expectOk(stack.cli(args.toArray(String[]::new)));
        System.out.print(run.out());
    }
}
