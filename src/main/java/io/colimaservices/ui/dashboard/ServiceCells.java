package io.colimaservices.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StatusText;
import io.colimaservices.ui.common.LazyTooltip;
import io.colimaservices.ui.common.PageParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.function.Function;

/**
 * The services table's cells, built from each row (the part of the page that comes from data): the name with its
 * group's picture, the state with its dot and the stale mark, the ports (a click copies {@code localhost:PORT}), the
 * group's and service's actions.
 */
final class ServiceCells {
    private final DashboardViewModel model;

    ServiceCells(DashboardViewModel model) {
        this.model = model;
    }

    /** Fills {@code column} from each row with {@code render}. */
    static void render(TreeTableColumn<ServiceRow, ServiceRow> column, Function<ServiceRow, Node> render) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ServiceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : render.apply(row));
            }
        });
    }

    static Node text(String value) {
        return new Label(value);
    }

    Node name(ServiceRow row) {
        Label name = new Label(row.name());
        if (row.groupRow()) {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            FontIcon icon = new FontIcon(groupIcon(row.group().icon()));
            icon.getStyleClass().add("group-icon");
            name.setGraphic(icon);
        } else {
            if (!row.description().isEmpty()) {
                LazyTooltip.install(name, row.description());
            }
        }
        return name;
    }

    /** The stack's five groups have their own pictures; any other group shares the generic one. */
    static Feather groupIcon(ServiceGroup.Icon icon) {
        return switch (icon) {
            case SECRETS -> Feather.LOCK;
            case DATA -> Feather.DATABASE;
            case GIT -> Feather.GIT_BRANCH;
            case APPS -> Feather.BOX;
            case OBSERVABILITY -> Feather.ACTIVITY;
            case GENERIC -> Feather.LAYERS;
        };
    }

    Node state(ServiceRow row) {
        Circle dot = new Circle(5);
        dot.getStyleClass().setAll("state-dot", styleClass(row.tone()));
        Label state = new Label(row.state(), dot);
        state.setId("state-" + row.name());
        row.blocked().ifPresent(why -> LazyTooltip.install(state, why));
        if (!row.stale()) {
            return state;
        }
        Label mark = new Label("definition changed", new FontIcon(Feather.ALERT_TRIANGLE));
        mark.setId("stale-" + row.name());
        mark.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        LazyTooltip.install(mark, "The compose file's definition changed since this container was made: "
                + "Recreate applies it (volumes are kept).");
        HBox cell = new HBox(6, state, mark);
        cell.setAlignment(Pos.CENTER_LEFT);
        return cell;
    }

    static String styleClass(StatusText.Tone tone) {
        return "state-" + tone.name().toLowerCase(Locale.ROOT);
    }

    Node ports(ServiceRow row) {
        HBox ports = new HBox(2);
        ports.setAlignment(Pos.CENTER_LEFT);
        for (int port : row.hostPorts()) {
            Hyperlink link = new Hyperlink(String.valueOf(port));
            LazyTooltip.install(link, "Copy localhost:" + port);
            link.setOnAction(e -> model.copyAddress(port));
            link.setPadding(new Insets(0, 2, 0, 2));
            ports.getChildren().add(link);
        }
        return ports;
    }

    Node actions(ServiceRow row) {
        String target = row.groupRow() ? row.group().label() : row.name();
        HBox actions = new HBox(2);
        actions.setAlignment(Pos.CENTER_LEFT);
        Button start = icon(Feather.PLAY, row.groupRow() ? "Start the group (in dependency order)" : "Start",
                () -> model.start(target));
        Button stop = icon(Feather.SQUARE, row.groupRow() ? "Stop the group (dependents first)" : "Stop",
                () -> model.stop(target));
        start.setId("start-" + target);
        stop.setId("stop-" + target);
        start.disableProperty().bind(model.workingProperty().or(constant(!row.canStart())));
        stop.disableProperty().bind(model.workingProperty().or(constant(!row.canStop())));
        actions.getChildren().addAll(start, stop);
        if (!row.groupRow()) {
            Button restart = icon(Feather.REFRESH_CW, "Restart", () -> model.restart(row.name()));
            restart.disableProperty().bind(model.workingProperty().or(constant(!row.canStop())));
            Button logs = icon(Feather.FILE_TEXT, "View logs", () -> model.openLogs(row.name()));
            logs.setId("logs-" + row.name());
            Button shell = icon(Feather.TERMINAL, "Open a shell in a terminal", () -> model.openShell(row.name()));
            shell.setId("shell-" + row.name());
            shell.setDisable(!row.up());
            actions.getChildren().addAll(restart, logs, shell);
            if (row.hasClient()) {
                Button client = icon(Feather.COMMAND, "Open the service's client in a terminal",
                        () -> model.openClient(row.name()));
                client.setId("client-" + row.name());
                client.setDisable(!row.up());
                actions.getChildren().add(client);
            }
            if (row.webUi().isPresent()) {
                Button open = icon(Feather.EXTERNAL_LINK, "Open " + row.webUi().get(), () -> model.openWebUi(row));
                actions.getChildren().add(open);
            }
            if (row.stale()) {
                actions.getChildren().add(recreate(row));
            }
        }
        return actions;
    }

    private Button recreate(ServiceRow row) {
        Button recreate = new Button("Recreate");
        recreate.setId("recreate-" + row.name());
        recreate.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        LazyTooltip.install(recreate, "Replace the container with one of the current definition");
        recreate.setOnAction(e -> model.recreate(row.name()));
        recreate.disableProperty().bind(model.workingProperty().or(constant(!row.canStart())));
        return recreate;
    }

    private static ObservableBooleanValue constant(boolean value) {
        return new SimpleBooleanProperty(value);
    }

    private static Button icon(Feather icon, String tip, Runnable action) {
        return PageParts.iconButton(icon, tip, action);
    }
}
