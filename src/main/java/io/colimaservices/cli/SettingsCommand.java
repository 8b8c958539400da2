package io.colimaservices.cli;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.usecase.SettingsUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The settings file: what it holds and what is wrong with it; launch at login. */
@Command(name = "settings",
        description = "Shows the settings (and any problem with the file); turns launch at "
        + "login on or off.",
        subcommands = {SettingsCommand.LaunchAtLogin.class},
        footer = {"", "JSON (--json): file, problems, colima {profile, cpus, memoryGiB, diskGiB, arch, vmType, rosetta, "
                + "networkAddress, kubernetes}, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, "
                + "terminal, unsealAutomatically, defaultTier, backups {folder, deepVerifyAfterBackup, daily, keep}, "
                + "loginItem {file, installed}."})
final class SettingsCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SettingsUseCase.Current current = root.useCases().settings().load();
        LoadedSettings loaded = current.loaded();
        Map<String, Object> doc = document(current);
        if (json.json) {
            out.println(Json.pretty(doc));
            return ExitCodes.OK;
        }
        out.println("Settings file: " + doc.get("file"));
        loaded.problems().forEach(p -> out.println("problem: " + p));
        AppSettings s = loaded.settings();
        VmSpec vm = s.vm();
        out.printf("Colima profile %s: %d CPUs, %d GiB memory, %d GiB disk, %s, %s%s%s%s%n", vm.profile(), vm.cpus(),
                vm.memoryGiB(), vm.diskGiB(), vm.arch(), vm.vmType(), vm.rosetta() ? ", Rosetta" : "",
                vm.networkAddress() ? ", network address" : "", vm.kubernetes() ? ", Kubernetes" : "");
        out.println("Compose file: " + s.composeFile().map(Object::toString).orElse("(bundled)"));
        out.println("Start the VM with the app: " + (s.startVmOnLaunch() ? "yes" : "no"));
        out.println("Launch at login: " + (s.launchAtLogin() ? "yes" : "no") + " (" + current.loginItem()
                + (current.loginItemInstalled() ? ", installed" : ", not installed") + ")");
        out.println("Clear copied secrets after: " + s.clipboardClearSeconds() + " s");
        out.println("Terminal for shells: " + s.terminal().displayName());
        out.println("Unseal Vault automatically (recovery after a restart): " + (s.unsealAutomatically() ? "yes" : "no"));
        out.println("Default tier (up without a target): " + s.defaultTier());
        out.println("Backups: " + s.backups().folder().map(Object::toString).orElse("(the app's own folder)")
                + (s.backups().daily() ? ", daily, keeping the last " + s.backups().keep() : ", no schedule")
                + (s.backups().deepVerifyAfterBackup() ? ", deep-verified after each" : ""));
        return ExitCodes.OK;
    }

    static Map<String, Object> document(SettingsUseCase.Current current) {
        AppSettings s = current.settings();
        VmSpec vm = s.vm();
        Map<String, Object> colima = new LinkedHashMap<>();
        colima.put("profile", vm.profile());
        colima.put("cpus", vm.cpus());
        colima.put("memoryGiB", vm.memoryGiB());
        colima.put("diskGiB", vm.diskGiB());
        colima.put("arch", vm.arch());
        colima.put("vmType", vm.vmType());
        colima.put("rosetta", vm.rosetta());
        colima.put("networkAddress", vm.networkAddress());
        colima.put("kubernetes", vm.kubernetes());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", current.file().toString());
        doc.put("problems", current.loaded().problems());
        doc.put("colima", colima);
        doc.put("composeFile", s.composeFile().map(Object::toString).orElse(null));
        doc.put("startVmOnLaunch", s.startVmOnLaunch());
        doc.put("launchAtLogin", s.launchAtLogin());
        doc.put("clipboardClearSeconds", s.clipboardClearSeconds());
        doc.put("terminal", s.terminal().setting());
        doc.put("unsealAutomatically", s.unsealAutomatically());
        doc.put("defaultTier", s.defaultTier());
        Map<String, Object> backups = new LinkedHashMap<>();
        backups.put("folder", s.backups().folder().map(Object::toString).orElse(null));
        backups.put("deepVerifyAfterBackup", s.backups().deepVerifyAfterBackup());
        backups.put("daily", s.backups().daily());
        backups.put("keep", s.backups().keep());
        doc.put("backups", backups);
        doc.put("loginItem", Map.of("file", current.loginItem().toString(), "installed",
                current.loginItemInstalled()));
        return doc;
    }

    @Command(name = "launch-at-login",
            description = "Starts the app at login (on) or not (off): writes or removes "
            + "the LaunchAgent (macOS) or autostart entry (Linux), and saves the choice.")
    static final class LaunchAtLogin implements Callable<Integer> {

        @ParentCommand
        SettingsCommand settings;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "on|off", description = "on or off")
        Switch value;

        enum Switch { ON, OFF }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SettingsUseCase useCase = settings.root.useCases().settings();
            SettingsUseCase.Current current = useCase.load();
            current.loaded().problems().forEach(p -> out.println("problem: " + p));
            boolean on = value == Switch.ON;
            SettingsUseCase.LoginChange change = useCase.setLaunchAtLogin(on, current.settings());
            out.println(on ? "Launch at login: on (" + change.loginItem() + ")"
                    : "Launch at login: off (" + change.loginItem() + " removed)");
            if (change.saveFailure().isPresent()) {
                throw change.saveFailure().get();
            }
            SavedSettings saved = change.saved().orElseThrow();
            saved.movedAside().ifPresent(aside -> out.println("The settings file had problems: it was kept as "
                    + aside + " and replaced"));
            out.println("Saved " + saved.file());
            return ExitCodes.OK;
        }
    }
}
