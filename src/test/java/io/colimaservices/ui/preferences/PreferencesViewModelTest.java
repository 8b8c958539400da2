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
    private static final AppSettings CUSTOM = AppSettings.defaults()
            .withVm(new VmSpec("work", 6, 12, 100, "aarch64", "vz", true, false, true))
            .withComposeFile(Optional.of(Path.of("/Users/me/stack/docker-compose.yml"))).withStartVmOnLaunch(true)
            .withClipboardClearSeconds(45);

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

    /** What the app was asked to use at once, and how many saves there were when it was asked. */
    private final List<String> composeFilesUsed = new java.util.ArrayList<>();
    private UserError composeFileRefusal;
    private final ComposeFileChoice composeFiles = file -> {
        composeFilesUsed.add(file.map(Path::toString).orElse("bundled") + " after " + settings.saves.size() + " saves");
        if (composeFileRefusal != null) {
            throw composeFileRefusal;
        }
    };
    private PreferencesViewModel model = model();

    private PreferencesViewModel model() {
        return new PreferencesViewModel(UiExecutors.direct(), background, settings.useCase(), platform,
                changed::incrementAndGet, composeFiles);
    }

    private void loadWith(AppSettings onDisk, String... problems) {
        settings.onDisk.set(new LoadedSettings(onDisk, List.of(problems)));
        model.load();
    }

    @Test
    void loadFillsTheFormFromTheFile() {
        loadWith(CUSTOM);

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.file().settingsFileProperty().get()).isEqualTo(FakeSettings.FILE.toString());
        assertThat(model.vm().profileProperty().get()).isEqualTo("work");
        assertThat(model.vm().cpusProperty().get()).isEqualTo("6");
        assertThat(model.vm().memoryProperty().get()).isEqualTo("12");
        assertThat(model.vm().diskProperty().get()).isEqualTo("100");
        assertThat(model.vm().archProperty().get()).isEqualTo("aarch64");
        assertThat(model.vm().vmTypeProperty().get()).isEqualTo("vz");
        assertThat(model.vm().rosettaProperty().get()).isTrue();
        assertThat(model.vm().networkAddressProperty().get()).isFalse();
        assertThat(model.vm().kubernetesProperty().get()).isTrue();
        assertThat(model.app().startVmOnLaunchProperty().get()).isTrue();
        assertThat(model.app().clipboardSecondsProperty().get()).isEqualTo("45");
        assertThat(model.app().composeFileTextProperty().get()).isEqualTo("/Users/me/stack/docker-compose.yml");
        assertThat(model.file().problems()).isEmpty();
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.login().launchAtLoginProperty().get()).isFalse();
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("Not registered (" + FakeSettings.Login.AGENT + ")");
        assertThat(login.calls).as("loading changes nothing").isEmpty();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void loadShowsTheFilesProblemsWithFileAndLine() {
        loadWith(AppSettings.defaults(), PROBLEM, FakeSettings.FILE + ": unknown setting 'colour' (ignored)");

        assertThat(model.file().problems()).containsExactly(PROBLEM, FakeSettings.FILE + ": unknown setting 'colour' "
                + "(ignored)");
        assertThat(model.vm().cpusProperty().get()).as("the default in place of the bad value").isEqualTo("4");
        assertThat(model.file().movedAsideProperty().get()).isEmpty();
    }

    @Test
    void theSwitchShowsWhetherTheLoginItemIsThereNotWhatTheFileSays() {
        login.installed = false;
        loadWith(AppSettings.defaults().withLaunchAtLogin(true));

        assertThat(model.login().launchAtLoginProperty().get()).isFalse();
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("The settings say on, but nothing is registered at "
                + FakeSettings.Login.AGENT + ": turn it on to register it");

        login.installed = true;
        model.load();
        assertThat(model.login().launchAtLoginProperty().get()).isTrue();
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(login.calls).isEmpty();
    }

    @Test
    void editsAreValidatedWithTheDomainsRules() {
        loadWith(AppSettings.defaults());

        model.vm().cpusProperty().set("0");
        assertThat(model.vm().cpusErrorProperty().get()).isEqualTo("cpus must be from 1 to 256, not 0");
        model.vm().cpusProperty().set("four");
        assertThat(model.vm().cpusErrorProperty().get()).isEqualTo("CPUs must be a whole number, not 'four'");
        model.vm().cpusProperty().set(" ");
        assertThat(model.vm().cpusErrorProperty().get()).isEqualTo("CPUs must be a whole number");
        model.vm().memoryProperty().set("2048");
        assertThat(model.vm().memoryErrorProperty().get()).isEqualTo("memory (GiB) must be from 1 to 1024, not 2048");
        model.vm().diskProperty().set("5");
        assertThat(model.vm().diskErrorProperty().get()).isEqualTo("disk (GiB) must be from 10 to 8192, not 5");
        model.app().clipboardSecondsProperty().set("601");
        assertThat(model.app().clipboardErrorProperty().get())
                .isEqualTo("clipboard clear delay must be from 1 to 600 seconds, not 601");
        model.vm().profileProperty().set("-rm");
        assertThat(model.vm().profileErrorProperty().get()).startsWith("profile '-rm' is not a valid Colima profile name");

        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(settings.saves).isEmpty();

        model.vm().cpusProperty().set("8");
        model.vm().memoryProperty().set("16");
        model.vm().diskProperty().set("10");
        model.app().clipboardSecondsProperty().set("600");
        model.vm().profileProperty().set("work.2");
        assertThat(List.of(model.vm().cpusErrorProperty().get(), model.vm().memoryErrorProperty().get(),
                model.vm().diskErrorProperty().get(), model.app().clipboardErrorProperty().get(),
                model.vm().profileErrorProperty().get())).allMatch(String::isEmpty);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveWritesTheFormThenTellsTheApp() {
        loadWith(AppSettings.defaults());

        model.vm().profileProperty().set(" work ");
        model.vm().cpusProperty().set("6");
        model.vm().memoryProperty().set("12");
        model.vm().diskProperty().set("100");
        model.vm().archProperty().set("x86_64");
        model.vm().vmTypeProperty().set("qemu");
        model.vm().rosettaProperty().set(false);
        model.vm().networkAddressProperty().set(false);
        model.vm().kubernetesProperty().set(true);
        model.app().startVmOnLaunchProperty().set(true);
        model.app().unsealAutomaticallyProperty().set(false);
        model.app().clipboardSecondsProperty().set("90");
        model.app().chooseComposeFile(Path.of("/Users/me/stack/../stack/docker-compose.yml"));
        model.app().defaultTierProperty().set("minimal");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(changed.get()).isZero();

        model.save();

        assertThat(settings.saves).containsExactly(AppSettings.defaults()
                .withVm(new VmSpec("work", 6, 12, 100, "x86_64", "qemu", false, false, true))
                .withComposeFile(Optional.of(Path.of("/Users/me/stack/docker-compose.yml"))).withStartVmOnLaunch(true)
                .withClipboardClearSeconds(90).withUnsealAutomatically(false).withDefaultTier("minimal"));
        assertThat(changed.get()).isEqualTo(1);
        assertThat(model.file().statusProperty().get()).isEqualTo("Saved to " + FakeSettings.FILE);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.file().movedAsideProperty().get()).isEmpty();
        assertThat(failure().message()).isEmpty();

        model.vm().cpusProperty().set("7");
        assertThat(model.file().statusProperty().get()).as("an edit after saving is not saved").isEmpty();
    }

    @Test
    void theDailyBackupAndHowManyToKeepAreSavedAndTheBackupFolderIsKept() {
        io.colimaservices.domain.backup.BackupSettings chosen = new io.colimaservices.domain.backup.BackupSettings(
                Optional.of(Path.of("/Volumes/usb/backups")), true, false, 7);
        loadWith(CUSTOM.withBackups(chosen));
        assertThat(model.app().dailyBackupsProperty().get()).isFalse();
        assertThat(model.app().backupsKeptProperty().get()).isEqualTo(7);

        model.app().dailyBackupsProperty().set(true);
        model.app().backupsKeptProperty().set(3);
        assertThat(model.dirtyProperty().get()).isTrue();
        model.save();

        assertThat(settings.saves).containsExactly(CUSTOM.withBackups(new io.colimaservices.domain.backup
                .BackupSettings(Optional.of(Path.of("/Volumes/usb/backups")), true, true, 3)));
    }

    @Test
    void aSaveThatReplacedABadFileSaysWhereItWent() {
        loadWith(AppSettings.defaults(), PROBLEM);
        model.vm().cpusProperty().set("6");

        model.save();

        assertThat(model.file().movedAsideProperty().get()).isEqualTo("The settings file had problems, so it was kept as "
                + FakeSettings.ASIDE + " and replaced.");
        assertThat(model.file().problems()).as("the file on disk is now the clean one").isEmpty();

        model.load();
        assertThat(model.file().movedAsideProperty().get()).as("said once").isEmpty();
    }

    @Test
    void aFailedSaveShowsWhyAndKeepsTheEdits() {
        loadWith(AppSettings.defaults());
        model.vm().cpusProperty().set("6");
        settings.failNextSave = new UserError(UserError.Kind.CONFIGURATION, "cannot write " + FakeSettings.FILE
                + ": Permission denied", "check the folder's permissions");

        model.save();

        assertThat(failure().title()).isEqualTo("Settings not saved");
        assertThat(failure().message())
                .isEqualTo("cannot write " + FakeSettings.FILE + ": Permission denied");
        assertThat(failure().hint()).isEqualTo("check the folder's permissions");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
        assertThat(model.vm().cpusProperty().get()).isEqualTo("6");
        assertThat(changed.get()).isZero();

        model.save();
        assertThat(failure().message()).isEmpty();
        assertThat(settings.saves).hasSize(1);
    }

    @Test
    void aNewComposeFileIsAppliedAtOnceBeforeTheRestIsSavedAndABadOneIsRefusedWithNothingSaved() {
        loadWith(AppSettings.defaults());
        composeFileRefusal = new UserError(UserError.Kind.CONFIGURATION,
                "/Users/me/broken.yml:3: flow sequence not closed");
        model.app().chooseComposeFile(Path.of("/Users/me/broken.yml"));

        model.save();

        assertThat(composeFilesUsed).containsExactly("/Users/me/broken.yml after 0 saves");
        assertThat(failure().title()).isEqualTo("Settings not saved");
        assertThat(failure().message()).isEqualTo("/Users/me/broken.yml:3: flow sequence not closed");
        assertThat(settings.saves).as("nothing saved").isEmpty();
        assertThat(changed.get()).isZero();
        assertThat(model.dirtyProperty().get()).isTrue();

        composeFileRefusal = null;
        model.app().chooseComposeFile(Path.of("/Users/me/stack/compose.yaml"));
        model.save();
        assertThat(composeFilesUsed).last().isEqualTo("/Users/me/stack/compose.yaml after 0 saves");
        assertThat(settings.saves).singleElement().extracting(AppSettings::composeFile)
                .isEqualTo(Optional.of(Path.of("/Users/me/stack/compose.yaml")));
        assertThat(changed.get()).isEqualTo(1);

        model.vm().cpusProperty().set("6");
        model.save();
        assertThat(composeFilesUsed).as("an unchanged compose file is not read again").hasSize(2);

        model.app().useBundledStack();
        model.save();
        assertThat(composeFilesUsed).last().isEqualTo("bundled after 2 saves");
        assertThat(settings.saves).last().extracting(AppSettings::composeFile).isEqualTo(Optional.empty());
    }

    @Test
    void revertReadsTheFileAgain() {
        loadWith(CUSTOM);
        model.vm().cpusProperty().set("0");
        model.app().useBundledStack();
        assertThat(model.app().composeFileTextProperty().get()).isEqualTo("The bundled stack");
        assertThat(model.dirtyProperty().get()).isTrue();

        model.revert();

        assertThat(model.vm().cpusProperty().get()).isEqualTo("6");
        assertThat(model.vm().cpusErrorProperty().get()).isEmpty();
        assertThat(model.app().composeFileTextProperty().get()).isEqualTo("/Users/me/stack/docker-compose.yml");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void composeFileCanBeChosenAndResetToTheBundledStack() {
        loadWith(AppSettings.defaults());
        assertThat(model.app().composeFileTextProperty().get()).isEqualTo("The bundled stack");

        model.app().chooseComposeFile(Path.of("/Users/me/other/compose.yaml"));
        assertThat(model.app().composeFileProperty().get()).contains(Path.of("/Users/me/other/compose.yaml"));
        assertThat(model.dirtyProperty().get()).isTrue();

        model.app().useBundledStack();
        assertThat(model.app().composeFileProperty().get()).isEmpty();
        assertThat(model.dirtyProperty().get()).as("back to what the file says").isFalse();
    }

    @Test
    void launchAtLoginInstallsThenSavesOnlyThatChoice() {
        loadWith(AppSettings.defaults());
        model.vm().cpusProperty().set("6"); // an edit not yet saved

        model.login().launchAtLoginProperty().set(true);

        assertThat(login.calls).containsExactly("install");
        assertThat(settings.saves).containsExactly(AppSettings.defaults().withLaunchAtLogin(true));
        assertThat(changed.get()).isEqualTo(1);
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(model.file().statusProperty().get()).isEqualTo("Launch at login on");
        assertThat(model.dirtyProperty().get()).as("the CPUs edit still waits for Save").isTrue();

        model.save();
        assertThat(settings.saves.getLast()).isEqualTo(AppSettings.defaults().withLaunchAtLogin(true)
                .withVm(VmSpec.defaults().withCpus(6)));

        model.login().launchAtLoginProperty().set(false);
        assertThat(login.calls).containsExactly("install", "remove");
        assertThat(settings.saves.getLast().launchAtLogin()).isFalse();
        assertThat(settings.saves.getLast().vm().cpus()).isEqualTo(6);
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("Not registered (" + FakeSettings.Login.AGENT + ")");
        assertThat(model.file().statusProperty().get()).isEqualTo("Launch at login off");
    }

    @Test
    void aFailedInstallPutsTheSwitchBackAndSavesNothing() {
        loadWith(AppSettings.defaults());
        login.failNext = FakeSettings.noLaunchCommand();

        model.login().launchAtLoginProperty().set(true);

        assertThat(model.login().launchAtLoginProperty().get()).isFalse();
        assertThat(failure().title()).isEqualTo("Launch at login not turned on");
        assertThat(failure().message()).startsWith("launch at login needs the packaged app");
        assertThat(failure().hint()).startsWith("install the app from its package");
        assertThat(settings.saves).isEmpty();
        assertThat(changed.get()).isZero();
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(login.calls).containsExactly("install");
    }

    @Test
    void aFailedRemoveLeavesTheSwitchOn() {
        login.installed = true;
        loadWith(AppSettings.defaults().withLaunchAtLogin(true));
        login.failNext = new UserError(UserError.Kind.CONFIGURATION, "cannot delete " + FakeSettings.Login.AGENT
                + ": Operation not permitted");

        model.login().launchAtLoginProperty().set(false);

        assertThat(model.login().launchAtLoginProperty().get()).isTrue();
        assertThat(failure().title()).isEqualTo("Launch at login not turned off");
        assertThat(failure().message()).endsWith("Operation not permitted");
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void anInstallThatWorkedButCouldNotBeSavedSaysSo() {
        loadWith(AppSettings.defaults());
        settings.failNextSave = new UserError(UserError.Kind.CONFIGURATION, "cannot write " + FakeSettings.FILE);

        model.login().launchAtLoginProperty().set(true);

        assertThat(model.login().launchAtLoginProperty().get()).as("it is registered").isTrue();
        assertThat(model.login().loginNoteProperty().get()).isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(failure().title()).isEqualTo("Launch at login is on, but the settings were not "
                + "saved");
        assertThat(changed.get()).isZero();
    }

    @Test
    void turningLaunchAtLoginOnReplacesABadFileAndSaysWhereItWent() {
        loadWith(AppSettings.defaults(), PROBLEM);

        model.login().launchAtLoginProperty().set(true);

        assertThat(model.file().movedAsideProperty().get()).contains(FakeSettings.ASIDE.toString());
        assertThat(model.file().problems()).isEmpty();
    }

    @Test
    void theSwitchWaitsForTheFileToBeRead() {
        model.login().launchAtLoginProperty().set(true);

        assertThat(model.login().launchAtLoginProperty().get()).isFalse();
        assertThat(login.calls).isEmpty();
    }

    @Test
    void whileSavingTheFormCannotBeSavedTwiceNorTheSwitchFlipped() {
        loadWith(AppSettings.defaults());
        model.vm().cpusProperty().set("6");
        hold = true;

        model.save();
        model.save();
        model.login().launchAtLoginProperty().set(true);

        assertThat(model.action().busyProperty().get()).isTrue();
        assertThat(model.file().statusProperty().get()).isEqualTo("Saving\u2026");
        assertThat(model.login().launchAtLoginProperty().get()).isFalse();
        assertThat(held).hasSize(1);
        hold = false;
        held.poll().run();
        assertThat(settings.saves).hasSize(1);
        assertThat(login.calls).isEmpty();
        assertThat(model.action().busyProperty().get()).isFalse();
    }

    @Test
    void shownReadsTheFileUnlessTheFormHoldsEdits() {
        model.shown();
        assertThat(model.vm().cpusProperty().get()).isEqualTo("4");

        settings.onDisk.set(new LoadedSettings(CUSTOM, List.of()));
        model.shown();
        assertThat(model.vm().cpusProperty().get()).as("changed on disk meanwhile (vm settings, by hand)").isEqualTo("6");

        model.vm().cpusProperty().set("7");
        settings.onDisk.set(new LoadedSettings(AppSettings.defaults(), List.of()));
        model.shown();
        assertThat(model.vm().cpusProperty().get()).as("edits are kept").isEqualTo("7");
    }

    @Test
    void warnsAboutChoicesTheMachineCannotHonour() {
        platform = new FakePlatform("macOS", "14.6", "x86_64", false, false, 4, 8L << 30, "old-mac");
        model = model();
        loadWith(AppSettings.defaults());

        assertThat(model.vm().warnings()).containsExactly(
                "the VM is set to aarch64 on an Intel Mac, which Colima can only emulate (slowly): set colima.arch "
                        + "to x86_64 in the settings",
                "the VM is given 8 GiB of memory but this machine has 8 GiB",
                "Rosetta works only on an Apple Silicon Mac with VM type vz and arch aarch64: Colima is started "
                        + "without it");

        model.vm().archProperty().set("x86_64");
        model.vm().memoryProperty().set("4");
        model.vm().rosettaProperty().set(false);
        model.vm().cpusProperty().set("5");
        assertThat(model.vm().warnings()).containsExactly("the VM is given 5 CPUs but this machine has 4");

        model.vm().cpusProperty().set("x");
        assertThat(model.vm().warnings()).as("no advice on an invalid form").isEmpty();
    }

    @Test
    void offAMacTheMacOnlyOptionsAreSaidToBeLeftOut() {
        platform = FakePlatform.linux();
        model = model();
        loadWith(AppSettings.defaults().withVm(VmSpec.defaults().withCpus(2)));

        assertThat(model.vm().warnings()).containsExactly("the VM type, Rosetta and the network address are macOS "
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
        }, composeFiles);
        loadWith(AppSettings.defaults());
        model.vm().cpusProperty().set("6");

        model.save();

        assertThat(settings.saves).hasSize(1);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(failure().title()).isEqualTo("Saved, but the app did not take the new settings");
        assertThat(failure().message()).isEqualTo("the watcher is closed");
    }

    /** The page's failure in its parts: title, message, hint. */
    private io.colimaservices.ui.common.FailureParts failure() {
        return io.colimaservices.ui.common.FailureParts.of(model.action());
    }

    @Test
    void vaultAddressCaFileAndDockerHostAreValidatedAndSaved() {
        loadWith(AppSettings.defaults());

        model.connections().vaultAddressProperty().set("127.0.0.1:8200");
        assertThat(model.connections().errorProperty().get())
                .isEqualTo("Vault address '127.0.0.1:8200' is not a Vault address");
        assertThat(model.canSaveProperty().get()).isFalse();

        model.connections().vaultAddressProperty().set("https://vault.local:8200");
        model.connections().vaultCaFileProperty().set("/Users/me/ca.pem");
        model.connections().dockerHostProperty().set("unix:///Users/me/.colima/work/docker.sock");
        assertThat(model.connections().errorProperty().get()).isEmpty();
        model.save();

        assertThat(settings.saves.getLast().connections()).isEqualTo(new io.colimaservices.domain.Connections(
                Optional.of("https://vault.local:8200"), Optional.of(Path.of("/Users/me/ca.pem")),
                Optional.of("unix:///Users/me/.colima/work/docker.sock")));
        assertThat(changed.get()).as("applied without a restart: the app is told").isEqualTo(1);

        model.connections().dockerHostProperty().set("docker.sock");
        assertThat(model.connections().errorProperty().get()).isEqualTo("Docker host 'docker.sock' is not a Docker host");
    }
}
