package io.colimaservices.ui.colima;

import io.colimaservices.domain.StackStore;
import io.colimaservices.usecase.VmUseCase;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Colima page. Its model follows the store from the start and reads the VM afresh when the page is shown; its
 * actions keep running (and their output keeps coming) when the user looks elsewhere.
 */
public final class ColimaSection implements Section {
    private final ColimaViewModel model;

    /**
     * @param store the app's store; the page shows its {@code vm()}
     * @param vm the VM's use case: starts, stops, restarts and deletes (through the VM watcher, so the whole app
     *           shows the change)
     * @param background runs everything that waits for Colima
     */
    public ColimaSection(StackStore store, VmUseCase vm, Executor background) {
        this(new ColimaViewModel(UiExecutors.fx(), background, store, vm, ColimaSection::copyToClipboard));
    }

    /** With a model made elsewhere (tests, screenshots). */
    public ColimaSection(ColimaViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @Override
    public String id() {
        return "colima";
    }

    @Override
    public String title() {
        return "Colima";
    }

    @Override
    public Ikon icon() {
        return Feather.BOX;
    }

    @Override
    public Node build() {
        return new ColimaView(model).root();
    }

    @Override
    public void shown() {
        model.shown();
    }

    /** Starts the VM through this page, so its output and any failure show here (the menu's "Start VM"). */
    public void startVm() {
        UiExecutors.fx().execute(model::start);
    }

    /** Stops the VM through this page (the menu's "Stop VM"). */
    public void stopVm() {
        UiExecutors.fx().execute(model::stop);
    }

    public ColimaViewModel model() {
        return model;
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
