package io.colimaservices.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.colimaservices.domain.ServiceGroup;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The services, grouped: state, uptime, ports (a click copies {@code localhost:PORT}), CPU and memory, and the
 * actions of each group and service. Rows are updated in place, so selection and scrolling survive updates.
 */
public final class DashboardView {
    private final DashboardViewModel model;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<ServiceRow> table = new TreeTableView<>();
    private final Map<String, TreeItem<ServiceRow>> items = new LinkedHashMap<>();
    private List<String> structure = List.of();

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label engine = new Label();
        engine.textProperty().bind(model.engineLineProperty());
        engine.getStyleClass().add(Styles.TEXT_MUTED);
        engine.setId("engine-line");
        Label problem = bannerLabel("problem", Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        HBox problemLine = new HBox(8, problem, ComposeFileButton.of(model));
        problemLine.setAlignment(Pos.CENTER_LEFT);
        problemLine.visibleProperty().bind(problem.visibleProperty());
        problemLine.managedProperty().bind(problemLine.visibleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.workingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId("progress");
        progress.textProperty().bind(model.progressProperty());
        HBox progressLine = new HBox(8, spinner, progress);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        progressLine.setMinHeight(24); // reserved: the line comes and goes with actions, the table must not move
        javafx.scene.control.ComboBox<String> tier = new javafx.scene.control.ComboBox<>(model.tiers().choices());
        tier.setId("tier-filter");
        tier.valueProperty().bindBidirectional(model.tiers().tierProperty());
        VBox header = new VBox(4, engine, problemLine, progressLine, new PullProgressPane(model.pulls()), tier);
        header.setPadding(new Insets(10, 12, 8, 12));

        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.setId("services");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Service", 160, this::nameCell));
        table.getColumns().add(column("State", 150, this::stateCell));
        table.getColumns().add(column("Uptime", 70, r -> text(r.uptime())));
        table.getColumns().add(column("Ports", 130, this::portsCell));
        table.getColumns().add(column("CPU", 60, r -> text(r.cpu())));
        table.getColumns().add(column("Memory", 80, r -> text(r.memory())));
        table.getColumns().add(column("", 250, this::actionsCell));

        model.rows().addListener((ListChangeListener<ServiceRow>) change -> update());
        update();
        root.setTop(header);
        // Failures and the stale notice lie over the table (DashboardNotices), never push it down.
        root.setCenter(DashboardNotices.over(table, model));
    }

    private static Label bannerLabel(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static TreeTableColumn<ServiceRow, ServiceRow> column(String title, double width,
                                                                 Function<ServiceRow, Node> render) {
        TreeTableColumn<ServiceRow, ServiceRow> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ServiceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : render.apply(row));
            }
        });
        return column;
    }

    /** Keeps the tree items and updates their values, unless the set of rows changed. */
    private void update() {
        List<String> names = new ArrayList<>();
        model.rows().forEach(r -> names.add(key(r)));
        if (!names.equals(structure)) {
            rebuild();
            structure = names;
            return;
        }
        for (ServiceRow row : model.rows()) {
            TreeItem<ServiceRow> item = items.get(key(row));
            if (!row.equals(item.getValue())) {
                item.setValue(row);
            }
        }
    }

    private void rebuild() {
        items.clear();
        TreeItem<ServiceRow> top = new TreeItem<>();
        TreeItem<ServiceRow> group = null;
        for (ServiceRow row : model.rows()) {
            TreeItem<ServiceRow> item = new TreeItem<>(row);
            items.put(key(row), item);
            if (row.groupRow()) {
                item.setExpanded(true);
                top.getChildren().add(item);
                group = item;
            } else if (group != null) {
                group.getChildren().add(item);
            }
        }
        table.setRoot(top);
    }

    private static String key(ServiceRow row) {
        return (row.groupRow() ? "group:" : "service:") + (row.groupRow() ? row.group().label() : row.name());
    }

    private Node nameCell(ServiceRow row) {
        Label name = new Label(row.name());
        if (row.groupRow()) {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            FontIcon icon = new FontIcon(groupIcon(row.group().icon()));
            icon.getStyleClass().add("group-icon");
            name.setGraphic(icon);
        } else {
            name.setTooltip(row.description().isEmpty() ? null : new Tooltip(row.description()));
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

    private Node stateCell(ServiceRow row) {
        Circle dot = new Circle(5);
        dot.getStyleClass().setAll("state-dot", styleClass(row.tone()));
        Label state = new Label(row.state(), dot);
        state.setId("state-" + row.name());
        row.blocked().ifPresent(why -> state.setTooltip(new Tooltip(why)));
        if (!row.stale()) {
            return state;
        }
        Label mark = new Label("definition changed", new FontIcon(Feather.ALERT_TRIANGLE));
        mark.setId("stale-" + row.name());
        mark.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        mark.setTooltip(new Tooltip("The compose file's definition changed since this container was made: "
                + "Recreate applies it (volumes are kept)."));
        HBox cell = new HBox(6, state, mark);
        cell.setAlignment(Pos.CENTER_LEFT);
        return cell;
    }

    static String styleClass(io.colimaservices.domain.StatusText.Tone tone) {
        return "state-" + tone.name().toLowerCase(Locale.ROOT);
    }

    private Node portsCell(ServiceRow row) {
        HBox ports = new HBox(2);
        ports.setAlignment(Pos.CENTER_LEFT);
        for (int port : row.hostPorts()) {
            Hyperlink link = new Hyperlink(String.valueOf(port));
            link.setTooltip(new Tooltip("Copy localhost:" + port));
            link.setOnAction(e -> model.copyAddress(port));
            link.setPadding(new Insets(0, 2, 0, 2));
            ports.getChildren().add(link);
        }
        return ports;
    }

    private Node actionsCell(ServiceRow row) {
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
                Button recreate = new Button("Recreate");
                recreate.setId("recreate-" + row.name());
                recreate.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
                recreate.setTooltip(new Tooltip("Replace the container with one of the current definition"));
                recreate.setOnAction(e -> model.recreate(row.name()));
                recreate.disableProperty().bind(model.workingProperty().or(constant(!row.canStart())));
                actions.getChildren().add(recreate);
            }
        }
        return actions;
    }

    private static javafx.beans.value.ObservableBooleanValue constant(boolean value) {
        return new javafx.beans.property.SimpleBooleanProperty(value);
    }

    private static Node text(String value) {
        return new Label(value);
    }

    private static Button icon(Feather icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
