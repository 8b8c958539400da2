package io.colimaservices.ui.vault;

import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.FileChoices;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.MessageArea;
import io.colimaservices.ui.common.PageParts;
import io.colimaservices.ui.common.Slot;
import io.colimaservices.ui.vault.VaultWizardViewModel.WizardStep;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Vault page: state with seal progress, unseal (stored shares or one typed share), the first-run wizard,
 * bootstrap with its progress lines, and the keys (import of the original files, export of the shares). The layout
 * is {@code VaultView.fxml} (this class is its controller), bound here to a {@link VaultViewModel} and its panels;
 * holds no state of its own beyond what the controls need.
 */
public final class VaultView {
    private final VaultViewModel model;
    private final FileChoices files;
    // Held: bidirectional bindings keep only weak references.
    private ObjectProperty<Integer> sharesValue;
    private ObjectProperty<Integer> thresholdValue;

    @FXML private ScrollPane root;
    @FXML private Label headline;
    @FXML private FontIcon headlineIcon;
    @FXML private Label detail;
    @FXML private HBox busy;
    @FXML private Label activity;
    @FXML private VBox sealProgress;
    @FXML private ProgressBar sealBar;
    @FXML private Label sealText;
    @FXML private VBox noticeSlot;
    @FXML private VBox importOffer;
    @FXML private Label importText;
    @FXML private Button deleteImported;
    @FXML private VBox wizard;
    @FXML private VBox chooseStep;
    @FXML private Spinner<Integer> shares;
    @FXML private Spinner<Integer> threshold;
    @FXML private Label invalidSettings;
    @FXML private Button initialize;
    @FXML private VBox storedStep;
    @FXML private Label wizardStored;
    @FXML private Label storeWarning;
    @FXML private Button wizardExport;
    @FXML private Button wizardBootstrap;
    @FXML private VBox bootstrapStep;
    @FXML private Button wizardRetry;
    @FXML private VBox doneStep;
    @FXML private VBox unsealCard;
    @FXML private Button unseal;
    @FXML private Label unsealLine;
    @FXML private Label noShares;
    @FXML private PasswordField share;
    @FXML private Button submit;
    @FXML private VBox bootstrapCard;
    @FXML private Label noRoot;
    @FXML private Button bootstrap;
    @FXML private VBox progressCard;
    @FXML private ListView<String> progressLines;
    @FXML private Label keysLine;
    @FXML private Button importKeys;
    @FXML private Button exportKeys;

    public VaultView(VaultViewModel model, FileChoices files) {
        this.model = model;
        this.files = files;
        Fxml.load(this);
        root.getStylesheets().add(PageParts.STYLESHEET);
        bindState();
        bindWizard();
        bindCards();
    }

    public Parent root() {
        return root;
    }

    private void bindState() {
        headline.textProperty().bind(model.headlineProperty());
        Runnable tone = () -> {
            headline.getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            headline.getStyleClass().add(MessageArea.toneClass(model.toneProperty().get()));
            headlineIcon.setIconCode(switch (model.stateProperty().get().phase()) {
                case UNSEALED -> Feather.UNLOCK;
                case SEALED -> Feather.LOCK;
                case UNINITIALIZED -> Feather.ALERT_TRIANGLE;
                case DOWN -> Feather.X_OCTAGON;
                case UNKNOWN -> Feather.LOADER;
            });
        };
        model.toneProperty().addListener((o, a, b) -> tone.run());
        model.stateProperty().addListener((o, a, b) -> tone.run());
        tone.run();
        detail.textProperty().bind(model.detailProperty());
        activity.textProperty().bind(model.action().activityProperty());
        PageParts.showWhen(busy, model.action().busyProperty());
        sealBar.progressProperty().bind(model.sealProgressProperty());
        sealText.textProperty().bind(model.sealProgressTextProperty());
        PageParts.showWhen(sealProgress, model.sealedProperty());
        Slot.fill(noticeSlot, MessageArea.bound("notice", model.action().noticeProperty(), model.action()::dismiss));
        importText.textProperty().bind(Bindings.createStringBinding(() -> String.join(", ",
                model.imports().importedFiles().stream().map(Path::toString).toList())
                + (model.imports().importedFiles().size() == 1 ? " still holds" : " still hold")
                + " the keys in plain text. Delete them now? (Keep them only until you have a backup elsewhere.)",
                model.imports().importedFiles()));
        deleteImported.disableProperty().bind(model.action().busyProperty());
        PageParts.showWhen(importOffer, Bindings.isNotEmpty(model.imports().importedFiles()));
    }

    private void bindWizard() {
        VaultWizardViewModel steps = model.wizard();
        PageParts.showWhen(wizard, steps.wizardVisibleProperty());
        showStep(chooseStep, WizardStep.CHOOSE);
        showStep(storedStep, WizardStep.STORED);
        showStep(bootstrapStep, WizardStep.BOOTSTRAP);
        showStep(doneStep, WizardStep.DONE);
        sharesValue = spinner(shares, steps.sharesProperty());
        thresholdValue = spinner(threshold, steps.thresholdProperty());
        PageParts.showWhen(invalidSettings, steps.initSettingsValidProperty().not());
        initialize.disableProperty().bind(steps.canInitializeProperty().not());
        wizardStored.textProperty().bind(steps.wizardStoredProperty());
        storeWarning.textProperty().bind(steps.storeWarningProperty());
        PageParts.showWhen(storeWarning, steps.storeWarningProperty().isNotEmpty());
        wizardExport.disableProperty().bind(steps.canExportProperty().not());
        wizardBootstrap.disableProperty().bind(steps.canRunWizardBootstrapProperty().not());
        PageParts.showWhen(wizardRetry, steps.canRunWizardBootstrapProperty());
    }

    private void showStep(Node step, WizardStep which) {
        PageParts.showWhen(step, model.wizard().wizardStepProperty().isEqualTo(which));
    }

    /** The spinner edits {@code value} both ways; returns the object property the binding needs held. */
    private static ObjectProperty<Integer> spinner(Spinner<Integer> spinner, IntegerProperty value) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, VaultWizardViewModel.MAX_SHARES, value.get()));
        ObjectProperty<Integer> boxed = value.asObject();
        spinner.getValueFactory().valueProperty().bindBidirectional(boxed);
        return boxed;
    }

    private void bindCards() {
        unseal.disableProperty().bind(model.unsealing().canUnsealProperty().not());
        unsealLine.textProperty().bind(model.unsealing().unsealLineProperty());
        PageParts.showWhen(noShares, Bindings.createBooleanBinding(() -> model.storedKeysProperty().get().shares() == 0,
                model.storedKeysProperty()));
        share.textProperty().bindBidirectional(model.unsealing().shareInputProperty());
        share.disableProperty().bind(model.sealedProperty().not().or(model.action().busyProperty()));
        submit.disableProperty().bind(model.unsealing().canSubmitShareProperty().not());
        // While the wizard runs it unseals by itself.
        PageParts.showWhen(unsealCard, model.sealedProperty().and(model.wizard().wizardVisibleProperty().not()));

        bootstrap.disableProperty().bind(model.bootstrapping().canBootstrapProperty().not());
        PageParts.showWhen(noRoot, Bindings.createBooleanBinding(() -> !model.storedKeysProperty().get().rootToken(),
                model.storedKeysProperty()));
        PageParts.showWhen(bootstrapCard, model.unsealedProperty().and(model.wizard().wizardVisibleProperty().not()));

        progressLines.setItems(model.bootstrapping().progressLines());
        model.bootstrapping().progressLines().addListener((ListChangeListener<String>) c -> {
            if (!model.bootstrapping().progressLines().isEmpty()) {
                progressLines.scrollTo(model.bootstrapping().progressLines().size() - 1);
            }
        });
        PageParts.showWhen(progressCard, Bindings.isNotEmpty(model.bootstrapping().progressLines()));

        keysLine.textProperty().bind(model.keysLineProperty());
        importKeys.disableProperty().bind(model.action().busyProperty());
        exportKeys.disableProperty().bind(model.wizard().canExportProperty().not());
    }

    // ---- the layout's actions ------------------------------------------------------------------------------------

    @FXML
    private void deleteImportedFiles() {
        model.imports().deleteImportedFiles();
    }

    @FXML
    private void keepImportedFiles() {
        model.imports().keepImportedFiles();
    }

    @FXML
    private void initializeVault() {
        model.wizard().initialize();
    }

    @FXML
    private void runWizardBootstrap() {
        model.wizard().runWizardBootstrap();
    }

    @FXML
    private void finishWizard() {
        model.wizard().finishWizard();
    }

    @FXML
    private void unseal() {
        model.unsealing().unseal();
    }

    @FXML
    private void submitShare() {
        model.unsealing().submitShare();
    }

    @FXML
    private void bootstrap() {
        model.bootstrapping().bootstrap();
    }

    @FXML
    private void importKeys() {
        Optional<Path> dir = files.directory(window(), "Directory with keys.json and root-token",
                model.imports().defaultImportDirectory());
        dir.ifPresent(model.imports()::importFrom);
    }

    @FXML
    private void exportShares() {
        files.newFile(window(), "Export the unseal key shares to a new file", "vault-unseal-shares.txt")
                .ifPresent(model.wizard()::exportShares);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
