package io.colimaservices.ui.vault;

import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.FileChoices;
import io.colimaservices.ui.common.MessageArea;
import io.colimaservices.ui.common.Pages;
import io.colimaservices.ui.vault.VaultWizardViewModel.WizardStep;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Vault page: state with seal progress, unseal (stored shares or one typed share), the first-run wizard,
 * bootstrap with its progress lines, and the keys (import of the original files, export of the shares). Binds to a
 * {@link VaultViewModel}; holds no state of its own beyond what the controls need.
 */
public final class VaultView {
    private final VaultViewModel model;
    private final FileChoices files;
    private final ScrollPane root = new ScrollPane();
    // Held: bidirectional bindings keep only weak references.
    private ObjectProperty<Integer> sharesValue;
    private ObjectProperty<Integer> thresholdValue;

    public VaultView(VaultViewModel model, FileChoices files) {
        this.model = model;
        this.files = files;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        VBox page = new VBox(header(), sealProgress(),
                MessageArea.bound("notice", model.action().noticeProperty(), model.action()::dismiss), importOffer(), wizard(),
                unsealCard(), bootstrapCard(), progressCard(), keysCard());
        page.getStyleClass().add("page-content");
        page.setId("vault-page");
        root.setContent(page);
        root.setFitToWidth(true);
        root.getStyleClass().addAll("secrets-page", "edge-to-edge");
        root.getStylesheets().add(Pages.STYLESHEET);
    }

    private Node header() {
        Label headline = new Label();
        headline.setId("vault-headline");
        headline.textProperty().bind(model.headlineProperty());
        headline.getStyleClass().add(Styles.TITLE_3);
        FontIcon icon = new FontIcon(Feather.LOCK);
        icon.getStyleClass().add("state-icon");
        headline.setGraphic(icon);
        headline.setGraphicTextGap(12);
        Runnable tone = () -> {
            headline.getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            headline.getStyleClass().add(MessageArea.toneClass(model.toneProperty().get()));
            icon.setIconCode(switch (model.stateProperty().get().phase()) {
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

        Label detail = Pages.text(model.detailProperty());
        detail.setId("vault-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(4, headline, detail);
        HBox.setHgrow(text, Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        Label activity = new Label();
        activity.setId("vault-activity");
        activity.textProperty().bind(model.action().activityProperty());
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        HBox busy = Pages.showWhen(new HBox(8, spinner, activity), model.action().busyProperty());
        busy.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(12, text, busy);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node sealProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("seal-progress");
        bar.progressProperty().bind(model.sealProgressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.MEDIUM);
        Label text = new Label();
        text.setId("seal-progress-text");
        text.textProperty().bind(model.sealProgressTextProperty());
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return Pages.showWhen(new VBox(4, bar, text), model.sealedProperty());
    }

    private Node importOffer() {
        Label text = Pages.text("");
        text.textProperty().bind(Bindings.createStringBinding(() -> String.join(", ",
                model.imports().importedFiles().stream().map(Path::toString).toList())
                + (model.imports().importedFiles().size() == 1 ? " still holds" : " still hold")
                + " the keys in plain text. Delete them now? (Keep them only until you have a backup elsewhere.)",
                model.imports().importedFiles()));
        Button delete = Pages.button("Delete the files", Feather.TRASH_2, model.imports()::deleteImportedFiles);
        delete.setId("delete-imported");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.action().busyProperty());
        Button keep = Pages.button("Keep them", Feather.X, model.imports()::keepImportedFiles);
        keep.setId("keep-imported");
        VBox card = Pages.card("Original files", text, new HBox(8, delete, keep));
        card.setId("import-offer");
        return Pages.showWhen(card, Bindings.isNotEmpty(model.imports().importedFiles()));
    }

    // ---- wizard --------------------------------------------------------------------------------------------------

    private Node wizard() {
        Node choose = showStep(chooseStep(), WizardStep.CHOOSE);
        Node stored = showStep(storedStep(), WizardStep.STORED);
        Node running = showStep(bootstrapStep(), WizardStep.BOOTSTRAP);
        Node done = showStep(doneStep(), WizardStep.DONE);
        VBox card = Pages.card("Set up Vault", choose, stored, running, done);
        card.setId("wizard");
        return Pages.showWhen(card, model.wizard().wizardVisibleProperty());
    }

    private Node showStep(Node step, WizardStep which) {
        return Pages.showWhen(step, model.wizard().wizardStepProperty().isEqualTo(which));
    }

    private Node chooseStep() {
        Label intro = Pages.text("Vault is new. Initializing it splits its unseal key into shares, any few of which "
                + "unseal it, and creates the root token. The app keeps both in your secret store.");
        Spinner<Integer> shares = new Spinner<>(1, VaultWizardViewModel.MAX_SHARES, model.wizard().sharesProperty().get());
        shares.setId("init-shares");
        sharesValue = model.wizard().sharesProperty().asObject();
        shares.getValueFactory().valueProperty().bindBidirectional(sharesValue);
        Spinner<Integer> threshold = new Spinner<>(1, VaultWizardViewModel.MAX_SHARES, model.wizard().thresholdProperty().get());
        threshold.setId("init-threshold");
        thresholdValue = model.wizard().thresholdProperty().asObject();
        threshold.getValueFactory().valueProperty().bindBidirectional(thresholdValue);
        GridPane grid = new GridPane(12, 8);
        grid.addRow(0, new Label("Key shares"), shares);
        grid.addRow(1, new Label("Shares needed to unseal"), threshold);
        Label invalid = Pages.text("The shares needed must be at least 2 and at most the number of shares "
                + "(or 1 of 1).");
        invalid.getStyleClass().add(Styles.DANGER);
        Pages.showWhen(invalid, model.wizard().initSettingsValidProperty().not());
        Button init = Pages.button("Initialize Vault", Feather.KEY, model.wizard()::initialize);
        init.setId("init-button");
        init.getStyleClass().add(Styles.ACCENT);
        init.setDefaultButton(true);
        init.disableProperty().bind(model.wizard().canInitializeProperty().not());
        return new VBox(12, intro, grid, invalid, init);
    }

    private Node storedStep() {
        Label stored = Pages.text(model.wizard().wizardStoredProperty());
        stored.setId("wizard-stored");
        Label warning = Pages.text(model.wizard().storeWarningProperty());
        warning.setId("store-warning");
        warning.getStyleClass().add(Styles.WARNING);
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        Pages.showWhen(warning, model.wizard().storeWarningProperty().isNotEmpty());
        Label backup = Pages.text("Keep a backup of the shares apart from this computer: export them to a file, "
                + "move it somewhere safe, then delete it here. Next, the app unseals Vault and bootstraps it "
                + "(secrets, certificates, policies, the app token).");
        backup.getStyleClass().add(Styles.TEXT_MUTED);
        Button export = Pages.button("Export shares to a file…", Feather.SAVE, this::exportShares);
        export.setId("wizard-export");
        export.disableProperty().bind(model.wizard().canExportProperty().not());
        Button next = Pages.button("Unseal and bootstrap", Feather.PLAY, model.wizard()::runWizardBootstrap);
        next.setId("wizard-bootstrap");
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.wizard().canRunWizardBootstrapProperty().not());
        return new VBox(12, stored, warning, backup, new HBox(8, export, next));
    }

    private Node bootstrapStep() {
        Label text = Pages.text("Unsealing with the stored shares and bootstrapping; the lines below show each step.");
        Button retry = Pages.button("Try again", Feather.REFRESH_CW, model.wizard()::runWizardBootstrap);
        retry.setId("wizard-retry");
        Pages.showWhen(retry, model.wizard().canRunWizardBootstrapProperty());
        return new VBox(12, text, retry);
    }

    private Node doneStep() {
        Label text = Pages.text("Vault is initialized, unsealed and bootstrapped. The stack's services can start.");
        text.getStyleClass().add(Styles.SUCCESS);
        text.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        Button finish = Pages.button("Done", Feather.CHECK, model.wizard()::finishWizard);
        finish.setId("wizard-done");
        return new VBox(12, text, finish);
    }

    // ---- unseal --------------------------------------------------------------------------------------------------

    private Node unsealCard() {
        Button unseal = Pages.button("Unseal with the stored shares", Feather.UNLOCK, model.unsealing()::unseal);
        unseal.setId("unseal-button");
        unseal.getStyleClass().add(Styles.ACCENT);
        unseal.disableProperty().bind(model.unsealing().canUnsealProperty().not());
        Label line = new Label();
        line.setId("unseal-line");
        line.textProperty().bind(model.unsealing().unsealLineProperty());
        line.getStyleClass().add(Styles.TEXT_MUTED);
        HBox stored = new HBox(12, unseal, line);
        stored.setAlignment(Pos.CENTER_LEFT);
        Label noShares = Pages.text("No shares are stored: import the original project's keys below, or enter the "
                + "shares one at a time.");
        noShares.getStyleClass().add(Styles.TEXT_MUTED);
        Pages.showWhen(noShares, Bindings.createBooleanBinding(() -> model.storedKeysProperty().get().shares() == 0,
                model.storedKeysProperty()));

        PasswordField share = new PasswordField();
        share.setId("share-field");
        share.setPromptText("One unseal key share (not shown)");
        share.textProperty().bindBidirectional(model.unsealing().shareInputProperty());
        share.disableProperty().bind(model.sealedProperty().not().or(model.action().busyProperty()));
        share.setOnAction(e -> model.unsealing().submitShare());
        HBox.setHgrow(share, Priority.ALWAYS);
        Button submit = Pages.button("Submit", Feather.CORNER_DOWN_LEFT, model.unsealing()::submitShare);
        submit.setId("share-submit");
        submit.disableProperty().bind(model.unsealing().canSubmitShareProperty().not());
        HBox typed = new HBox(8, share, submit);
        Label typedTitle = new Label("Enter a share");
        typedTitle.getStyleClass().add(Styles.TEXT_BOLD);

        VBox card = Pages.card("Unseal", stored, noShares, new Separator(), typedTitle, typed);
        card.setId("unseal-card");
        // While the wizard runs it unseals by itself.
        return Pages.showWhen(card, model.sealedProperty().and(model.wizard().wizardVisibleProperty().not()));
    }

    // ---- bootstrap, progress, keys -------------------------------------------------------------------------------

    private Node bootstrapCard() {
        Label text = Pages.text("Creates what the stack needs in Vault: service secrets, the PKI and certificates, "
                + "policies, AppRoles and the app's token; exports the CA chain and arms vault-agent. Safe to run "
                + "again: it only adds what is missing.");
        Button bootstrap = Pages.button("Bootstrap", Feather.PLAY, model.bootstrapping()::bootstrap);
        bootstrap.setId("bootstrap-button");
        bootstrap.disableProperty().bind(model.bootstrapping().canBootstrapProperty().not());
        Label noRoot = Pages.text("Bootstrap needs the root token, and the secret store holds none: import the "
                + "original project's keys.");
        noRoot.getStyleClass().add(Styles.WARNING);
        Pages.showWhen(noRoot, Bindings.createBooleanBinding(() -> !model.storedKeysProperty().get().rootToken(),
                model.storedKeysProperty()));
        VBox card = Pages.card("Bootstrap", text, noRoot, bootstrap);
        card.setId("bootstrap-card");
        return Pages.showWhen(card, model.unsealedProperty().and(model.wizard().wizardVisibleProperty().not()));
    }

    private Node progressCard() {
        ListView<String> lines = new ListView<>(model.bootstrapping().progressLines());
        lines.setId("progress-lines");
        lines.getStyleClass().addAll("progress-lines", "mono", Styles.DENSE, Styles.STRIPED);
        lines.setFocusTraversable(false);
        model.bootstrapping().progressLines().addListener((ListChangeListener<String>) c -> {
            if (!model.bootstrapping().progressLines().isEmpty()) {
                lines.scrollTo(model.bootstrapping().progressLines().size() - 1);
            }
        });
        VBox card = Pages.card("Progress", lines);
        return Pages.showWhen(card, Bindings.isNotEmpty(model.bootstrapping().progressLines()));
    }

    private Node keysCard() {
        Label line = Pages.text(model.keysLineProperty());
        line.setId("keys-line");
        Button importKeys = Pages.button("Import the original keys…", Feather.DOWNLOAD, this::importKeys);
        importKeys.setId("import-button");
        importKeys.disableProperty().bind(model.action().busyProperty());
        Button export = Pages.button("Export shares…", Feather.SAVE, this::exportShares);
        export.setId("export-button");
        export.disableProperty().bind(model.wizard().canExportProperty().not());
        Label about = Pages.text("Migrating from the original project? Import its ~/.config/vault/keys.json and "
                + "root-token into the secret store; the app then offers to delete them.");
        about.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = Pages.card("Keys", line, about, new HBox(8, importKeys, export));
        card.setId("keys-card");
        // Unreachable Vault: import still works (it only touches the secret store).
        return card;
    }

    private void importKeys() {
        Optional<Path> dir = files.directory(window(), "Directory with keys.json and root-token",
                model.imports().defaultImportDirectory());
        dir.ifPresent(model.imports()::importFrom);
    }

    private void exportShares() {
        files.newFile(window(), "Export the unseal key shares to a new file", "vault-unseal-shares.txt")
                .ifPresent(model.wizard()::exportShares);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
