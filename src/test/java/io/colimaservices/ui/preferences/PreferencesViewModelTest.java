package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.testing.FakePlatform;
import io.colimaservices.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Preferences page's model without a toolkit: a settings file and login item in memory, synchronous executors. */
class PreferencesViewModelTest {
    private static final String PROBLEM = FakeSettings.FILE + ":5: colima.cpus must be a whole number from 1 to 256, "
            + "found \"four\"; using 4";
    private static final AppSettings CUSTOM = new AppSettings(
            new VmSpec("work", 6, 12, 100, "aarch64", "vz", true, false, true),
            Optional.of(Path.of("/Users/me/stack/docker-compose.yml")), true, false, 45);

    private final FakeSettings settings = new FakeSettings();
    private final FakeSettings.Login login = settings.login;
    private final AtomicInteger changed = new AtomicInteger();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean hold;
    private final Executor background = task -> {
        if (hold) {
            held.add(task);
        } else {
            task.run();
        }
    };
    private NativePlatform platform = FakePlatform.appleSiliconMac();
    private PreferencesViewModel model = model();

    private PreferencesViewModel model() {
        return new PreferencesViewModel(UiExecutors.direct(), background, settings.useCase(), platform,
                changed::incrementAndGet);
    }

    private void loadWith(AppSettings onDisk, String... problems) {
        settings.onDisk.set(new LoadedSettings(onDisk, List.of(problems)));
        model.load();
    }

    @Test
    void loadFillsTheFormFromTheFile() {
        loadWith(CUSTOM);

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.settingsFileProperty().get()).isEqualTo(FakeSettings.FILE.toString());
        assertThat(model.profileProperty().get()).isEqualTo("work");
        assertThat(model.cpusProperty().get()).isEqualTo("6");
        assertThat(model.memoryProperty().get()).isEqualTo("12");
        assertThat(model.diskProperty().get()).isEqualTo("100");
        assertThat(model.archProperty().get()).isEqualTo("aarch64");
        assertThat(model.vmTypeProperty().get()).isEqualTo("vz");
        assertThat(model.rosettaProperty().get()).isTrue();
        assertThat(model.networkAddressProperty().get()).isFalse();
        assertThat(model.kubernetesProperty().get()).isTrue();
        assertThat(model.startVmOnLaunchProperty().get()).isTrue();
        assertThat(model.clipboardSecondsProperty().get()).isEqualTo("45");
        assertThat(model.composeFileTextProperty().get()).isEqualTo("/Users/me/stack/docker-compose.yml");
        assertThat(model.problems()).isEmpty();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.launchAtLoginProperty().get()).isFalse();
        assertThat(model.loginNoteProperty().get()).isEqualTo("Not registered (" + FakeSettings.Login.AGENT + ")");
        assertThat(login.calls).as("loading changes nothing").isEmpty();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void loadShowsTheFilesProblemsWithFileAndLine() {
        loadWith(AppSettings.defaults(), PROBLEM, FakeSettings.FILE + ": unknown setting 'colour' (ignored)");

        assertThat(model.problems()).containsExactly(PROBLEM, FakeSettings.FILE + ": unknown setting 'colour' "
                + "(ignored)");
        assertThat(model.cpusProperty().get()).as("the default in place of the bad value").isEqualTo("4");
        assertThat(model.movedAsideProperty().get()).isEmpty();
    }

    @Test
    void theSwitchShowsWhetherTheLoginItemIsThereNotWhatTheFileSays() {
        login.installed = false;
        loadWith(AppSettings.defaults().withLaunchAtLogin(true));

        assertThat(model.launchAtLoginProperty().get()).isFalse();
        assertThat(model.loginNoteProperty().get()).isEqualTo("The settings say on, but nothing is registered at "
                + FakeSettings.Login.AGENT + ": turn it on to register it");

        login.installed = true;
        model.load();
        assertThat(model.launchAtLoginProperty().get()).isTrue();
        assertThat(model.loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(login.calls).isEmpty();
    }

    @Test
    void editsAreValidatedWithTheDomainsRules() {
        loadWith(AppSettings.defaults());

        model.cpusProperty().set("0");
        assertThat(model.cpusErrorProperty().get()).isEqualTo("cpus must be from 1 to 256, not 0");
        model.cpusProperty().set("four");
        assertThat(model.cpusErrorProperty().get()).isEqualTo("CPUs must be a whole number, not 'four'");
        model.cpusProperty().set(" ");
        assertThat(model.cpusErrorProperty().get()).isEqualTo("CPUs must be a whole number");
        model.memoryProperty().set("2048");
        assertThat(model.memoryErrorProperty().get()).isEqualTo("memory (GiB) must be from 1 to 1024, not 2048");
        model.diskProperty().set("5");
        assertThat(model.diskErrorProperty().get()).isEqualTo("disk (GiB) must be from 10 to 8192, not 5");
        model.clipboardSecondsProperty().set("601");
        assertThat(model.clipboardErrorProperty().get())
                .isEqualTo("clipboard clear delay must be from 1 to 600 seconds, not 601");
        model.profileProperty().set("-rm");
        assertThat(model.profileErrorProperty().get()).startsWith("profile '-rm' is not a valid Colima profile name");

        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(settings.saves).isEmpty();

        model.cpusProperty().set("8");
        model.memoryProperty().set("16");
        model.diskProperty().set("10");
        model.clipboardSecondsProperty().set("600");
        model.profileProperty().set("work.2");
        assertThat(List.of(model.cpusErrorProperty().get(), model.memoryErrorProperty().get(),
                model.diskErrorProperty().get(), model.clipboardErrorProperty().get(),
                model.profileErrorProperty().get())).allMatch(String::isEmpty);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveWritesTheFormThenTellsTheApp() {
        loadWith(AppSettings.defaults());

        model.profileProperty().set(" work ");
        model.cpusProperty().set("6");
        model.memoryProperty().set("12");
        model.diskProperty().set("100");
        model.archProperty().set("x86_64");
        model.vmTypeProperty().set("qemu");
        model.rosettaProperty().set(false);
        model.networkAddressProperty().set(false);
        model.kubernetesProperty().set(true);
        model.startVmOnLaunchProperty().set(true);
        model.unsealAutomaticallyProperty().set(false);
        model.clipboardSecondsProperty().set("90");
        model.chooseComposeFile(Path.of("/Users/me/stack/../stack/docker-compose.yml"));
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(changed.get()).isZero();

        model.save();

        assertThat(settings.saves).containsExactly(new AppSettings(
                new VmSpec("work", 6, 12, 100, "x86_64", "qemu", false, false, true),
                Optional.of(Path.of("/Users/me/stack/docker-compose.yml")), true, false, 90, false));
        assertThat(changed.get()).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo("Saved to " + FakeSettings.FILE);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.movedAsideProperty().get()).isEmpty();
        assertThat(model.failureProperty().get()).isEmpty();

        model.cpusProperty().set("7");
        assertThat(model.statusProperty().get()).as("an edit after saving is not saved").isEmpty();
    }

    @Test
    void aSaveThatReplacedABadFileSaysWhereItWent() {
        loadWith(AppSettings.defaults(), PROBLEM);
        model.cpusProperty().set("6");

        model.save();

        assertThat(model.movedAsideProperty().get()).isEqualTo("The settings file had problems, so it was kept as "
                + FakeSettings.ASIDE + " and replaced.");
        assertThat(model.problems()).as("the file on disk is now the clean one").isEmpty();

        model.load();
        assertThat(model.movedAsideProperty().get()).as("said once").isEmpty();
    }

    @Test
    void aFailedSaveShowsWhyAndKeepsTheEdits() {
        loadWith(AppSettings.defaults());
        model.cpusProperty().set("6");
        settings.failNextSave = new UserError(UserError.Kind.CONFIGURATION, "cannot write " + FakeSettings.FILE
                + ": Permission denied", "check the folder's permissions");

        model.save();

        assertThat(model.failureTitleProperty().get()).isEqualTo("Settings not saved");
        assertThat(model.failureProperty().get())
                .isEqualTo("cannot write " + FakeSettings.FILE + ": Permission denied");
        assertThat(model.failureHintProperty().get()).isEqualTo("check the folder's permissions");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
        assertThat(model.cpusProperty().get()).isEqualTo("6");
        assertThat(changed.get()).isZero();

        model.save();
        assertThat(model.failureProperty().get()).isEmpty();
        assertThat(settings.saves).hasSize(1);
    }

    @Test
    void revertReadsTheFileAgain() {
        loadWith(CUSTOM);
        model.cpusProperty().set("0");
        model.useBundledStack();
        assertThat(model.composeFileTextProperty().get()).isEqualTo("The bundled stack");
        assertThat(model.dirtyProperty().get()).isTrue();

        model.revert();

        assertThat(model.cpusProperty().get()).isEqualTo("6");
        assertThat(model.cpusErrorProperty().get()).isEmpty();
        assertThat(model.composeFileTextProperty().get()).isEqualTo("/Users/me/stack/docker-compose.yml");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void composeFileCanBeChosenAndResetToTheBundledStack() {
        loadWith(AppSettings.defaults());
        assertThat(model.composeFileTextProperty().get()).isEqualTo("The bundled stack");

        model.chooseComposeFile(Path.of("/Users/me/other/compose.yaml"));
        assertThat(model.composeFileProperty().get()).contains(Path.of("/Users/me/other/compose.yaml"));
        assertThat(model.dirtyProperty().get()).isTrue();

        model.useBundledStack();
        assertThat(model.composeFileProperty().get()).isEmpty();
        assertThat(model.dirtyProperty().get()).as("back to what the file says").isFalse();
    }

    @Test
    void launchAtLoginInstallsThenSavesOnlyThatChoice() {
        loadWith(AppSettings.defaults());
        model.cpusProperty().set("6"); // an edit not yet saved

        model.launchAtLoginProperty().set(true);

        assertThat(login.calls).containsExactly("install");
        assertThat(settings.saves).containsExactly(AppSettings.defaults().withLaunchAtLogin(true));
        assertThat(changed.get()).isEqualTo(1);
        assertThat(model.loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(model.statusProperty().get()).isEqualTo("Launch at login on");
        assertThat(model.dirtyProperty().get()).as("the CPUs edit still waits for Save").isTrue();

        model.save();
        assertThat(settings.saves.getLast()).isEqualTo(AppSettings.defaults().withLaunchAtLogin(true)
                .withVm(VmSpec.defaults().withCpus(6)));

        model.launchAtLoginProperty().set(false);
        assertThat(login.calls).containsExactly("install", "remove");
        assertThat(settings.saves.getLast().launchAtLogin()).isFalse();
        assertThat(settings.saves.getLast().vm().cpus()).isEqualTo(6);
        assertThat(model.loginNoteProperty().get()).isEqualTo("Not registered (" + FakeSettings.Login.AGENT + ")");
        assertThat(model.statusProperty().get()).isEqualTo("Launch at login off");
    }

    @Test
    void aFailedInstallPutsTheSwitchBackAndSavesNothing() {
        loadWith(AppSettings.defaults());
        login.failNext = FakeSettings.noLaunchCommand();

        model.launchAtLoginProperty().set(true);

        assertThat(model.launchAtLoginProperty().get()).isFalse();
        assertThat(model.failureTitleProperty().get()).isEqualTo("Launch at login not turned on");
        assertThat(model.failureProperty().get()).startsWith("launch at login needs the packaged app");
        assertThat(model.failureHintProperty().get()).startsWith("install the app from its package");
        assertThat(settings.saves).isEmpty();
        assertThat(changed.get()).isZero();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(login.calls).containsExactly("install");
    }

    @Test
    void aFailedRemoveLeavesTheSwitchOn() {
        login.installed = true;
        loadWith(AppSettings.defaults().withLaunchAtLogin(true));
        login.failNext = new UserError(UserError.Kind.CONFIGURATION, "cannot delete " + FakeSettings.Login.AGENT
                + ": Operation not permitted");

        model.launchAtLoginProperty().set(false);

        assertThat(model.launchAtLoginProperty().get()).isTrue();
        assertThat(model.failureTitleProperty().get()).isEqualTo("Launch at login not turned off");
        assertThat(model.failureProperty().get()).endsWith("Operation not permitted");
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void anInstallThatWorkedButCouldNotBeSavedSaysSo() {
        loadWith(AppSettings.defaults());
        settings.failNextSave = new UserError(UserError.Kind.CONFIGURATION, "cannot write " + FakeSettings.FILE);

        model.launchAtLoginProperty().set(true);

        assertThat(model.launchAtLoginProperty().get()).as("it is registered").isTrue();
        assertThat(model.loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(model.failureTitleProperty().get()).isEqualTo("Launch at login is on, but the settings were not "
                + "saved");
        assertThat(changed.get()).isZero();
    }

    @Test
    void turningLaunchAtLoginOnReplacesABadFileAndSaysWhereItWent() {
        loadWith(AppSettings.defaults(), PROBLEM);

        model.launchAtLoginProperty().set(true);

        assertThat(model.movedAsideProperty().get()).contains(FakeSettings.ASIDE.toString());
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void theSwitchWaitsForTheFileToBeRead() {
        model.launchAtLoginProperty().set(true);

        assertThat(model.launchAtLoginProperty().get()).isFalse();
        assertThat(login.calls).isEmpty();
    }

    @Test
    void whileSavingTheFormCannotBeSavedTwiceNorTheSwitchFlipped() {
        loadWith(AppSettings.defaults());
        model.cpusProperty().set("6");
        hold = true;

        model.save();
        model.save();
        model.launchAtLoginProperty().set(true);

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Saving\u2026");
        assertThat(model.launchAtLoginProperty().get()).isFalse();
        assertThat(held).hasSize(1);
        hold = false;
        held.poll().run();
        assertThat(settings.saves).hasSize(1);
        assertThat(login.calls).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void shownReadsTheFileUnlessTheFormHoldsEdits() {
        model.shown();
        assertThat(model.cpusProperty().get()).isEqualTo("4");

        settings.onDisk.set(new LoadedSettings(CUSTOM, List.of()));
        model.shown();
        assertThat(model.cpusProperty().get()).as("changed on disk meanwhile (vm settings, by hand)").isEqualTo("6");

        model.cpusProperty().set("7");
        settings.onDisk.set(new LoadedSettings(AppSettings.defaults(), List.of()));
        model.shown();
        assertThat(model.cpusProperty().get()).as("edits are kept").isEqualTo("7");
    }

    @Test
    void warnsAboutChoicesTheMachineCannotHonour() {
        platform = new FakePlatform("macOS", "14.6", "x86_64", false, false, 4, 8L << 30, "old-mac");
        model = model();
        loadWith(AppSettings.defaults());

        assertThat(model.warnings()).containsExactly(
                "the VM is set to aarch64 on an Intel Mac, which Colima can only emulate (slowly): set colima.arch "
                        + "to x86_64 in the settings",
                "the VM is given 8 GiB of memory but this machine has 8 GiB",
                "Rosetta works only on an Apple Silicon Mac with VM type vz and arch aarch64: Colima is started "
                        + "without it");

        model.archProperty().set("x86_64");
        model.memoryProperty().set("4");
        model.rosettaProperty().set(false);
        model.cpusProperty().set("5");
        assertThat(model.warnings()).containsExactly("the VM is given 5 CPUs but this machine has 4");

        model.cpusProperty().set("x");
        assertThat(model.warnings()).as("no advice on an invalid form").isEmpty();
    }

    @Test
    void offAMacTheMacOnlyOptionsAreSaidToBeLeftOut() {
        platform = FakePlatform.linux();
        model = model();
        loadWith(AppSettings.defaults().withVm(VmSpec.defaults().withCpus(2)));

        assertThat(model.warnings()).containsExactly("the VM type, Rosetta and the network address are macOS "
                + "options: on Linux Colima is started without them");
    }

    @Test
    void theChoicesOfferedAreTheDomainsValues() {
        assertThat(Set.copyOf(PreferencesViewModel.ARCHES)).isEqualTo(VmSpec.ARCHES);
        assertThat(Set.copyOf(PreferencesViewModel.VM_TYPES)).isEqualTo(VmSpec.VM_TYPES);
    }

    @Test
    void aSettingsChangedCallbackThatFailsIsReportedAfterTheSave() {
        model = new PreferencesViewModel(UiExecutors.direct(), background, settings.useCase(), platform, () -> {
            throw new IllegalStateException("the watcher is closed");
        });
        loadWith(AppSettings.defaults());
        model.cpusProperty().set("6");

        model.save();

        assertThat(settings.saves).hasSize(1);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.failureTitleProperty().get()).isEqualTo("Saved, but the app did not take the new settings");
        assertThat(model.failureProperty().get()).isEqualTo("the watcher is closed");
    }

    @Test
    void vaultAddressCaFileAndDockerHostAreValidatedAndSaved() {
        loadWith(AppSettings.defaults());

        model.vaultAddressProperty().set("127.0.0.1:8200");
        assertThat(model.connectionsErrorProperty().get())
                .isEqualTo("Vault address '127.0.0.1:8200' is not a Vault address");
        assertThat(model.canSaveProperty().get()).isFalse();

        model.vaultAddressProperty().set("https://vault.local:8200");
        model.vaultCaFileProperty().set("/Users/me/ca.pem");
        model.dockerHostProperty().set("unix:///Users/me/.colima/work/docker.sock");
        assertThat(model.connectionsErrorProperty().get()).isEmpty();
        model.save();

        assertThat(settings.saves.getLast().connections()).isEqualTo(new io.colimaservices.domain.Connections(
                Optional.of("https://vault.local:8200"), Optional.of(Path.of("/Users/me/ca.pem")),
                Optional.of("unix:///Users/me/.colima/work/docker.sock")));
        assertThat(changed.get()).as("applied without a restart: the app is told").isEqualTo(1);

        model.dockerHostProperty().set("docker.sock");
        assertThat(model.connectionsErrorProperty().get()).isEqualTo("Docker host 'docker.sock' is not a Docker host");
    }
}
