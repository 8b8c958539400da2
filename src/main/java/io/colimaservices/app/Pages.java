package io.colimaservices.app;

import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.ui.backups.BackupsSection;
import io.colimaservices.ui.backups.BackupsViewModel;
import io.colimaservices.ui.colima.ColimaSection;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.credentials.CaTrustViewModel;
import io.colimaservices.ui.credentials.CredentialsSection;
import io.colimaservices.ui.dashboard.DashboardViewModel;
import io.colimaservices.ui.dashboard.ServicesSection;
import io.colimaservices.ui.logs.LogViewerViewModel;
import io.colimaservices.ui.logs.LogsSection;
import io.colimaservices.ui.preferences.PreferencesSection;
import io.colimaservices.ui.setup.SetupSection;
import io.colimaservices.ui.vault.VaultSection;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The dashboard window's pages, built the same way for the app and for the snapshot command; each page's model is
 * given the use cases it calls.
 */
final class Pages {
    final List<Section> sections = new ArrayList<>();
    final LogsSection logs;
    final Optional<ColimaSection> colima;
    final SetupSection setup;

    /**
     * @param engine       the engine of the current connection (log streams open on it)
     * @param vmControl    false when there is no VM control (the colima tool named by the user is missing)
     * @param composeFiles Preferences' new compose file, applied at once as the dashboard's choice is
     */
    /** For the snapshot command: no running stack behind Preferences, whose compose-file choice is only saved. */
    Pages(AppContext context, StackStore store, DashboardViewModel dashboard, Runnable startSampling,
          Runnable stopSampling, Supplier<io.colimaservices.domain.ContainerEngine> engine,
          ObservableBooleanValue dark, Runnable refreshVault, CredentialService credentials,
          ClipboardKeeper clipboard, Supplier<Duration> clipboardDelay, boolean vmControl,
          Runnable settingsChanged, Executor background) {
        this(context, store, dashboard, startSampling, stopSampling, engine, dark, refreshVault, credentials, clipboard,
                clipboardDelay, vmControl, settingsChanged, background,
                io.colimaservices.ui.preferences.ComposeFileChoice.SAVED_ONLY);
    }

    Pages(AppContext context, StackStore store, DashboardViewModel dashboard, Runnable startSampling,
          Runnable stopSampling, Supplier<io.colimaservices.domain.ContainerEngine> engine,
          ObservableBooleanValue dark, Runnable refreshVault, CredentialService credentials,
          ClipboardKeeper clipboard, Supplier<Duration> clipboardDelay, boolean vmControl,
          Runnable settingsChanged, Executor background,
          io.colimaservices.ui.preferences.ComposeFileChoice composeFiles) {
        UseCases useCases = context.useCases();
        sections.add(new ServicesSection(dashboard, startSampling, stopSampling));
        LogViewerViewModel viewer = new LogViewerViewModel((services, request) -> new LogSession(engine.get(),
                s -> store.current().status(s).containerId(), services, request, LogBuffer.DEFAULT_CAPACITY).start());
        logs = new LogsSection(viewer, () -> store.current().catalog().serviceNames(), dark);
        sections.add(logs);
        sections.add(new VaultSection(useCases.vault(), store, refreshVault, UiExecutors.fx(), background));
        sections.add(new CredentialsSection(credentials, store, clipboard, clipboardDelay, UiExecutors.fx(),
                background).withCaPanel(new CaTrustViewModel(useCases.ca(), useCases.tls(), UiExecutors.fx(),
                background, java.time.Clock.systemUTC())));
        colima = vmControl ? Optional.of(new ColimaSection(store, useCases.vm(), background)) : Optional.empty();
        colima.ifPresent(sections::add);
        sections.add(new BackupsSection(new BackupsViewModel(useCases.backups(), () -> store.current().catalog()
                .serviceNames(), UiExecutors.fx(), background, java.time.ZoneId.systemDefault())));
        sections.add(setup = new SetupSection(useCases.setup(), background));
        sections.add(new PreferencesSection(useCases.settings(), context.platform(), settingsChanged, background,
                composeFiles));
    }
}
