package io.colimaservices.ui.credentials;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.VaultToken;
import io.colimaservices.ui.common.MessageArea;
import io.colimaservices.ui.common.Pages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The Credentials page: services on the left; for the selected one its fields (masked, each with a copy button),
 * its connection string in a chosen format (password masked) with a copy button, and its TLS switch with the
 * certificate's expiry; the clipboard countdown and the token copy buttons at the bottom. Binds to a
 * {@link CredentialsViewModel}.
 */
public final class CredentialsView {
    private final CredentialsViewModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane fieldGrid = new GridPane(12, 6);
    private final HBox formatBar = new HBox();
    private final ToggleGroup formatGroup = new ToggleGroup();
    private final ToggleSwitch tlsSwitch = new ToggleSwitch();
    private boolean syncing;

    public CredentialsView(CredentialsViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label title = new Label("Credentials");
        title.getStyleClass().add(Styles.TITLE_3);
        VBox top = new VBox(12, title, MessageArea.bound("vault-notice", model.vaultNoticeProperty(), null));
        top.setPadding(new Insets(20, 24, 12, 24));

        ScrollPane details = new ScrollPane(details());
        details.setFitToWidth(true);
        details.getStyleClass().add("edge-to-edge");
        Node detailsUnderResults = overResults(details, model.action().noticeProperty(),
                MessageArea.bound("notice", model.action().noticeProperty(), model.action()::dismiss));
        HBox.setHgrow(detailsUnderResults, Priority.ALWAYS);
        HBox center = new HBox(16, services(), detailsUnderResults);
        center.setPadding(new Insets(0, 0, 0, 24));

        root.setTop(top);
        root.setCenter(center);
        root.setBottom(statusBar());
        root.getStyleClass().add("secrets-page");
        root.getStylesheets().add(Pages.STYLESHEET);
        root.setId("credentials-page");
    }

    /**
     * An action's result (a TLS switch's outcome, a copy that failed) lies over the top of the service's details
     * instead of pushing the page down, so the switch just pressed stays under the pointer; the service list stays
     * uncovered. Vault's own state stays in the flow above: it changes with Vault, not after a click here.
     */
    private static Node overResults(Node content, javafx.beans.Observable result, Node results) {
        VBox overlay = new VBox(results);
        overlay.setId("result-overlay");
        overlay.setPickOnBounds(false);
        overlay.setPadding(new Insets(0, 24, 0, 0));
        // Unmanaged: its size never feeds the page's layout (a long result would narrow the service list).
        overlay.setManaged(false);
        StackPane holder = new StackPane(content, overlay) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                double width = getWidth();
                overlay.resizeRelocate(0, 0, width, Math.min(getHeight(), overlay.prefHeight(width)));
            }
        };
        // An unmanaged node's new text does not reach its parent's layout: ask for one when the result changes.
        result.addListener(o -> holder.requestLayout());
        return holder;
    }

    private Node services() {
        ListView<CredentialEntry> list = new ListView<>(model.services());
        list.setId("credential-services");
        list.setPrefWidth(220);
        list.setMinWidth(180);
        list.getStyleClass().add(Styles.BORDERED);
        list.setCellFactory(l -> new ServiceCell());
        model.tlsStates().addListener((javafx.collections.MapChangeListener<String, Boolean>) c -> list.refresh());
        Label none = new Label("No service of the stack keeps credentials in Vault.");
        none.setWrapText(true);
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setPadding(new Insets(12));
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, before, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().select(model.selectedProperty().get());
        // One TLS switch at a time: stay on the service whose switch is running.
        list.disableProperty().bind(model.action().busyProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(list);
        box.setPadding(new Insets(0, 0, 16, 0));
        return box;
    }

    private Node details() {
        Label name = new Label();
        name.setId("credential-title");
        name.textProperty().bind(model.details().titleProperty());
        name.getStyleClass().add(Styles.TITLE_4);
        Label path = new Label();
        path.setId("credential-subtitle");
        path.textProperty().bind(model.details().subtitleProperty());
        path.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator loading = Pages.showWhen(new ProgressIndicator(), model.details().loadingProperty());
        loading.setPrefSize(18, 18);
        HBox header = new HBox(10, new VBox(2, name, path), loading);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox page = new VBox(16, header, fieldsCard(), connectionCard(), tlsCard());
        page.setPadding(new Insets(0, 24, 24, 0));
        Pages.showWhen(page, model.selectedProperty().isNotNull());
        return page;
    }

    // ---- fields --------------------------------------------------------------------------------------------------

    private Node fieldsCard() {
        fieldGrid.setId("credential-fields");
        Label note = Pages.text(model.details().fieldsNoteProperty());
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Pages.showWhen(note, model.details().fieldsNoteProperty().isNotEmpty());
        model.details().fields().addListener((ListChangeListener<CredentialsDetailViewModel.FieldRow>) c -> rebuildFields());
        rebuildFields();
        return Pages.card("Fields", fieldGrid, note);
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
            Button copy = Pages.iconButton(Feather.COPY, "Copy the " + field.name(),
                    () -> model.copying().copyField(field.name()));
            copy.setId("copy-field-" + field.name());
            copy.disableProperty().bind(model.details().canCopyProperty().not());
            fieldGrid.addRow(row++, name, value, copy);
        }
    }

    // ---- connection ----------------------------------------------------------------------------------------------

    private Node connectionCard() {
        formatBar.setId("format-selector");
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

        Label string = new Label();
        string.setId("connection-string");
        string.textProperty().bind(model.details().connectionProperty());
        string.setWrapText(true);
        string.setMaxWidth(Double.MAX_VALUE);
        string.setMinHeight(Region.USE_PREF_SIZE);
        string.getStyleClass().addAll("mono", "connection-string");
        HBox.setHgrow(string, Priority.ALWAYS);
        Button copy = Pages.iconButton(Feather.COPY, "Copy the connection string (password included)",
                model.copying()::copyConnection);
        copy.setId("copy-connection");
        copy.disableProperty().bind(model.details().canCopyConnectionProperty().not());
        HBox line = new HBox(8, string, copy);
        line.setAlignment(Pos.TOP_LEFT);
        Pages.showWhen(line, model.details().hasFormatsProperty().and(model.vaultAvailableProperty()));
        Pages.showWhen(formatBar, model.details().hasFormatsProperty());
        Label note = Pages.text(model.details().connectionNoteProperty());
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setId("connection-note");
        Pages.showWhen(note, model.details().connectionNoteProperty().isNotEmpty());
        return Pages.card("Connection", formatBar, line, note);
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

    private Node tlsCard() {
        tlsSwitch.setId("tls-switch");
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

        Label expiry = new Label();
        expiry.setId("certificate-expiry");
        expiry.textProperty().bind(model.tls().expiryTextProperty());
        expiry.setWrapText(true);
        FontIcon shield = new FontIcon(Feather.SHIELD);
        expiry.setGraphic(shield);
        Runnable level = () -> {
            expiry.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
            CertificateExpiry.Level l = model.tls().expiryLevelProperty().get();
            expiry.getStyleClass().add(expiryClass(l));
            shield.setIconCode(l == null || l == CertificateExpiry.Level.OK ? Feather.SHIELD : Feather.ALERT_TRIANGLE);
        };
        model.tls().expiryLevelProperty().addListener((o, a, b) -> level.run());
        level.run();
        Pages.showWhen(expiry, model.tls().expiryTextProperty().isNotEmpty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label activity = Pages.text(model.action().activityProperty());
        activity.setId("tls-activity");
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        HBox running = Pages.showWhen(new HBox(8, spinner, activity), model.action().busyProperty());
        running.setAlignment(Pos.CENTER_LEFT);
        ListView<String> lines = new ListView<>(model.tls().tlsLines());
        lines.setId("tls-lines");
        lines.getStyleClass().addAll("progress-lines", "mono", Styles.DENSE);
        lines.setFocusTraversable(false);
        lines.setPrefHeight(110);
        Pages.showWhen(lines, Bindings.isNotEmpty(model.tls().tlsLines()));
        Label about = Pages.text("Switching restarts vault-agent and the service; plain and TLS ports both stay "
                + "open (dual mode).");
        about.getStyleClass().add(Styles.TEXT_MUTED);
        Button again = new Button("Restart again");
        again.setId("tls-restart-again");
        again.setOnAction(e -> model.tls().retryTlsRestart());
        again.disableProperty().bind(model.action().busyProperty());
        Pages.showWhen(again, Bindings.createBooleanBinding(() -> !model.tls().tlsRestartPendingProperty().get().isEmpty()
                && model.selectedProperty().get() != null
                && model.tls().tlsRestartPendingProperty().get().equals(model.selectedProperty().get().service()),
                model.tls().tlsRestartPendingProperty(), model.selectedProperty()));
        HBox switchRow = new HBox(16, tlsSwitch, expiry, again);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        VBox card = Pages.card("TLS", switchRow, about, running, lines);
        card.setId("tls-card");
        return Pages.showWhen(card, model.tls().tlsCapableProperty());
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

    private Node statusBar() {
        Label status = new Label();
        status.setId("copy-status");
        status.textProperty().bind(model.copying().copyStatusProperty());
        status.setGraphic(new FontIcon(Feather.CLIPBOARD));
        status.getStyleClass().add("copy-status");
        Pages.showWhen(status, model.copying().copyStatusProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button rootToken = Pages.button("Copy root token", Feather.KEY, () -> model.copying().copyToken(VaultToken.ROOT));
        rootToken.setId("copy-root-token");
        rootToken.disableProperty().bind(model.copying().rootTokenStoredProperty().not());
        Button app = Pages.button("Copy app token", Feather.KEY, () -> model.copying().copyToken(VaultToken.APP));
        app.setId("copy-app-token");
        app.disableProperty().bind(model.copying().appTokenStoredProperty().not());
        HBox bar = new HBox(8, status, spacer, app, rootToken);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 24, 12, 24));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** A service: its name, and its kind and whether it has TLS underneath. Reuses its labels. */
    private final class ServiceCell extends ListCell<CredentialEntry> {
        private final Label name = new Label();
        private final Label kind = new Label();
        private final VBox box = new VBox(2, name, kind);

        ServiceCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            kind.getStyleClass().add("service-kind");
        }

        @Override
        protected void updateItem(CredentialEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            name.setText(entry.service());
            kind.setText(model.describe(entry));
            setGraphic(box);
            setId("service-" + entry.service());
        }
    }
}
