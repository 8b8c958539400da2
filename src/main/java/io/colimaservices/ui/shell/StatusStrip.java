package io.colimaservices.ui.shell;

import atlantafx.base.theme.Styles;
import io.colimaservices.domain.StackHealth;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line above every page: the stack's state in one word, the VM, Vault, and what is under way. */
public final class StatusStrip {
    private final HBox root = new HBox(14);
    private final Label health = new Label();
    private final Label vm = new Label();
    private final Label vault = new Label();
    private final Label busy = new Label();

    public StatusStrip() {
        health.setId("strip-health");
        vm.setId("strip-vm");
        vault.setId("strip-vault");
        busy.setId("strip-busy");
        busy.getStyleClass().add(Styles.TEXT_MUTED);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        root.getChildren().addAll(health, busy, grow, vm, vault);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 14, 8, 14));
        root.getStyleClass().add("status-strip");
    }

    public Parent root() {
        return root;
    }

    /** FX thread only. */
    public void show(StackSnapshot s) {
        StackHealth h = s.health();
        health.setText(switch (h) {
            case HEALTHY -> "All running services healthy";
            case DEGRADED -> "Degraded";
            case VAULT_SEALED -> "Vault " + s.vault().phase().label();
            case DOCKER_UNREACHABLE -> "Docker unreachable";
            case VM_STOPPED -> "Colima VM stopped";
            case BUSY -> "Working";
            case IDLE -> "Stack stopped";
        });
        health.getStyleClass().setAll("label", Styles.TEXT_BOLD, switch (h) {
            case HEALTHY -> Styles.SUCCESS;
            case DEGRADED, DOCKER_UNREACHABLE -> Styles.DANGER;
            case VAULT_SEALED, BUSY -> Styles.WARNING;
            default -> Styles.TEXT_MUTED;
        });
        busy.setText(String.join(" \u00b7 ", s.busy()));
        vm.setText("VM " + s.vm().profile() + ": " + s.vm().phase().label());
        VaultState v = s.vault();
        vault.setText("Vault: " + v.phase().label() + (v.phase() == VaultPhase.SEALED && v.threshold() > 0
                ? " (" + v.progress() + "/" + v.threshold() + ")" : ""));
    }
}
