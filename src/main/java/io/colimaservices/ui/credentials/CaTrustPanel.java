package io.colimaservices.ui.credentials;

import atlantafx.base.theme.Styles;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.PageParts;
import io.colimaservices.ui.common.MessageArea;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;


/**
 * The CA panel's view: the layout is {@code CaTrustPanel.fxml} (this class is its controller); one row per TLS
 * service with its certificate's expiry and Renew. {@link #below} puts it below the Credentials page.
 */
public final class CaTrustPanel {
    /** The Credentials page's height with its list, a service's fields, connection and TLS cards. */
    private static final double PAGE_MIN_HEIGHT = 600;

    private final CaTrustViewModel model;

    @FXML
    private VBox root;
    @FXML
    private Label trustText;
    @FXML
    private Button trust;
    @FXML
    private Button untrust;
    @FXML
    private Label commands;
    @FXML
    private HBox messageSlot;
    @FXML
    private VBox certificates;

    public CaTrustPanel(CaTrustViewModel model) {
        this.model = model;
        Fxml.load(this);
        bind();
    }

    /**
     * The Credentials page with this panel as a card below it: the page's title comes first, and the CA, which is
     * the stack's and not a service's, comes after the services' credentials.
     */
    public static Node below(Node page, CaTrustViewModel model) {
        Node card = new CaTrustPanel(model).root;
        VBox.setMargin(card, new Insets(0, 24, 16, 24));
        VBox both = new VBox(8, page, card);
        // The card's look (.page-card) is the pages' stylesheet's, under .secrets-page.
        both.getStyleClass().add("secrets-page");
        both.getStylesheets().add(PageParts.STYLESHEET);
        VBox.setVgrow(page, Priority.ALWAYS);
        // The card grows with the TLS services (a line each): it must never squeeze the credentials above it, so
        // the page keeps the height it needs and the card is reached by scrolling when the window is short.
        if (page instanceof Region region) {
            region.setMinHeight(PAGE_MIN_HEIGHT);
        }
        ScrollPane scroll = new ScrollPane(both);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    public Node root() {
        return root;
    }

    private void bind() {
        trustText.textProperty().bind(model.trustTextProperty());
        commands.textProperty().bind(model.commandsProperty());
        commands.visibleProperty().bind(model.commandsProperty().isNotEmpty());
        commands.managedProperty().bind(commands.visibleProperty());
        trust.disableProperty().bind(Bindings.or(model.busyProperty(),
                model.trustProperty().isNotEqualTo(TrustReport.Trust.NOT_TRUSTED)));
        untrust.disableProperty().bind(Bindings.or(model.busyProperty(),
                model.trustProperty().isNotEqualTo(TrustReport.Trust.TRUSTED)));
        trust.setOnAction(e -> model.trust());
        untrust.setOnAction(e -> model.untrust());
        messageSlot.getChildren().add(MessageArea.bound("ca-notice", model.noticeProperty(), model::dismissNotice));
        HBox.setHgrow(messageSlot.getChildren().getFirst(), Priority.ALWAYS);
        model.certificates().addListener((ListChangeListener<CaTrustViewModel.CertificateRow>) c -> rows());
        model.busyProperty().addListener((o, was, is) -> rows());
        rows();
    }

    private void rows() {
        certificates.getChildren().setAll(model.certificates().stream().map(this::row).toList());
    }

    private HBox row(CaTrustViewModel.CertificateRow row) {
        Label service = new Label(row.service());
        service.setMinWidth(120);
        service.getStyleClass().add(Styles.TEXT_BOLD);
        Label expiry = new Label(row.expiry());
        expiry.setId("ca-expiry-" + row.service());
        expiry.setWrapText(true);
        expiry.getStyleClass().add(row.level().map(CaTrustPanel::tone).orElse(Styles.TEXT_MUTED));
        HBox.setHgrow(expiry, Priority.ALWAYS);
        expiry.setMaxWidth(Double.MAX_VALUE);
        Button renew = new Button("Renew");
        renew.setId("ca-renew-" + row.service());
        renew.setDisable(model.busyProperty().get() || row.level().isEmpty());
        renew.setOnAction(e -> model.renew(row.service()));
        HBox box = new HBox(10, service, expiry, renew);
        box.setId("ca-certificate-" + row.service());
        return box;
    }

    private static String tone(CertificateExpiry.Level level) {
        return switch (level) {
            case OK -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            default -> Styles.DANGER;
        };
    }
}
