package io.colimaservices.ui.colima;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmRuntime;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Colima page's delete panel: nothing is deleted until the profile's name is typed. */
public final class ColimaDeleteViewModel {
    private final ColimaViewModel page;
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper confirmingDelete = new ReadOnlyBooleanWrapper(false);
    private final StringProperty deleteConfirmation = new SimpleStringProperty(this, "deleteConfirmation", "");
    private final ReadOnlyBooleanWrapper deleteAllowed = new ReadOnlyBooleanWrapper(false);

    ColimaDeleteViewModel(ColimaViewModel page) {
        this.page = page;
        deleteConfirmation.addListener((o, was, now) -> updateDeleteAllowed());
    }

    void update() {
        canDelete.set(page.actions().idle() && page.phaseProperty().get() != VmPhase.ABSENT);
        if (!canDelete.get() && confirmingDelete.get()) {
            cancelDelete();
        }
        updateDeleteAllowed();
    }

    private void updateDeleteAllowed() {
        String profile = page.profileProperty().get();
        deleteAllowed.set(confirmingDelete.get() && !profile.isEmpty()
                && deleteConfirmation.get() != null && deleteConfirmation.get().strip().equals(profile));
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Opens the confirmation: nothing is deleted until the profile's name is typed. */
    public void requestDelete() {
        if (!canDelete.get()) {
            return;
        }
        deleteConfirmation.set("");
        confirmingDelete.set(true);
        updateDeleteAllowed();
    }

    public void cancelDelete() {
        confirmingDelete.set(false);
        deleteConfirmation.set("");
        updateDeleteAllowed();
    }

    /** Deletes the VM when the typed name is the profile's; otherwise says why not and deletes nothing. */
    public void confirmDelete() {
        if (!confirmingDelete.get()) {
            return;
        }
        VmDeletion deletion;
        try {
            deletion = VmDeletion.confirm(page.profileProperty().get(), deleteConfirmation.get());
        } catch (UserError e) {
            page.action().fail("VM not deleted", e);
            return;
        }
        cancelDelete();
        String name = deletion.profile();
        page.actions().act("Deleting", true, progress -> {
            page.machine().delete(deletion, VmRuntime.DELETE_DEADLINE, progress);
            return "VM " + name + " deleted";
        });
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmingDeleteProperty() {
        return confirmingDelete.getReadOnlyProperty();
    }

    /** What the user typed in the delete confirmation; the view binds its field to it. */
    public StringProperty deleteConfirmationProperty() {
        return deleteConfirmation;
    }

    /** The typed name is the profile's: the delete button may act. */
    public ReadOnlyBooleanProperty deleteAllowedProperty() {
        return deleteAllowed.getReadOnlyProperty();
    }
}
