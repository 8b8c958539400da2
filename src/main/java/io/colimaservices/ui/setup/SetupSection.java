package io.colimaservices.ui.setup;

import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.usecase.SetupUseCase;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;
import java.util.concurrent.Executor;

/** The Setup page: checks every step when shown; its runs keep going when the user looks elsewhere. */
public final class SetupSection implements Section {
    private final SetupViewModel model;

    public SetupSection(SetupUseCase setup, Executor background) {
        this(new SetupViewModel(setup, UiExecutors.fx(), background, SetupView::confirm));
    }

    /** With a model made elsewhere (tests, screenshots). */
    public SetupSection(SetupViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @Override
    public String id() {
        return "setup";
    }

    @Override
    public String title() {
        return "Setup";
    }

    @Override
    public Ikon icon() {
        return Feather.CHECK_SQUARE;
    }

    @Override
    public Node build() {
        return new SetupView(model).root();
    }

    @Override
    public void shown() {
        model.refresh();
    }

    public SetupViewModel model() {
        return model;
    }
}
