package io.colimaservices.app;

import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VmChanges;
import io.colimaservices.ui.colima.ColimaSection;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.credentials.CredentialsSection;
import io.colimaservices.ui.dashboard.DashboardViewModel;
import io.colimaservices.ui.dashboard.ServicesSection;
import io.colimaservices.ui.logs.LogViewerViewModel;
import io.colimaservices.ui.logs.LogsSection;
import io.colimaservices.ui.preferences.PreferencesSection;
import io.colimaservices.ui.vault.VaultSection;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The dashboard window's pages, built the same way for the app and for the snapshot command. */
final class Pages {
    final List<Section> sections = new ArrayList<>();
    final LogsSection logs;
    final Optional<ColimaSection> colima;

    /**
     * @param engine     the engine of the current connection (log streams open on it)
     * @param vmChanges  empty when there is no VM control (the colima tool named by the user is missing)
     */
    Pages(AppContext context, StackStore store, DashboardViewModel dashboard, Runnable startSampling,
          Runnable stopSampling, Supplier<io.colimaservices.domain.ContainerEngine> engine,
          ObservableBooleanValue dark, Runnable refreshVault, AppCredentialService credentials,
          ClipboardKeeper clipboard, Supplier<Duration> clipboardDelay, Optional<VmChanges> vmChanges,
          Runnable settingsChanged, Executor background) {
        sections.add(new ServicesSection(dashboard, startSampling, stopSampling));
        LogViewerViewModel viewer = new LogViewerViewModel((services, request) -> new LogSession(engine.get(),
                s -> store.current().status(s).containerId(), services, request, LogBuffer.DEFAULT_CAPACITY).start());
        logs = new LogsSection(viewer, () -> store.current().catalog().serviceNames(), dark);
        sections.add(logs);
        sections.add(new VaultSection(AppVaultOperations.of(context), store, refreshVault, UiExecutors.fx(),
                background));
        sections.add(new CredentialsSection(credentials, store, clipboard, clipboardDelay, UiExecutors.fx(),
                background));
        colima = vmChanges.map(changes -> new ColimaSection(store, context.vmRuntime(), changes, context::vmSpec,
                background));
        colima.ifPresent(sections::add);
        sections.add(new PreferencesSection(context.settingsRepository(), context.loginItem(), context.platform(),
                settingsChanged, background));
    }
}
