package io.colimaservices.ui.colima;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.StatusText;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.Pages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The Colima page: the VM's state and resources, its Docker socket with the diagnosis and the fix, the VM actions,
 * a typed-name confirmation before a delete, failures in a message area and the tool's output as a short list.
 */
public final class ColimaView {
    private static final double OUTPUT_HEIGHT = 170;

    private final ColimaViewModel model;
    private final ScrollPane root = new ScrollPane();
    private final GridPane factsGrid = new GridPane();
    private final ListView<String> output = new ListView<>();

    public ColimaView(ColimaViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        VBox page = new VBox(14, header(), failureMessage(), stateErrorMessage(), notInstalledMessage(), panels(),
                actions(), deleteConfirmation(), outputBox());
        page.setPadding(new Insets(16, 18, 18, 18));
        page.setFillWidth(true);
        root.setContent(page);
        root.setFitToWidth(true);
        root.setFitToHeight(true); // the output takes the height left; the page scrolls when there is none
        root.setId("colima-page");
        root.getStyleClass().add("edge-to-edge");
    }

    private Node header() {
        Label title = new Label("Colima VM");
        title.getStyleClass().add(Styles.TITLE_3);
        Label profile = new Label();
        profile.setId("vm-profile");
        profile.textProperty().bind(Bindings.concat("profile ", model.profileProperty()));
        profile.getStyleClass().add(Styles.TEXT_MUTED);
        HBox titleLine = new HBox(10, title, profile);
        titleLine.setAlignment(Pos.BASELINE_LEFT);

        Circle dot = dot(model.toneProperty());
        Label phase = new Label();
        phase.setId("vm-phase");
        phase.setGraphic(dot);
        phase.textProperty().bind(model.phaseTextProperty());
        phase.getStyleClass().add(Styles.TEXT_BOLD);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("vm-spinner");
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(model.actions().changingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label activity = new Label();
        activity.setId("vm-activity");
        activity.textProperty().bind(model.actions().statusLineProperty());
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        HBox stateLine = new HBox(10, phase, spinner, activity);
        stateLine.setAlignment(Pos.CENTER_LEFT);

        Button refresh = iconButton(Feather.REFRESH_CW, "Read the VM's state again");
        refresh.setId("vm-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(new VBox(6, titleLine, stateLine), grow, refresh);
        top.setAlignment(Pos.TOP_LEFT);
        return top;
    }

    private Node failureMessage() {
        return Pages.message("vm-failure", model.action().failureProperty());
    }

    private Node stateErrorMessage() {
        return Pages.message("vm-state-error", Notice.Tone.WARNING, "Colima's answer could not be read",
                model.stateErrorProperty());
    }

    private Node notInstalledMessage() {
        Label text = new Label("Install it with Homebrew, then press refresh:");
        text.setWrapText(true);
        Label command = commandLabel(ColimaViewModel.INSTALL_COMMAND);
        command.setId("vm-install-command");
        Button copy = copyButton("Copy the install command");
        copy.setId("vm-install-copy");
        copy.setOnAction(e -> model.socket().copyInstallCommand());
        HBox line = new HBox(8, command, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        Label where = new Label();
        where.setId("vm-tool-description");
        where.setWrapText(true);
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.textProperty().bind(model.toolDescriptionProperty());
        VBox body = new VBox(6, text, line, where);
        Card card = new Card();
        card.setHeader(iconTitle(Feather.DOWNLOAD, "Colima is not installed"));
        card.setBody(body);
        card.setId("vm-not-installed");
        card.getStyleClass().add(Styles.ELEVATED_1);
        Pages.showWhen(card, model.notInstalledProperty());
        return card;
    }

    private Node panels() {
        factsGrid.setId("vm-facts");
        factsGrid.setHgap(18);
        factsGrid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        factsGrid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        model.facts().addListener((ListChangeListener<ColimaViewModel.Fact>) c -> fillFacts());
        fillFacts();
        Card resources = new Card();
        resources.setHeader(iconTitle(Feather.CPU, "Resources"));
        resources.setBody(factsGrid);
        resources.setMinWidth(260);
        resources.setPrefWidth(300);

        Card socket = new Card();
        socket.setHeader(iconTitle(Feather.LINK, "Docker socket"));
        socket.setBody(socketBody());
        HBox.setHgrow(socket, Priority.ALWAYS);
        socket.setMaxWidth(Double.MAX_VALUE);

        HBox panels = new HBox(14, resources, socket);
        panels.setFillHeight(true);
        return panels;
    }

    private void fillFacts() {
        factsGrid.getChildren().clear();
        int row = 0;
        for (ColimaViewModel.Fact fact : model.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(fact.value());
            value.setId("vm-fact-" + fact.id());
            factsGrid.addRow(row++, label, value);
        }
    }

    private Node socketBody() {
        Label condition = new Label();
        condition.setId("socket-condition");
        condition.setGraphic(dot(model.socket().socketToneProperty()));
        condition.textProperty().bind(model.socket().socketConditionProperty());
        condition.getStyleClass().add(Styles.TEXT_BOLD);
        Label path = new Label();
        path.setId("socket-path");
        path.textProperty().bind(model.socket().socketPathProperty());
        path.getStyleClass().add("mono");
        path.setTooltip(new Tooltip());
        path.getTooltip().textProperty().bind(model.socket().socketPathProperty());
        Label detail = new Label();
        detail.setId("socket-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.socket().socketDetailProperty());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        Pages.showWhen(detail, model.socket().socketDetailProperty().isNotEmpty());

        Button action = new Button();
        action.setId("socket-fix");
        action.textProperty().bind(model.socket().fixLabelProperty());
        action.getStyleClass().add(Styles.ACCENT);
        action.setGraphic(new FontIcon(Feather.TOOL));
        action.disableProperty().bind(model.actions().canFixProperty().not());
        action.setOnAction(e -> model.socket().applyFix());
        action.setTooltip(new Tooltip());
        action.getTooltip().textProperty().bind(model.socket().fixTextProperty());
        Pages.showWhen(action, model.socket().fixKindProperty().isEqualTo(ColimaSocketViewModel.FixKind.ACTION));

        Label commandIntro = new Label();
        commandIntro.textProperty().bind(model.socket().fixLabelProperty());
        Label command = commandLabel("");
        command.setId("socket-fix-command");
        command.textProperty().bind(model.socket().fixCommandProperty());
        Button copy = copyButton("Copy the command");
        copy.setId("socket-fix-copy");
        copy.setOnAction(e -> model.socket().copyFixCommand());
        HBox commandLine = new HBox(8, command, copy);
        commandLine.setAlignment(Pos.CENTER_LEFT);
        VBox commandBox = new VBox(4, commandIntro, commandLine);
        commandBox.setId("socket-fix-command-box");
        // Not installed: the card above the panels already says how to install.
        Pages.showWhen(commandBox, model.socket().fixKindProperty().isEqualTo(ColimaSocketViewModel.FixKind.COMMAND)
                .and(model.notInstalledProperty().not()));

        Label notice = new Label();
        notice.setId("vm-notice");
        // The page's confirmations ("Copied: ..."); its failures have the message area above.
        notice.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = model.action().noticeProperty().get();
            return n == null || n.tone() == Notice.Tone.DANGER ? "" : n.title();
        }, model.action().noticeProperty()));
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        Pages.showWhen(notice, notice.textProperty().isNotEmpty());

        return new VBox(8, condition, path, detail, action, commandBox, notice);
    }

    private Node actions() {
        Button start = actionButton("vm-start", "Start", Feather.PLAY, model.actions().canStartProperty());
        start.getStyleClass().add(Styles.SUCCESS);
        start.setTooltip(new Tooltip("Start the VM (creating it if needed) with the resources in Preferences"));
        start.setOnAction(e -> model.actions().start());
        Button stop = actionButton("vm-stop", "Stop", Feather.SQUARE, model.actions().canStopProperty());
        stop.setTooltip(new Tooltip("Stop the VM; forced if it takes more than 2 minutes"));
        stop.setOnAction(e -> model.actions().stop());
        Button restart = actionButton("vm-restart", "Restart", Feather.REFRESH_CW, model.actions().canRestartProperty());
        restart.setTooltip(new Tooltip("Stop, then start with the resources in Preferences"));
        restart.setOnAction(e -> model.actions().restart());
        Button delete = actionButton("vm-delete", "Delete\u2026", Feather.TRASH_2, model.deletion().canDeleteProperty());
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.setTooltip(new Tooltip("Delete the VM with every container, image and volume in it"));
        delete.setOnAction(e -> model.deletion().requestDelete());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, start, stop, restart, grow, delete);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node deleteConfirmation() {
        Label warning = new Label();
        warning.setWrapText(true);
        warning.textProperty().bind(Bindings.concat("This deletes VM '", model.profileProperty(),
                "' with all its containers, images and volumes. Type the profile name to confirm:"));
        TextField typed = new TextField();
        typed.setId("vm-delete-name");
        typed.promptTextProperty().bind(model.profileProperty());
        typed.textProperty().bindBidirectional(model.deletion().deleteConfirmationProperty());
        typed.setPrefColumnCount(16);
        typed.setOnAction(e -> model.deletion().confirmDelete());
        Button confirm = new Button("Delete VM", new FontIcon(Feather.TRASH_2));
        confirm.setId("vm-delete-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(model.deletion().deleteAllowedProperty().not());
        confirm.setOnAction(e -> model.deletion().confirmDelete());
        Button cancel = new Button("Cancel");
        cancel.setId("vm-delete-cancel");
        cancel.setOnAction(e -> model.deletion().cancelDelete());
        HBox line = new HBox(8, typed, confirm, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(8, warning, line);
        Card card = new Card();
        card.setId("vm-delete-box");
        card.setHeader(iconTitle(Feather.ALERT_TRIANGLE, "Delete the VM?"));
        card.setBody(body);
        card.getStyleClass().add("danger-card");
        Pages.showWhen(card, model.deletion().confirmingDeleteProperty());
        model.deletion().confirmingDeleteProperty().addListener((o, was, now) -> {
            if (now) {
                typed.requestFocus();
            }
        });
        return card;
    }

    private Node outputBox() {
        Label title = new Label("Colima's output");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        output.setId("vm-output");
        output.setItems(model.actions().lines());
        output.getStyleClass().addAll("vm-output", Styles.DENSE);
        output.setPrefHeight(OUTPUT_HEIGHT);
        output.setMinHeight(OUTPUT_HEIGHT);
        output.setPlaceholder(placeholder());
        model.actions().lines().addListener((ListChangeListener<String>) c -> {
            if (!model.actions().lines().isEmpty()) {
                output.scrollTo(model.actions().lines().size() - 1);
            }
        });
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox box = new VBox(6, title, output);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Label placeholder() {
        Label empty = new Label("Start, stop, restart or delete to see what Colima says.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        return empty;
    }

    // --- small pieces

    private static Circle dot(ObservableValue<StatusText.Tone> tone) {
        Circle dot = new Circle(5);
        Runnable paint = () -> dot.getStyleClass().setAll("state-dot",
                "state-" + tone.getValue().name().toLowerCase(Locale.ROOT));
        tone.addListener((o, was, now) -> paint.run());
        paint.run();
        return dot;
    }

    private static Node iconTitle(Feather icon, String text) {
        Label title = new Label(text, new FontIcon(icon));
        title.getStyleClass().add(Styles.TITLE_4);
        return title;
    }

    private static Label commandLabel(String text) {
        Label command = new Label(text);
        command.getStyleClass().addAll("mono", "command");
        command.setWrapText(true);
        return command;
    }

    private static Button copyButton(String tip) {
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setTooltip(new Tooltip(tip));
        return copy;
    }

    private static Button iconButton(Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static Button actionButton(String id, String text, Feather icon, ObservableValue<Boolean> enabled) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.getValue(), enabled));
        return button;
    }


}
