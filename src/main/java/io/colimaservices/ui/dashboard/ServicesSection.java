package io.colimaservices.ui.dashboard;

import io.colimaservices.ui.common.Section;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The services page. Usage figures are sampled only while it is on screen. */
public final class ServicesSection implements Section {
    private final DashboardViewModel model;
    private final Runnable startSampling;
    private final Runnable stopSampling;

    public ServicesSection(DashboardViewModel model, Runnable startSampling, Runnable stopSampling) {
        this.model = model;
        this.startSampling = startSampling;
        this.stopSampling = stopSampling;
    }

    @Override
    public String id() {
        return "services";
    }

    @Override
    public String title() {
        return "Services";
    }

    @Override
    public Ikon icon() {
        return Feather.SERVER;
    }

    @Override
    public Node build() {
        return new DashboardView(model).root();
    }

    @Override
    public void shown() {
        startSampling.run();
    }

    @Override
    public void hidden() {
        stopSampling.run();
        model.clearUsage();
    }
}
