package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StatusText;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.EnumMap;
import java.util.Map;

/** The services, grouped, with their live state. Binds to a {@link DashboardViewModel}; holds no state itself. */
public final class DashboardView {
    private final DashboardViewModel model;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<ServiceRow> table = new TreeTableView<>();

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
        engine.getStyleClass().add("text-muted");
        engine.setId("engine-line");
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.getStyleClass().addAll("danger");
        problem.setWrapText(true);
        problem.setId("problem");
        VBox header = new VBox(4, engine, problem);
        header.setPadding(new Insets(10, 12, 8, 12));

        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.setId("services");
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Service", 180, ServiceRow::name));
        TreeTableColumn<ServiceRow, ServiceRow> state = new TreeTableColumn<>("State");
        state.setPrefWidth(150);
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        state.setCellFactory(c -> new StateCell());
        table.getColumns().add(state);
        table.getColumns().add(column("Ports", 140, ServiceRow::ports));
        table.getColumns().add(column("Uptime", 80, ServiceRow::uptime));
        table.getColumns().add(column("Description", 240, ServiceRow::description));

        model.rows().addListener((ListChangeListener<ServiceRow>) change -> rebuild());
        rebuild();
        root.setTop(header);
        root.setCenter(table);
    }

    private static TreeTableColumn<ServiceRow, String> column(String title, double width,
                                                             java.util.function.Function<ServiceRow, String> value) {
        TreeTableColumn<ServiceRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().getValue() == null ? "" : value.apply(c.getValue().getValue())));
        return column;
    }

    /** Rebuilds the tree: one branch per group, expanded, rows in catalog order. */
    private void rebuild() {
        Map<ServiceGroup, TreeItem<ServiceRow>> groups = new EnumMap<>(ServiceGroup.class);
        TreeItem<ServiceRow> top = new TreeItem<>();
        for (ServiceRow row : model.rows()) {
            TreeItem<ServiceRow> group = groups.computeIfAbsent(row.group(), g -> {
                TreeItem<ServiceRow> item = new TreeItem<>(new ServiceRow(g.displayName(), g, "", null, "", "", ""));
                item.setExpanded(true);
                top.getChildren().add(item);
                return item;
            });
            group.getChildren().add(new TreeItem<>(row));
        }
        table.setRoot(top);
    }

    /** A coloured dot and the state in words. */
    private static final class StateCell extends TreeTableCell<ServiceRow, ServiceRow> {
        private final Circle dot = new Circle(5);

        @Override
        protected void updateItem(ServiceRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.tone() == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            dot.getStyleClass().setAll("state-dot", "state-" + row.tone().name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(dot);
            setText(row.state());
        }
    }

    /** For tests: the tones CSS classes map to. */
    static String styleClass(StatusText.Tone tone) {
        return "state-" + tone.name().toLowerCase(java.util.Locale.ROOT);
    }
}
