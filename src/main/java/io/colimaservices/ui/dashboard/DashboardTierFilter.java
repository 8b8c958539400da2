package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.Tiers;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The services page's tier filter (a panel of {@link DashboardViewModel}): {@link #ALL_TIERS}, then the stack's
 * tiers ({@code domain/Tiers}); a tier shows its own services and those without a profile.
 */
public final class DashboardTierFilter {
    public static final String ALL_TIERS = "All tiers";

    private final StringProperty tier = new SimpleStringProperty(this, "tierFilter", ALL_TIERS);
    private final ObservableList<String> choices = FXCollections.observableArrayList(ALL_TIERS);
    private final ObservableList<String> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);

    DashboardTierFilter(Runnable changed) {
        tier.addListener(o -> changed.run());
    }

    /** The choices for this catalog (changed only when they differ, so a chosen tier stays chosen). */
    void offer(Catalog catalog) {
        List<String> next = new ArrayList<>(List.of(ALL_TIERS));
        next.addAll(Tiers.all(catalog));
        if (!next.equals(choices)) {
            choices.setAll(next);
        }
    }

    boolean shows(ServiceDefinition service) {
        String chosen = tier.get();
        return chosen == null || ALL_TIERS.equals(chosen) || Tiers.contains(List.of(chosen), service);
    }

    /** The tier whose services the table shows ({@link #ALL_TIERS}: every service); groups left empty are hidden. */
    public StringProperty tierProperty() {
        return tier;
    }

    /** {@link #ALL_TIERS}, then the stack's tiers. */
    public ObservableList<String> choices() {
        return readOnlyChoices;
    }
}
