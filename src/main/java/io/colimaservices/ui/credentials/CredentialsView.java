package io.colimaservices.ui.credentials;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.VaultToken;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.MessageArea;
import io.colimaservices.ui.common.PageParts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The Credentials page: services on the left; for the selected one its fields (masked, each with a copy button),
 * its connection string in a chosen format (password masked) with a copy button, and its TLS switch with the
 * certificate's expiry; the clipboard countdown and the token copy buttons at the bottom. Layout: {@code
 * CredentialsView.fxml} (this is its controller); field rows, format pills and cells are built here from data.
 */
public final class CredentialsView {
    private final CredentialsViewModel model;
    private final ToggleGroup formatGroup = new ToggleGroup();
    private boolean syncing;

    @FXML
    private BorderPane root;
    @FXML
    private VBox top;
    @FXML
    private HBox center;
    @FXML
    private ListView<CredentialEntry> services;
    @FXML
    private ScrollPane details;
    @FXML
    private VBox detailsPage;
    @FXML
    private Label title;
    @FXML
    private Label subtitle;
    @FXML
    private ProgressIndicator loading;
    @FXML
    private GridPane fieldGrid;
    @FXML
    private Label fieldsNote;
    @FXML
    private HBox formatBar;
    @FXML
    private HBox connectionLine;
    @FXML
    private Label connection;
    @FXML
    private Button copyConnection;
    @FXML
    private Label connectionNote;
    @FXML
    private VBox tlsCard;
    @FXML
    private ToggleSwitch tlsSwitch;
    @FXML
    private Label expiry;
    @FXML
    private FontIcon shield;
    @FXML
    private Button again;
    @FXML
    private HBox running;
    @FXML
    private Label activity;
    @FXML
    private ListView<String> tlsLines;
    @FXML
    private Label copyStatus;
    @FXML
    private Button appToken;
    @FXML
    private Button rootToken;

    public CredentialsView(CredentialsViewModel model) {
        this.model = model;
        Fxml.load(this);
        root.getStylesheets().add(PageParts.STYLESHEET);
        top.getChildren().add(MessageArea.bound("vault-notice", model.vaultNoticeProperty(), null));
        Region underResults = CredentialsResultOverlay.over(details, model.action().noticeProperty(),
                MessageArea.bound("notice", model.action().noticeProperty(), model.action()::dismiss));
        HBox.setHgrow(underResults, Priority.ALWAYS);
        center.getChildren().add(underResults);
        bindServices();
        bindDetails();
        bindConnection();
        bindTls();
        bindStatusBar();
    }

    public Parent root() {
        return root;
    }

    private void bindServices() {
        services.setItems(model.services());
        services.setCellFactory(l -> new CredentialsServiceCell(model));
        model.tlsStates().addListener((MapChangeListener<String, Boolean>) c -> services.refresh());
        services.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, before, now) -> services.getSelectionModel().select(now));
        services.getSelectionModel().select(model.selectedProperty().get());
        // One TLS switch at a time: stay on the service whose switch is running.
        services.disableProperty().bind(model.action().busyProperty());
    }

    private void bindDetails() {
        title.textProperty().bind(model.details().titleProperty());
        subtitle.textProperty().bind(model.details().subtitleProperty());
        PageParts.showWhen(loading, model.details().loadingProperty());
        PageParts.showWhen(detailsPage, model.selectedProperty().isNotNull());
        fieldsNote.textProperty().bind(model.details().fieldsNoteProperty());
        PageParts.showWhen(fieldsNote, model.details().fieldsNoteProperty().isNotEmpty());
        model.details().fields().addListener((ListChangeListener<CredentialsDetailViewModel.FieldRow>) c -> rebuildFields());
        rebuildFields();
    }

    private void rebuildFields() {
        fieldGrid.getChildren().clear();
        int row = 0;
        for (CredentialsDetailViewModel.FieldRow field : model.details().fields()) {
            Label name = new Label(field.name());
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(field.masked());
            value.getStyleClass().addAll("mono", "masked");
            value.setId("field-value-" + field.name());
            Button copy = PageParts.iconButton(Feather.COPY, "Copy the " + field.name(),
                    () -> model.copying().copyField(field.name()));
            copy.setId("copy-field-" + field.name());
            copy.disableProperty().bind(model.details().canCopyProperty().not());
            fieldGrid.addRow(row++, name, value, copy);
        }
    }

    // ---- connection ----------------------------------------------------------------------------------------------

    private void bindConnection() {
        model.details().formats().addListener((ListChangeListener<ConnectionFormat>) c -> rebuildFormats());
        formatGroup.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                // A pressed pill stays pressed: one format is always chosen.
                if (before != null && model.details().formats().contains((ConnectionFormat) before.getUserData())) {
                    formatGroup.selectToggle(before);
                }
                return;
            }
            if (!syncing) {
                model.details().formatProperty().set((ConnectionFormat) now.getUserData());
            }
        });
        model.details().formatProperty().addListener((o, before, now) -> selectFormat(now));
        rebuildFormats();

        connection.textProperty().bind(model.details().connectionProperty());
        copyConnection.setOnAction(e -> model.copying().copyConnection());
        copyConnection.disableProperty().bind(model.details().canCopyConnectionProperty().not());
        PageParts.showWhen(connectionLine, model.details().hasFormatsProperty().and(model.vaultAvailableProperty()));
        PageParts.showWhen(formatBar, model.details().hasFormatsProperty());
        connectionNote.textProperty().bind(model.details().connectionNoteProperty());
        PageParts.showWhen(connectionNote, model.details().connectionNoteProperty().isNotEmpty());
    }

    private void rebuildFormats() {
        syncing = true;
        try {
            formatGroup.getToggles().clear();
            formatBar.getChildren().clear();
            List<ConnectionFormat> formats = model.details().formats();
            for (int i = 0; i < formats.size(); i++) {
                ToggleButton pill = new ToggleButton(formats.get(i).label());
                pill.setUserData(formats.get(i));
                pill.setId("format-" + formats.get(i).label());
                pill.setToggleGroup(formatGroup);
                if (formats.size() > 1) {
                    pill.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == formats.size() - 1 ? Styles.RIGHT_PILL
                            : Styles.CENTER_PILL);
                }
                pill.setFocusTraversable(false);
                formatBar.getChildren().add(pill);
            }
            selectFormat(model.details().formatProperty().get());
        } finally {
            syncing = false;
        }
    }

    private void selectFormat(ConnectionFormat format) {
        boolean was = syncing;
        syncing = true;
        try {
            formatGroup.getToggles().stream().filter(t -> t.getUserData() == format).findFirst()
                    .ifPresentOrElse(formatGroup::selectToggle, () -> formatGroup.selectToggle(null));
        } finally {
            syncing = was;
        }
    }

    // ---- TLS -----------------------------------------------------------------------------------------------------

    private void bindTls() {
        tlsSwitch.textProperty().bind(Bindings.when(model.tls().tlsKnownProperty().not()).then("TLS")
                .otherwise(Bindings.when(model.tls().tlsEnabledProperty()).then("TLS on").otherwise("TLS off")));
        tlsSwitch.setSelected(model.tls().tlsEnabledProperty().get());
        tlsSwitch.disableProperty().bind(model.tls().canToggleTlsProperty().not());
        tlsSwitch.selectedProperty().addListener((o, before, now) -> {
            if (syncing) {
                return;
            }
            model.tls().setTls(now);
            if (model.tls().tlsEnabledProperty().get() != now) {
                syncSwitch();
            }
        });
        model.tls().tlsEnabledProperty().addListener((o, before, now) -> syncSwitch());

        expiry.textProperty().bind(model.tls().expiryTextProperty());
        Runnable level = () -> {
            expiry.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
            CertificateExpiry.Level l = model.tls().expiryLevelProperty().get();
            expiry.getStyleClass().add(expiryClass(l));
            shield.setIconCode(l == null || l == CertificateExpiry.Level.OK ? Feather.SHIELD : Feather.ALERT_TRIANGLE);
        };
        model.tls().expiryLevelProperty().addListener((o, a, b) -> level.run());
        level.run();
        PageParts.showWhen(expiry, model.tls().expiryTextProperty().isNotEmpty());

        activity.textProperty().bind(model.action().activityProperty());
        PageParts.showWhen(running, model.action().busyProperty());
        tlsLines.setItems(model.tls().tlsLines());
        PageParts.showWhen(tlsLines, Bindings.isNotEmpty(model.tls().tlsLines()));
        again.setOnAction(e -> model.tls().retryTlsRestart());
        again.disableProperty().bind(model.action().busyProperty());
        PageParts.showWhen(again, Bindings.createBooleanBinding(() -> !model.tls().tlsRestartPendingProperty().get().isEmpty()
                && model.selectedProperty().get() != null
                && model.tls().tlsRestartPendingProperty().get().equals(model.selectedProperty().get().service()),
                model.tls().tlsRestartPendingProperty(), model.selectedProperty()));
        PageParts.showWhen(tlsCard, model.tls().tlsCapableProperty());
    }

    private void syncSwitch() {
        syncing = true;
        try {
            tlsSwitch.setSelected(model.tls().tlsEnabledProperty().get());
        } finally {
            syncing = false;
        }
    }

    static String expiryClass(CertificateExpiry.Level level) {
        if (level == null) {
            return Styles.TEXT_MUTED;
        }
        return switch (level) {
            case OK -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            case CRITICAL, EXPIRED -> Styles.DANGER;
        };
    }

    // ---- status bar ----------------------------------------------------------------------------------------------

    private void bindStatusBar() {
        copyStatus.textProperty().bind(model.copying().copyStatusProperty());
        PageParts.showWhen(copyStatus, model.copying().copyStatusProperty().isNotEmpty());
        rootToken.setOnAction(e -> model.copying().copyToken(VaultToken.ROOT));
        rootToken.disableProperty().bind(model.copying().rootTokenStoredProperty().not());
        appToken.setOnAction(e -> model.copying().copyToken(VaultToken.APP));
        appToken.disableProperty().bind(model.copying().appTokenStoredProperty().not());
    }
}
