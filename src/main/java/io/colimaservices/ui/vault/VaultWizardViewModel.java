package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import java.nio.file.Path;

/**
 * The Vault page's first-run wizard: choose shares and threshold, initialize (the keys go to the secret store),
 * where the keys went and an export offer, then unseal and bootstrap (its lines in the
 * {@link VaultBootstrapViewModel bootstrap panel}).
 */
public final class VaultWizardViewModel {
    public static final int DEFAULT_SHARES = 5;
    public static final int DEFAULT_THRESHOLD = 3;
    /** Vault's Shamir limit (and the secret store's). */
    public static final int MAX_SHARES = 255;

    /** The wizard's steps. */
    public enum WizardStep {
        /** Choose shares and threshold, then initialize. */
        CHOOSE,
        /** Initialized: where the keys went, export offer, then unseal and bootstrap. */
        STORED,
        /** Unsealing and bootstrapping (or failed at it: try again). */
        BOOTSTRAP,
        /** All done. */
        DONE
    }

    private final VaultViewModel page;
    private final VaultBootstrapViewModel bootstrap;
    private final ActionState action;
    private final IntegerProperty shares = new SimpleIntegerProperty(DEFAULT_SHARES);
    private final IntegerProperty threshold = new SimpleIntegerProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyObjectWrapper<WizardStep> wizardStep = new ReadOnlyObjectWrapper<>(WizardStep.CHOOSE);
    private final ReadOnlyStringWrapper wizardStored = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeWarning = new ReadOnlyStringWrapper("");
    private final BooleanBinding initSettingsValid = Bindings.createBooleanBinding(
            () -> validSettings(shares.get(), threshold.get()), shares, threshold);
    private final BooleanBinding canInitialize;
    private final BooleanBinding canRunWizardBootstrap;
    private final BooleanBinding canExport;
    private final BooleanBinding wizardVisible;

    VaultWizardViewModel(VaultViewModel page, VaultBootstrapViewModel bootstrap) {
        this.page = page;
        this.bootstrap = bootstrap;
        this.action = page.action();
        BooleanBinding idle = action.busyProperty().not();
        canInitialize = page.uninitializedProperty().and(idle).and(initSettingsValid)
                .and(wizardStep.isEqualTo(WizardStep.CHOOSE));
        canRunWizardBootstrap = idle.and(wizardStep.isEqualTo(WizardStep.STORED)
                .or(wizardStep.isEqualTo(WizardStep.BOOTSTRAP)));
        canExport = idle.and(Bindings.createBooleanBinding(() -> page.storedKeysProperty().get().shares() > 0,
                page.storedKeysProperty()));
        wizardVisible = page.uninitializedProperty().or(wizardStep.isNotEqualTo(WizardStep.CHOOSE));
    }

    static boolean validSettings(int shares, int threshold) {
        // Vault: 1 <= threshold <= shares <= 255, and a threshold of 1 only with a single share.
        return shares >= 1 && shares <= MAX_SHARES && threshold >= 1 && threshold <= shares
                && (threshold > 1 || shares == 1);
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public IntegerProperty sharesProperty() {
        return shares;
    }

    public IntegerProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyObjectProperty<WizardStep> wizardStepProperty() {
        return wizardStep.getReadOnlyProperty();
    }

    /** Where init put the shares and the root token. */
    public ReadOnlyStringProperty wizardStoredProperty() {
        return wizardStored.getReadOnlyProperty();
    }

    /** The weaker-store warning, empty with a keychain. */
    public ReadOnlyStringProperty storeWarningProperty() {
        return storeWarning.getReadOnlyProperty();
    }

    public BooleanBinding initSettingsValidProperty() {
        return initSettingsValid;
    }

    public BooleanBinding canInitializeProperty() {
        return canInitialize;
    }

    public BooleanBinding canRunWizardBootstrapProperty() {
        return canRunWizardBootstrap;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public BooleanBinding wizardVisibleProperty() {
        return wizardVisible;
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Initializes Vault with the chosen shares and threshold; the keys go to the secret store. */
    public void initialize() {
        if (!canInitialize.get()) {
            return;
        }
        int n = shares.get();
        int t = threshold.get();
        action.start("Initializing Vault…", () -> page.vault().init(n, t),
                outcome -> {
                    wizardStep.set(WizardStep.STORED);
                    wizardStored.set(outcome.shares() + " unseal key shares (" + outcome.threshold()
                            + " needed to unseal) and the root token are stored in " + outcome.storedIn() + ".");
                    storeWarning.set(outcome.weakerStore() ? VaultViewModel.WEAK_STORE_WARNING : "");
                    page.say(Notice.success("Vault is initialized", "Keep a backup of the shares somewhere "
                            + "else: export them to a file you move off this computer."), VaultPhase.UNINITIALIZED,
                            VaultPhase.SEALED, VaultPhase.UNSEALED);
                    page.loadKeys();
                    page.reloadState();
                },
                "Initialization failed",
                e -> page.reloadState());
    }

    /** Writes the stored shares to a new file the user chose. */
    public void exportShares(Path file) {
        if (!canExport.get()) {
            return;
        }
        action.start("Exporting the shares…", () -> page.vault().exportShares(file),
                count -> action.show(Notice.success("Exported " + count + " shares to " + file,
                        "Readable by you only. Keep that file away from this computer.")),
                "Export failed");
    }

    /** The wizard's last step: unseal with the stored shares if needed, then bootstrap, showing every line. */
    public void runWizardBootstrap() {
        if (!canRunWizardBootstrap.get()) {
            return;
        }
        wizardStep.set(WizardStep.BOOTSTRAP);
        bootstrap.run("Unsealing and bootstrapping…", line -> page.vault().unsealAndBootstrap(line), () -> {
            wizardStep.set(WizardStep.DONE);
            page.reloadState();
        });
    }

    /** Closes the finished wizard. */
    public void finishWizard() {
        if (wizardStep.get() == WizardStep.DONE) {
            wizardStep.set(WizardStep.CHOOSE);
            bootstrap.clearLines();
        }
    }
}
