package io.colimaservices.ui.preferences;

import atlantafx.base.controls.Card;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.Pages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.Tiers;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Preferences page: general choices (launch at login applies at once), the stack's compose file, the Colima VM's
 * settings with their validation messages, and the file's problems; Save and Revert below, always in view.
 */
public final class PreferencesView {

    /** Picks a compose file; the real one is a {@link FileChooser}, tests give their own. */
    @FunctionalInterface
    public interface ComposeFileChooser {
        Optional<Path> choose(Window owner, Optional<Path> current);
    }

    private static final double ERROR_WIDTH = 280;

    private final PreferencesViewModel model;
    private final ComposeFileChooser chooser;
    private final BorderPane root = new BorderPane();

    public PreferencesView(PreferencesViewModel model) {
        this(model, PreferencesView::chooseWithDialog);
    }

    public PreferencesView(PreferencesViewModel model, ComposeFileChooser chooser) {
        this.model = model;
        this.chooser = chooser;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        VBox form = new VBox(14, general(), vm(), connections());
        form.disableProperty().bind(model.loadedProperty().not());
        VBox page = new VBox(14, header(), failureMessage(), movedAsideMessage(), problemsMessage(), form);
        page.setPadding(new Insets(16, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("preferences-page");
        root.setCenter(scroll);
        root.setBottom(buttons());
    }

    private Node header() {
        Label title = new Label("Preferences");
        title.getStyleClass().add(Styles.TITLE_3);
        Label file = new Label();
        file.setId("prefs-file");
        file.textProperty().bind(Bindings.concat("Saved in ", model.file().settingsFileProperty()));
        file.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Pages.showWhen(file, model.file().settingsFileProperty().isNotEmpty());
        HBox header = new HBox(12, title, file);
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private Node failureMessage() {
        return Pages.message("prefs-failure", model.action().failureProperty());
    }

    private Node movedAsideMessage() {
        return Pages.message("prefs-moved-aside", Notice.Tone.INFO, "Saved; the old file was kept",
                model.file().movedAsideProperty());
    }

    private Node problemsMessage() {
        ObservableList<String> problems = model.file().problems();
        return Pages.message("prefs-problems", Bindings.createObjectBinding(() -> problems.isEmpty() ? null
                : Notice.warning("The settings file has " + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems"), String.join("\n", problems)
                        + "\nBad values are shown with their defaults. Saving keeps the file under a .bad- name and "
                        + "writes a clean one."), problems));
    }

    private Node general() {
        ToggleSwitch launch = new ToggleSwitch();
        launch.setId("prefs-launch-at-login");
        launch.selectedProperty().bindBidirectional(model.login().launchAtLoginProperty());
        launch.disableProperty().bind(model.action().busyProperty());
        Label loginNote = note(model.login().loginNoteProperty());
        loginNote.setId("prefs-login-note");

        ToggleSwitch startVm = new ToggleSwitch();
        startVm.setId("prefs-start-vm");
        startVm.selectedProperty().bindBidirectional(model.app().startVmOnLaunchProperty());

        ToggleSwitch unseal = new ToggleSwitch();
        unseal.setId("prefs-unseal-automatically");
        unseal.selectedProperty().bindBidirectional(model.app().unsealAutomaticallyProperty());

        ToggleSwitch daily = new ToggleSwitch();
        daily.setId("prefs-daily-backups");
        daily.selectedProperty().bindBidirectional(model.app().dailyBackupsProperty());
        javafx.scene.control.Spinner<Integer> kept = new javafx.scene.control.Spinner<>(1,
                io.colimaservices.domain.backup.BackupSettings.MAX_KEEP, 7);
        kept.setId("prefs-backups-kept");
        kept.setPrefWidth(80);
        kept.getValueFactory().valueProperty().bindBidirectional(model.app().backupsKeptProperty());

        TextField seconds = field("prefs-clipboard", model.app().clipboardSecondsProperty(), 4);
        Label clipboardError = error("prefs-clipboard-error", model.app().clipboardErrorProperty());

        Label file = new Label();
        file.setId("prefs-compose-file");
        file.textProperty().bind(model.app().composeFileTextProperty());
        file.getStyleClass().add("mono");
        file.setTooltip(new Tooltip());
        file.getTooltip().textProperty().bind(model.app().composeFileTextProperty());
        Button choose = new Button("Choose\u2026", new FontIcon(Feather.FOLDER));
        choose.setId("prefs-compose-choose");
        choose.setOnAction(e -> chooser.choose(root.getScene() == null ? null : root.getScene().getWindow(),
                model.app().composeFileProperty().get()).ifPresent(model.app()::chooseComposeFile));
        Button bundled = new Button("Use the bundled stack");
        bundled.setId("prefs-compose-bundled");
        bundled.disableProperty().bind(Bindings.createBooleanBinding(() -> model.app().composeFileProperty().get()
                .isEmpty(), model.app().composeFileProperty()));
        bundled.setOnAction(e -> model.app().useBundledStack());

        GridPane grid = grid(2);
        int row = 0;
        grid.add(label("Launch at login"), 0, row);
        grid.add(line(launch, loginNote), 1, row++);
        grid.add(label("Start the VM with the app"), 0, row);
        grid.add(line(startVm, note("starts the Colima VM when the app starts, unless it runs already")), 1, row++);
        grid.add(label("Unseal Vault automatically"), 0, row);
        grid.add(line(unseal, note("after a reboot or a VM or Docker restart, with the stored unseal shares")), 1,
                row++);
        grid.add(label("Clear copied secrets after"), 0, row);
        grid.add(new VBox(4, line(seconds, new Label("seconds"),
                note("1 to " + AppSettings.MAX_CLIPBOARD_CLEAR_SECONDS + "; for the Vault credentials")),
                clipboardError), 1, row++);
        grid.add(label("Back up daily"), 0, row);
        grid.add(line(daily, new Label("keep the last"), kept, note("while the stack runs; Backups page")), 1, row++);
        grid.add(label("Terminal for shells"), 0, row);
        grid.add(line(terminalChoice(), note("Open shell and Open client open it (macOS; Linux uses $TERMINAL or "
                + "x-terminal-emulator)")), 1, row++);
        grid.add(label("Default tier"), 0, row);
        ComboBox<String> tier = new ComboBox<>(javafx.collections.FXCollections.observableList(Tiers.KNOWN));
        tier.setId("prefs-default-tier");
        tier.valueProperty().bindBidirectional(model.app().defaultTierProperty());
        grid.add(line(tier, note("what up without a target starts; marked in the menu's Start tier")), 1, row++);
        grid.add(label("Compose file"), 0, row);
        grid.add(line(file, choose, bundled), 1, row++);
        grid.add(new Region(), 0, row);
        grid.add(note("Applied at once when saved (its services are read now, no restart); at start, a "
                + "--compose-file option wins over it."), 1, row);
        return card(Feather.SETTINGS, "General", grid);
    }

    /** Where Vault and Docker are: applied on Save, without a restart; a launch option wins for its run. */
    private Node connections() {
        GridPane grid = grid(2);
        int row = 0;
        grid.add(label("Vault address"), 0, row);
        grid.add(line(field("prefs-vault-address", model.connections().vaultAddressProperty(), 24),
                note("empty: http://127.0.0.1:8200")), 1, row++);
        grid.add(label("Vault CA file"), 0, row);
        grid.add(line(field("prefs-vault-ca", model.connections().vaultCaFileProperty(), 24),
                note("for an https address")), 1, row++);
        grid.add(label("Docker host"), 0, row);
        grid.add(new VBox(4, line(field("prefs-docker-host", model.connections().dockerHostProperty(), 24),
                note("empty: DOCKER_HOST, then the Colima socket")),
                error("prefs-connections-error", model.connections().errorProperty())), 1, row++);
        return card(Feather.LINK, "Connections", grid);
    }

    private Node vm() {
        GridPane grid = grid(4);
        grid.add(topLabel("Profile"), 0, 0);
        grid.add(checked(field("prefs-profile", model.vm().profileProperty(), 12),
                error("prefs-profile-error", model.vm().profileErrorProperty())), 1, 0);
        grid.add(topLabel("CPUs"), 0, 1);
        grid.add(checked(field("prefs-cpus", model.vm().cpusProperty(), 4),
                error("prefs-cpus-error", model.vm().cpusErrorProperty())), 1, 1);
        grid.add(topLabel("Memory (GiB)"), 0, 2);
        grid.add(checked(field("prefs-memory", model.vm().memoryProperty(), 4),
                error("prefs-memory-error", model.vm().memoryErrorProperty())), 1, 2);
        grid.add(topLabel("Disk (GiB)"), 0, 3);
        grid.add(checked(field("prefs-disk", model.vm().diskProperty(), 4),
                error("prefs-disk-error", model.vm().diskErrorProperty())), 1, 3);

        grid.add(topLabel("Architecture"), 2, 0);
        grid.add(choice("prefs-arch", PreferencesViewModel.ARCHES, model.vm().archProperty()), 3, 0);
        grid.add(topLabel("VM type"), 2, 1);
        grid.add(choice("prefs-vm-type", PreferencesViewModel.VM_TYPES, model.vm().vmTypeProperty()), 3, 1);
        CheckBox rosetta = check("prefs-rosetta", "Rosetta for x86_64 programs", model.vm().rosettaProperty());
        rosetta.setTooltip(new Tooltip("Runs amd64 binaries in the aarch64 VM (Apple Silicon, vz)"));
        CheckBox address = check("prefs-network-address", "Reachable address", model.vm().networkAddressProperty());
        address.setTooltip(new Tooltip("Gives the VM an address the Mac can reach (--network-address)"));
        CheckBox k8s = check("prefs-kubernetes", "Kubernetes", model.vm().kubernetesProperty());
        VBox options = new VBox(8, rosetta, address, k8s);
        options.setPadding(new Insets(7, 0, 0, 0));
        GridPane.setValignment(options, VPos.TOP);
        grid.add(topLabel("Options"), 2, 2);
        grid.add(options, 3, 2, 1, 2);

        Node warnings = Pages.message("prefs-warnings", Bindings.createObjectBinding(() -> model.vm().warnings().isEmpty()
                ? null : Notice.warning("Worth a second look", String.join("\n", model.vm().warnings())), model.vm().warnings()));
        VBox body = new VBox(12, grid, warnings, note("Resources apply the next time the VM starts or restarts. "
                + "Architecture and VM type are fixed when the VM is created; a disk can grow, never shrink."));
        return card(Feather.BOX, "Colima VM", body);
    }

    private Node buttons() {
        Label status = new Label();
        status.setId("prefs-status");
        status.textProperty().bind(model.file().statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label invalid = new Label("Fix the marked fields to save");
        invalid.setId("prefs-invalid");
        invalid.getStyleClass().add("field-error");
        Pages.showWhen(invalid, model.validProperty().not().and(model.loadedProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button revert = new Button("Revert", new FontIcon(Feather.ROTATE_CCW));
        revert.setId("prefs-revert");
        revert.setTooltip(new Tooltip("Forget the changes: read the settings file again"));
        revert.disableProperty().bind(model.dirtyProperty().not().or(model.action().busyProperty()));
        revert.setOnAction(e -> model.revert());
        Button save = new Button("Save", new FontIcon(Feather.CHECK));
        save.setId("prefs-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());
        HBox bar = new HBox(10, status, invalid, grow, revert, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 18, 10, 18));
        bar.getStyleClass().add("button-bar-line");
        return bar;
    }

    // --- small pieces

    private static Card card(Feather icon, String title, Node body) {
        Label header = new Label(title, new FontIcon(icon));
        header.getStyleClass().add(Styles.TITLE_4);
        Card card = new Card();
        card.setHeader(header);
        card.setBody(body);
        return card;
    }

    /** Label and control pairs: {@code pairs} of them side by side. */
    private static GridPane grid(int columns) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        for (int i = 0; i < columns; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setMinWidth(Region.USE_PREF_SIZE);
            column.setHalignment(HPos.LEFT);
            if (i % 2 == 1) {
                column.setHgrow(Priority.SOMETIMES);
            }
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }

    private static HBox line(Node... nodes) {
        HBox line = new HBox(10, nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** A field with its validation message below it (taking room only when there is one). */
    private static VBox checked(TextField field, Label error) {
        error.setPrefWidth(ERROR_WIDTH); // wraps instead of widening the form
        error.setMaxWidth(ERROR_WIDTH);
        error.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(4, field, error);
    }

    private static Label label(String text) {
        return new Label(text);
    }

    /** A label level with the top of its field, which may have a message below it. */
    private static Label topLabel(String text) {
        Label label = new Label(text);
        label.setPadding(new Insets(7, 0, 0, 0));
        GridPane.setValignment(label, VPos.TOP);
        return label;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        return note;
    }

    private static Label note(ObservableStringValue text) {
        Label note = note("");
        note.textProperty().bind(text);
        return note;
    }

    /** The field's validation message, in red; takes no room while there is none. */
    private static Label error(String id, ObservableStringValue message) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.textProperty().bind(message);
        error.getStyleClass().addAll(Styles.TEXT_SMALL, "field-error");
        Pages.showWhen(error, Bindings.isNotEmpty(message));
        return error;
    }

    private static TextField field(String id, Property<String> value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private ComboBox<TerminalApp> terminalChoice() {
        ComboBox<TerminalApp> box = new ComboBox<>();
        box.setId("prefs-terminal");
        box.getItems().setAll(TerminalApp.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TerminalApp app) {
                return app == null ? "" : app.displayName();
            }

            @Override
            public TerminalApp fromString(String text) {
                return java.util.Arrays.stream(TerminalApp.values()).filter(t -> t.displayName().equals(text))
                        .findFirst().orElse(TerminalApp.DEFAULT);
            }
        });
        box.valueProperty().bindBidirectional(model.app().terminalProperty());
        return box;
    }

    private static ComboBox<String> choice(String id, java.util.List<String> values, Property<String> value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPrefWidth(120);
        GridPane.setValignment(box, VPos.TOP);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static CheckBox check(String id, String text, Property<Boolean> value) {
        CheckBox box = new CheckBox(text);
        box.setMnemonicParsing(false); // "x86_64" is not a mnemonic
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }



    private static Optional<Path> chooseWithDialog(Window owner, Optional<Path> current) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle("Choose the stack's compose file");
        dialog.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Compose files", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        current.map(Path::getParent).filter(Files::isDirectory).map(Path::toFile)
                .ifPresent(dialog::setInitialDirectory);
        File chosen = dialog.showOpenDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
