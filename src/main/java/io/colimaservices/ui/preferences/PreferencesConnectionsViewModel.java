package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.Connections;
import io.colimaservices.domain.UserError;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Preferences page's connections panel: where Vault (its address, the CA file for an https address) and Docker
 * are. Empty fields are the defaults; saved with the form and applied by the app without a restart (a launch option
 * still wins for its run). Checked by {@link Connections}' own rules, whose words the error line shows.
 */
public final class PreferencesConnectionsViewModel {
    private final StringProperty vaultAddress = new SimpleStringProperty(this, "vaultAddress", "");
    private final StringProperty vaultCaFile = new SimpleStringProperty(this, "vaultCaFile", "");
    private final StringProperty dockerHost = new SimpleStringProperty(this, "dockerHost", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    Observable[] fields() {
        return new Observable[] {vaultAddress, vaultCaFile, dockerHost};
    }

    void fill(AppSettings s) {
        vaultAddress.set(s.connections().vaultAddress().orElse(""));
        vaultCaFile.set(s.connections().vaultCaFile().map(Path::toString).orElse(""));
        dockerHost.set(s.connections().dockerHost().orElse(""));
    }

    /** Checks the three fields together; true when they are usable. */
    boolean validate() {
        try {
            connections();
            error.set("");
        } catch (UserError e) {
            error.set(e.getMessage());
        } catch (InvalidPathException e) {
            error.set("Vault CA file '" + vaultCaFile.get() + "' is not a path");
        }
        return error.get().isEmpty();
    }

    /**
     * The connections as the form says; only when valid.
     *
     * @throws UserError naming the field that is not usable
     */
    Connections connections() {
        String ca = vaultCaFile.get() == null ? "" : vaultCaFile.get().strip();
        return new Connections(Optional.ofNullable(vaultAddress.get()),
                ca.isEmpty() ? Optional.empty() : Optional.of(Path.of(ca)), Optional.ofNullable(dockerHost.get()));
    }

    /** Vault's address; empty for http://127.0.0.1:8200. */
    public StringProperty vaultAddressProperty() {
        return vaultAddress;
    }

    /** The CA file for an https Vault address; empty for none. */
    public StringProperty vaultCaFileProperty() {
        return vaultCaFile;
    }

    /** The Docker host; empty for DOCKER_HOST, the Colima socket, the default socket. */
    public StringProperty dockerHostProperty() {
        return dockerHost;
    }

    /** Why the Vault address, CA file or Docker host is not usable; empty when they are. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
