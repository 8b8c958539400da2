package io.colimaservices.app;

import io.colimaservices.domain.ServiceShell;
import io.colimaservices.platform.DetachedClearer;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.BackupUseCase;
import io.colimaservices.usecase.CaUseCase;
import io.colimaservices.usecase.ClipboardUseCase;
import io.colimaservices.usecase.ComposeFileUseCase;
import io.colimaservices.usecase.CredentialsUseCase;
import io.colimaservices.usecase.PullUseCase;
import io.colimaservices.usecase.SettingsUseCase;
import io.colimaservices.usecase.SetupUseCase;
import io.colimaservices.usecase.ShellUseCase;
import io.colimaservices.usecase.StackUseCase;
import io.colimaservices.usecase.TlsUseCase;
import io.colimaservices.usecase.VaultUseCase;
import io.colimaservices.usecase.VmUseCase;

import java.time.Clock;

/**
 * Every use case, for both faces: the command line reaches them as {@code root.useCases()}, the app builds its view
 * models and routes its menu commands with them. Each accessor builds its use case from the context's ports (the
 * adapters, built on first use), so a command that needs only the catalog never touches Docker or Vault.
 *
 * <p>A new feature adds one accessor here (docs/design.md, "Adding a feature"): its use case class in
 * {@code io.colimaservices.usecase}, over ports in {@code domain}, with adapters in their packages; the CLI command
 * and the view model call the use case and nothing else.
 */
public final class UseCases {
    private final AppContext context;
    private final ActionTrace trace;

    UseCases(AppContext context, ActionTrace trace) {
        this.context = context;
        this.trace = trace;
    }

    /** The trace every use case writes to (the app's log). */
    public ActionTrace trace() {
        return trace;
    }

    /** Groups, status, up / down / restart / recreate / recover on the face's live stack. */
    public StackUseCase stack() {
        return new StackUseCase(context::catalog, context.liveStack(), context.listing(), context::provisioner,
                trace, java.util.Optional.of(pulls()), () -> context.settings().settings().defaultTier());
    }

    /** Vault's lifecycle: status, init, import, unseal, bootstrap, arm, tokens, export of the shares. */
    public VaultUseCase vault() {
        return new VaultUseCase(context::vaultActions, trace);
    }

    /** Credentials and connection strings of the services with a vault-path label. */
    public CredentialsUseCase credentials() {
        return new CredentialsUseCase(context::catalog, context::vaultActions, tls(), vault(), Clock.systemUTC());
    }

    /** TLS per service: on, off, status, apply, renew. */
    public TlsUseCase tls() {
        return new TlsUseCase(context::catalog, context::vaultActions,
                () -> context.vaultActions().serviceCertificates(), context::serviceRestarter, trace);
    }

    /** The stack's CA on this computer: status, trust, untrust, export. */
    public CaUseCase ca() {
        return new CaUseCase(context::caTrust, trace);
    }

    /** The Colima VM: status, start, stop, restart, delete, doctor. */
    public VmUseCase vm() {
        return new VmUseCase(context::vmRuntime, context::socketCheck, context::vmSpec, context::vmChanges,
                () -> new VmUseCase.Machine(context.platform(), context.settingsRepository().location(),
                        context.settings(), context.dockerEndpoint()), trace);
    }

    /** The settings file and launch at login. */
    public SettingsUseCase settings() {
        return new SettingsUseCase(context.settingsRepository(), context::loginItem, context::settingsChanged, trace);
    }

    /**
     * "Choose compose file...": read, kept in the settings, applied by {@code apply} (the app's store) without a
     * restart.
     */
    public ComposeFileUseCase composeFile(java.util.function.Consumer<io.colimaservices.domain.Catalog> apply) {
        return new ComposeFileUseCase(context.settingsRepository(), context.catalogLoader(), catalog -> {
            context.useComposeFile(catalog.source(), catalog);
            context.settingsChanged();
            apply.accept(catalog);
        }, trace);
    }

    /** A shell, a client or a command in a running service; the user's terminal opened on one. */
    public ShellUseCase shell() {
        return new ShellUseCase(() -> new ServiceShell(context.catalog(), context.projectName(),
                context.containerExec(), context.localTerminal()), context::shellLauncher, trace);
    }

    /** Image pulls with progress. */
    public PullUseCase pulls() {
        return new PullUseCase(context::catalog, context::pullActions, trace);
    }

    /** The command line's copy of a secret to the clipboard, cleared later by a detached clearer. */
    public ClipboardUseCase clipboard() {
        return new ClipboardUseCase(context::clipboard,
                pending -> DetachedClearer.start(pending, context.environment()), Clock.systemUTC());
    }

    /** Backups: take, list, verify, restore, reset, the keys, the daily schedule. */
    public BackupUseCase backups() {
        return new BackupUseCase(context::backups, () -> context.settings().settings().backups(), Clock.systemUTC(),
                trace);
    }
    /** The setup checklist (issue 20): every step checked live, and a run of the steps not done. */
    public SetupUseCase setup() {
        return new SetupUseCase(new SetupUseCase.Ports(vm(), stack(), vault(), pulls(), ca(), context.listing(),
                context::setupTools, () -> context.vaultActions()::bootstrapMissing, context::imageEngine,
                context::setupHost, this::setupTier, io.colimaservices.domain.StackActions.DEFAULT_TIMEOUT),
                trace);
    }

    /** The tier's services as {@code up --tier} has them ({@code domain/Tiers}); none named: the settings' default. */
    private java.util.List<String> setupTier(io.colimaservices.domain.Catalog catalog, java.util.Optional<String> tier) {
        return java.util.List.copyOf(io.colimaservices.domain.Tiers.services(catalog,
                java.util.List.of(tier.orElseGet(() -> context.settings().settings().defaultTier()))));
    }

    /** When a certificate or the CA enters its warning window (the app keeps one and asks it now and then). */
    public io.colimaservices.usecase.ExpiryWatch expiryWatch() {
        return new io.colimaservices.usecase.ExpiryWatch(ca(), tls(), Clock.systemUTC());
    }
}
