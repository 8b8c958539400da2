package io.colimaservices.ui.dashboard;

import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.PageParts;
import io.colimaservices.ui.common.Slot;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.NotificationPane;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services, grouped: state, uptime, ports, CPU and memory, and the actions of each group and service. The layout
 * is {@code DashboardView.fxml} (this class is its controller), bound here to {@link DashboardViewModel}; the rows
 * come from the model and their cells from {@link ServiceCells}. Rows are updated in place, so selection and
 * scrolling survive updates.
 */
public final class DashboardView {
    private final DashboardViewModel model;
    private final Map<String, TreeItem<ServiceRow>> items = new LinkedHashMap<>();
    private List<String> structure = List.of();

    @FXML private BorderPane root;
    @FXML private Label engine;
    @FXML private HBox problemLine;
    @FXML private Label problem;
    @FXML private Button chooseComposeFile;
    @FXML private ProgressIndicator spinner;
    @FXML private Label progress;
    @FXML private VBox pullsSlot;
    @FXML private ComboBox<String> tier;
    @FXML private NotificationPane notices;
    @FXML private TreeTableView<ServiceRow> table;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> nameColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> stateColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> uptimeColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> portsColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> cpuColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> memoryColumn;
    @FXML private TreeTableColumn<ServiceRow, ServiceRow> actionsColumn;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        Fxml.load(this);
        bindHeader();
        bindTable();
        // Failures and the stale notice lie over the table, never push it down.
        DashboardNotices.bind(notices, model);
    }

    public Parent root() {
        return root;
    }

    private void bindHeader() {
        engine.textProperty().bind(model.engineLineProperty());
        problem.textProperty().bind(model.problemProperty());
        PageParts.showWhen(problem, problem.textProperty().isNotEmpty());
        PageParts.showWhen(problemLine, problem.visibleProperty());
        chooseComposeFile.disableProperty().bind(model.workingProperty());
        PageParts.showWhen(spinner, model.workingProperty());
        progress.textProperty().bind(model.progressProperty());
        Slot.fill(pullsSlot, new PullProgressView(model.pulls()).root());
        tier.setItems(model.tiers().choices());
        tier.valueProperty().bindBidirectional(model.tiers().tierProperty());
    }

    private void bindTable() {
        table.setRoot(new TreeItem<>());
        ServiceCells cells = new ServiceCells(model);
        ServiceCells.render(nameColumn, cells::name);
        ServiceCells.render(stateColumn, cells::state);
        ServiceCells.render(uptimeColumn, r -> ServiceCells.text(r.uptime()));
        ServiceCells.render(portsColumn, cells::ports);
        ServiceCells.render(cpuColumn, r -> ServiceCells.text(r.cpu()));
        ServiceCells.render(memoryColumn, r -> ServiceCells.text(r.memory()));
        ServiceCells.render(actionsColumn, cells::actions);
        model.rows().addListener((ListChangeListener<ServiceRow>) change -> update());
        update();
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

    /**
     * "Choose compose file…" beside the compose file's problem: a file chooser whose answer the page applies at
     * once ({@link DashboardViewModel#chooseComposeFile}); disabled while an action runs.
     */
    @FXML
    private void chooseComposeFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the stack's compose file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Compose files", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.chooseComposeFile(file.toPath());
        }
    }
}
