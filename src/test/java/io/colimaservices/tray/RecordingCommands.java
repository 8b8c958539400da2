package io.colimaservices.tray;

import java.util.ArrayList;
import java.util.List;

/** Records what the menu asked for. */
final class RecordingCommands implements MenuCommands {
    final List<String> calls = new ArrayList<>();

    public void openDashboard() {
        calls.add("open");
    }

    public void openSection(String section) {
        calls.add("section " + section);
    }

    public void startTarget(String target) {
        calls.add("start " + target);
    }

    public void startTier(String tier) {
        calls.add("start tier " + tier);
    }

    public void stopTarget(String target) {
        calls.add("stop " + target);
    }

    public void restartService(String service) {
        calls.add("restart " + service);
    }

    public void viewLogs(String service) {
        calls.add("logs " + service);
    }

    public void openUrl(String url) {
        calls.add("url " + url);
    }

    public void openShell(String service, boolean client) {
        calls.add((client ? "client " : "shell ") + service);
    }

    public void copyConnectionString(String service) {
        calls.add("copy-url " + service);
    }

    public void copyPassword(String service) {
        calls.add("copy-password " + service);
    }

    public void setTls(String service, boolean enabled) {
        calls.add("tls " + service + " " + enabled);
    }

    public void startVm() {
        calls.add("vm start");
    }

    public void stopVm() {
        calls.add("vm stop");
    }

    public void unsealVault() {
        calls.add("unseal");
    }

    public void quit() {
        calls.add("quit");
    }
}
