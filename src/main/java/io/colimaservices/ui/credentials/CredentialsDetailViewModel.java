package io.colimaservices.ui.credentials;

import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.ui.common.ActionState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/**
 * The Credentials page's details panel: the selected secret's title, its field names (values masked) and its
 * connection string in a chosen format (password masked).
 */
public final class CredentialsDetailViewModel {

    /** One field of the selected secret: its name and what is shown instead of its value. */
    public record FieldRow(String name, String masked) {
    }

    private final CredentialsViewModel page;
    private final ActionState action;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper fieldsNote = new ReadOnlyStringWrapper("");
    private final ObservableList<ConnectionFormat> formats = FXCollections.observableArrayList();
    private final ObservableList<ConnectionFormat> readOnlyFormats = FXCollections.unmodifiableObservableList(formats);
    private final ObjectProperty<ConnectionFormat> format = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canCopy;
    private final BooleanBinding canCopyConnection;
    private final BooleanBinding hasFormats = Bindings.isNotEmpty(formats);
    /** True while a new selection sets its formats: its connection string loads after its secret. */
    private boolean selecting;

    CredentialsDetailViewModel(CredentialsViewModel page) {
        this.page = page;
        this.action = page.action();
        canCopy = page.vaultAvailableProperty().and(page.selectedProperty().isNotNull()).and(loading.not());
        canCopyConnection = canCopy.and(format.isNotNull()).and(connection.isNotEmpty());
        format.addListener((o, before, now) -> {
            if (!selecting) {
                loadConnection();
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Field names with masked values. */
    public ObservableList<FieldRow> fields() {
        return readOnlyFields;
    }

    public ReadOnlyStringProperty fieldsNoteProperty() {
        return fieldsNote.getReadOnlyProperty();
    }

    public ObservableList<ConnectionFormat> formats() {
        return readOnlyFormats;
    }

    public ObjectProperty<ConnectionFormat> formatProperty() {
        return format;
    }

    /** The connection string with the password masked. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionNoteProperty() {
        return connectionNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public BooleanBinding canCopyProperty() {
        return canCopy;
    }

    public BooleanBinding canCopyConnectionProperty() {
        return canCopyConnection;
    }

    /** Whether any formats exist for the selection (the format selector shows only then). */
    public BooleanBinding hasFormatsProperty() {
        return hasFormats;
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Shows a new selection ({@code current}: its generation) and reads its secret's overview. */
    void load(CredentialEntry entry, long current) {
        fields.clear();
        fieldsNote.set("");
        connection.set("");
        connectionNote.set("");
        loading.set(false);
        if (entry == null) {
            title.set("");
            subtitle.set("");
            selecting = true;
            formats.clear();
            format.set(null);
            selecting = false;
            return;
        }
        title.set(entry.service());
        subtitle.set("secret/" + entry.path() + entry.kind().map(k -> " · " + k.label()).orElse(""));
        selecting = true;
        try {
            ConnectionFormat keep = format.get();
            if (!Objects.equals(formats, entry.formats())) {
                formats.setAll(entry.formats());
            }
            boolean keepIt = keep != null && entry.formats().contains(keep);
            format.set(keepIt ? keep : entry.formats().isEmpty() ? null : entry.formats().getFirst());
        } finally {
            selecting = false;
        }
        if (entry.formats().isEmpty()) {
            connectionNote.set(entry.service() + " has no connection string"
                    + entry.kind().map(k -> " (" + k.label() + ")").orElse("") + ".");
        }
        if (!page.vaultAvailableProperty().get()) {
            fieldsNote.set("The fields show once Vault is unsealed.");
            if (!entry.formats().isEmpty()) {
                connectionNote.set("The connection string shows once Vault is unsealed.");
            }
            return;
        }
        loading.set(true);
        action.work().run("read secret/" + entry.path(), () -> page.credentials().overview(entry.service()),
                overview -> {
                    if (current != page.generation()) {
                        return;
                    }
                    loading.set(false);
                    fields.setAll(overview.fields().stream()
                            .map(f -> new FieldRow(f, overview.shown(f))).toList());
                    fieldsNote.set(overview.fields().isEmpty() ? "No fields besides the TLS flag." : "");
                    overview.tls().ifPresent(page.tls()::show);
                    loadConnection();
                },
                e -> {
                    if (current != page.generation()) {
                        return;
                    }
                    loading.set(false);
                    action.fail("Cannot read secret/" + entry.path(), e);
                });
    }

    /** Renders the selection's connection string in the chosen format (masked) again. */
    void loadConnection() {
        CredentialEntry entry = page.selectedProperty().get();
        ConnectionFormat chosen = format.get();
        connection.set("");
        if (entry == null || chosen == null || !page.vaultAvailableProperty().get()
                || !entry.formats().contains(chosen)) {
            return;
        }
        long current = page.generation();
        action.work().run("render a connection string",
                () -> page.credentials().maskedConnectionString(entry.service(), chosen),
                masked -> {
                    if (current == page.generation() && chosen == format.get()) {
                        connection.set(masked);
                    }
                },
                e -> {
                    if (current == page.generation()) {
                        connectionNote.set(e.getMessage());
                    }
                });
    }
}
