package io.colimaservices.app;

import io.colimaservices.catalog.BundledStack;
import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.docker.ComposeCli;
import io.colimaservices.docker.DockerEngine;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.docker.DockerHostResolver;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StopLedger;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultGateway;
import io.colimaservices.domain.VaultWatcher;
import io.colimaservices.platform.CommandClipboard;
import io.colimaservices.platform.Commands;
import io.colimaservices.platform.SecretStores;
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.vault.HttpVaultGateway;
import io.colimaservices.vault.VaultActions;
import io.colimaservices.vault.VaultEndpoint;
import io.colimaservices.vault.VaultHttp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-wired composition root shared by the CLI and the desktop app: builds each part on first use, so a
 * command that needs only the catalog never touches Docker.
 */
public class AppContext implements AutoCloseable {
    /** The stack's secret delivery service, see docs/vault-contract.md. */
    public static final String VAULT_AGENT = "vault-agent";

    private final LaunchOptions options;
    private final Map<String, String> environment;
    private final ColimaPaths colimaPaths;
    private Catalog catalog;
    private DockerEngine engine;
    private VaultHttp vaultHttp;
    private SecretStore secretStore;
    private ServiceRestarter serviceRestarter;
    private final StopLedger stopLedger = new StopLedger(Clock.systemUTC());

    public AppContext(LaunchOptions options) {
        this(options, System.getenv(), ColimaPaths.fromSystem());
    }

    public AppContext(LaunchOptions options, Map<String, String> environment, ColimaPaths colimaPaths) {
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.colimaPaths = colimaPaths;
    }

    public LaunchOptions options() {
        return options;
    }

    public String projectName() {
        return options.projectName();
    }

    public Path composeFile() {
        return options.composeFile().map(p -> p.toAbsolutePath().normalize()).orElseGet(BundledStack::composeFile);
    }

    /** The catalog, loaded once. @throws io.colimaservices.domain.CatalogException when the file is bad */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = new ComposeCatalogLoader(environment).load(composeFile());
        }
        return catalog;
    }

    /** The catalog, or an empty one and the reason, for faces that must start anyway. */
    public synchronized CatalogResult catalogOrError() {
        try {
            return new CatalogResult(catalog(), Optional.empty());
        } catch (UserError e) {
            return new CatalogResult(Catalog.empty(composeFile()), Optional.of(e.getMessage()));
        }
    }

    public record CatalogResult(Catalog catalog, Optional<String> error) {
    }

    public DockerHost dockerHost() {
        return new DockerHostResolver(environment, () -> colimaPaths.existingSocket(ColimaPaths.DEFAULT_PROFILE))
                .resolve(options.dockerHost());
    }

    /**
     * The catalog plus one listing of the engine: what a command (or a snapshot) looks at.
     *
     * @throws UserError of kind DOCKER_UNREACHABLE naming the host and where it came from
     */
    public StackSnapshot liveSnapshot() {
        StackSnapshot snapshot = StackSnapshot.initial(projectName(), catalog(), Optional.empty(),
                dockerHost().display(), options.vaultAddress(), ColimaPaths.DEFAULT_PROFILE);
        EngineInfo info = engine().ping();
        if (!info.reachable()) {
            DockerHost host = dockerHost();
            throw new UserError(UserError.Kind.DOCKER_UNREACHABLE,
                    "Docker unreachable at " + host.display() + " (" + host.source() + "): "
                            + info.error().orElse("no answer"),
                    "start Colima (colima start), or point --docker-host / DOCKER_HOST at a running engine");
        }
        return snapshot.withListing(info, engine().listProject(projectName()));
    }

    /** Where the stack's containers read what the app writes for them (bind-mounted by the compose file). */
    public Path stackRuntimeDir() {
        return directories().runtime();
    }

    /** The compose CLI, pointed at the same files, project and engine as the app. */
    public ServiceProvisioner provisioner() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DOCKER_HOST", dockerHost().display());
        env.put("COLIMA_SERVICES_RUNTIME", stackRuntimeDir().toString());
        return new ComposeCli(ComposeCli.detect(), catalog().files(), projectName(), env, ComposeCli.DEADLINE);
    }

    /** The services the app stopped or restarted lately: their stop-signal exit codes are no crash. */
    public StopLedger stopLedger() {
        return stopLedger;
    }

    /** The actions on a store, with the stack's own steps: arm {@value #VAULT_AGENT}, unseal Vault. */
    public StackActions stackActions(StackStore store) {
        return new StackActions(engine(), provisioner(), store, new StackServiceHooks(this::vaultActions),
                stopLedger);
    }

    public synchronized ContainerEngine engine() {
        if (engine == null) {
            engine = new DockerEngine(dockerHost());
        }
        return engine;
    }

    /** The environment the context was built with (tests give their own HOME, PATH, XDG dirs). */
    public Map<String, String> environment() {
        return environment;
    }

    public String osName() {
        return System.getProperty("os.name", "");
    }

    /** The user's home: HOME from the environment, else the JVM's user.home. */
    public Path home() {
        String home = environment.get("HOME");
        return home != null && home.startsWith("/") ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    public AppDirectories directories() {
        return AppDirectories.of(osName(), home(), environment);
    }

    public VaultEndpoint vaultEndpoint() {
        return VaultEndpoint.parse(options.vaultAddress(), options.vaultCaFile());
    }

    /** The one HTTP client every Vault call shares. */
    public synchronized VaultHttp vaultHttp() {
        if (vaultHttp == null) {
            vaultHttp = new VaultHttp(vaultEndpoint());
        }
        return vaultHttp;
    }

    public VaultGateway vaultGateway() {
        return new HttpVaultGateway(vaultHttp());
    }

    /** Keychain on macOS, Secret Service on Linux when one answers, else the 0600 file. */
    public synchronized SecretStore secretStore() {
        if (secretStore == null) {
            secretStore = SecretStores.forPlatform(osName(), environment, directories().support());
        }
        return secretStore;
    }

    /** The command-line clipboard (the desktop app uses its JavaFX one); empty when no tool is installed. */
    public Optional<ClipboardService> clipboard() {
        return CommandClipboard.find(osName(), new Commands(environment)).map(c -> c);
    }

    /** Restarts services for the TLS toggle; empty until a face wires one in. */
    public synchronized Optional<ServiceRestarter> serviceRestarter() {
        return Optional.ofNullable(serviceRestarter);
    }

    /**
     * Restarts through the Docker engine: with the app's live store when it has one, else with a store that
     * follows events only for the restart (the command line).
     */
    public void useEngineRestarter(Optional<StackStore> liveStore) {
        useServiceRestarter(new EngineServiceRestarter(this, liveStore, p -> { }));
    }

    public synchronized void useServiceRestarter(ServiceRestarter restarter) {
        this.serviceRestarter = restarter;
    }

    /** Keeps {@code store}'s Vault state current; call {@code refresh()} on container events and on wake. */
    public VaultWatcher vaultWatcher(StackStore store) {
        return new VaultWatcher(vaultGateway(), store);
    }

    public VaultActions vaultActions() {
        return new VaultActions(vaultHttp(), vaultGateway(), secretStore(), directories().runtime(),
                serviceRestarter(), Clock.systemUTC());
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (vaultHttp != null) {
            vaultHttp.close();
            vaultHttp = null;
        }
    }
}
