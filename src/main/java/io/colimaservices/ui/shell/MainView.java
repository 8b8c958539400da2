package io.colimaservices.ui.shell;

import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.Section;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard window's frame: a sidebar of sections and the selected section's page. Pages are built on first
 * selection; the section on screen hears {@code shown}/{@code hidden}, also when the window itself hides.
 */
public final class MainView {
    private final BorderPane root = new BorderPane();
    private final ListView<Section> sidebar = new ListView<>();
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private Section current;
    private boolean windowShowing;

    public MainView(List<Section> sections, Node header) {
        sidebar.getItems().setAll(sections);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().addAll("sidebar", Styles.DENSE);
        sidebar.setPrefWidth(180);
        sidebar.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Section section, boolean empty) {
                super.updateItem(section, empty);
                if (empty || section == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(section.title());
                    setGraphic(new FontIcon(section.icon()));
                    setId("nav-" + section.id());
                }
            }
        });
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> select(now));
        Label brand = new Label("Colima Services");
        brand.getStyleClass().add(Styles.TITLE_4);
        VBox side = new VBox(8, brand, sidebar);
        side.setPadding(new Insets(12, 8, 8, 8));
        VBox.setVgrow(sidebar, javafx.scene.layout.Priority.ALWAYS);
        root.setLeft(side);
        root.setTop(header);
        root.setCenter(content);
        sidebar.getSelectionModel().selectFirst();
    }

    public Parent root() {
        return root;
    }

    /** Shows a section by id ("services", "logs", ...). */
    public void show(String id) {
        sidebar.getItems().stream().filter(s -> s.id().equals(id)).findFirst()
                .ifPresent(s -> sidebar.getSelectionModel().select(s));
    }

    /** The section with this id ("vault", "credentials", ...), if the window has it. */
    public java.util.Optional<Section> section(String id) {
        return sidebar.getItems().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Section current() {
        return current;
    }

    /** The window was shown or hidden: the current section starts or stops its readers. */
    public void windowShowing(boolean showing) {
        if (showing == windowShowing) {
            return;
        }
        windowShowing = showing;
        if (current != null) {
            if (showing) {
                current.shown();
            } else {
                current.hidden();
            }
        }
    }

    private void select(Section next) {
        if (next == null || next == current) {
            return;
        }
        if (current != null && windowShowing) {
            current.hidden();
        }
        current = next;
        Node page = built.computeIfAbsent(next.id(), id -> next.build());
        content.getChildren().setAll(page);
        if (windowShowing) {
            next.shown();
        }
    }
}
