package io.colimaservices.app;

import io.colimaservices.catalog.BundledStack;
import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.colima.ColimaCli;
import io.colimaservices.colima.ColimaExecutable;
import io.colimaservices.colima.ColimaHost;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.colima.ColimaSocket;
import io.colimaservices.colima.SocketDiagnoser;
import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.backup.OpenPgpZstdCodec;
import io.colimaservices.docker.ComposeCli;
import io.colimaservices.docker.DockerBackupEngine;
import io.colimaservices.docker.DockerConfigCredentials;
import io.colimaservices.docker.DockerEngine;
import io.colimaservices.docker.DockerExec;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.docker.DockerHostResolver;
import io.colimaservices.docker.ImagePuller;
import io.colimaservices.docker.PoolOverlapAdvice;
import io.colimaservices.domain.CaTrust;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CatalogLoader;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.LocalTerminal;
import io.colimaservices.domain.DesiredServices;
import io.colimaservices.domain.DockerSocketCheck;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.DockerEndpoint;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.VmChanges;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.SettingsRepository;
import io.colimaservices.domain.ShellLauncher;
import io.colimaservices.domain.TerminalLauncher;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StopLedger;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultGateway;
import io.colimaservices.domain.VaultWatcher;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.domain.backup.BackupTools;
import io.colimaservices.domain.backup.Backups;
import io.colimaservices.platform.CaFileExports;
import io.colimaservices.platform.CommandClipboard;
import io.colimaservices.platform.Commands;
import io.colimaservices.platform.DesktopTerminal;
import io.colimaservices.platform.JnaTerminal;
import io.colimaservices.platform.NativePlatforms;
import io.colimaservices.platform.SecretStores;
import io.colimaservices.platform.TrustStores;
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.settings.JsonDesiredServices;
import io.colimaservices.settings.JsonSettingsRepository;
import io.colimaservices.settings.LaunchCommand;
import io.colimaservices.settings.LoginItems;
import io.colimaservices.vault.HttpVaultGateway;
import io.colimaservices.vault.VaultActions;
import io.colimaservices.vault.VaultCaSource;
import io.colimaservices.vault.VaultEndpoint;
import io.colimaservices.vault.VaultHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hand-wired composition root shared by the CLI and the desktop app: builds each part on first use, so a
 * command that needs only the catalog never touches Docker.
 */
public class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    /** Phases that are a reading of the VM, not a guess or a change under way. */
    private static final Set<VmPhase> SETTLED = Set.of(VmPhase.RUNNING, VmPhase.STOPPED, VmPhase.ABSENT,
            VmPhase.NOT_INSTALLED);

    private final LaunchOptions options;
    private final Map<String, String> environment;
    private final ColimaPaths colimaPaths;
    private final Path home;
    private final AppDirectories directories;
    private final Supplier<NativePlatform> platformSource;
    private Catalog catalog;
    private volatile Path chosenComposeFile;
    private final Object engineLock = new Object();
    private DockerEngine engine;
    private DockerExec exec;
    private DockerBackupEngine backupEngine;
    private VaultHttp vaultHttp;
    private VaultEndpoint vaultHttpEndpoint;
    private SecretStore secretStore;
    private ServiceRestarter serviceRestarter;
    private ComposeCli composeCli;
    private ServiceProvisioner advisedCompose;
    private String composeCliHost;
    private final StopLedger stopLedger = new StopLedger(Clock.systemUTC());
    private NativePlatform platform;
    private LoadedSettings settings;
    private VmRuntime vmRuntime;
    private volatile VmState knownVm;
    private LiveStack liveStack;
    private CommandLineStack commandLineStack;
    private VmChanges vmChanges;
    private volatile ActionTrace trace;
    private UseCases useCases;

    public AppContext(LaunchOptions options) {
        this(options, System.getenv(), ColimaPaths.fromSystem());
    }

    /** Home and app directories follow {@code HOME} (and the XDG variables) in {@code environment}. */
    public AppContext(LaunchOptions options, Map<String, String> environment, ColimaPaths colimaPaths) {
        this(options, environment, colimaPaths, homeOf(environment), NativePlatforms::current);
    }

    private AppContext(LaunchOptions options, Map<String, String> environment, ColimaPaths colimaPaths, Path home,
                       Supplier<NativePlatform> platform) {
        this(options, environment, colimaPaths,
                AppDirectories.of(System.getProperty("os.name", ""), home, environment), home, platform);
    }

    /**
     * @param home the user's home: the docker CLI's config and the login item live under it
     * @param platform asked once, on first use (it loads native code)
     */
    public AppContext(LaunchOptions options, Map<String, String> environment, ColimaPaths colimaPaths,
                      AppDirectories directories, Path home, Supplier<NativePlatform> platform) {
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.colimaPaths = colimaPaths;
        this.directories = directories;
        this.home = home;
        this.platformSource = platform;
    }

    /** The app's directories for this environment, as a context made with it has them. */
    static AppDirectories defaultDirectories(Map<String, String> environment) {
        return AppDirectories.of(System.getProperty("os.name", ""), homeOf(environment), environment);
    }

    private static Path homeOf(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home != null && home.startsWith("/") ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    public LaunchOptions options() {
        return options;
    }

    public String projectName() {
        return options.projectName();
    }

    /**
     * The file chosen in the running app ("Choose compose file..."), else {@code --compose-file}, else the one chosen
     * in the settings, else the bundled one.
     */
    public Path composeFile() {
        return Optional.ofNullable(chosenComposeFile).or(options::composeFile)
                .or(() -> settings().settings().composeFile())
                .map(p -> p.toAbsolutePath().normalize()).orElseGet(BundledStack::composeFile);
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

    /**
     * Uses {@code chosen} (read from {@code file}) from now on, without a restart: the next compose invocation runs on
     * its file; the caller shows the catalog.
     */
    public synchronized void useComposeFile(Path file, Catalog chosen) {
        chosenComposeFile = file;
        catalog = chosen;
        composeCli = null;
    }

    /** The compose parser, with this context's environment (interpolation). */
    public CatalogLoader catalogLoader() {
        return new ComposeCatalogLoader(environment);
    }

    public record CatalogResult(Catalog catalog, Optional<String> error) {
    }

    /**
     * {@code --docker-host}, {@code DOCKER_HOST}, then the configured profile's Colima socket (the one
     * {@code colima status} reports while the VM runs, asked only when the first two do not decide), then
     * {@code /var/run/docker.sock}.
     */
    public DockerHost dockerHost() {
        // --docker-host, else the one chosen in Preferences, else DOCKER_HOST, Colima's socket, the default one.
        return new DockerHostResolver(environment, this::colimaSocket).resolve(options.dockerHost()
                .or(() -> settings().settings().connections().dockerHost()));
    }

    private Optional<Path> colimaSocket() {
        try {
            return ColimaSocket.forDockerHost(vmStatus(), colimaPaths);
        } catch (UserError e) {
            // A bad --colima or COLIMA_BIN must not cost the Docker connection: the vm commands report it.
            LOG.warn("Colima not asked for its socket: {}", e.getMessage());
            return colimaPaths.existingSocket(vmProfile());
        }
    }

    /**
     * The catalog plus one listing of the engine: what a command (or a snapshot) looks at.
     *
     * @throws UserError of kind DOCKER_UNREACHABLE naming the host and where it came from
     */
    public StackSnapshot liveSnapshot() {
        StackSnapshot snapshot = StackSnapshot.initial(projectName(), catalog(), Optional.empty(),
                dockerHost().display(), vaultAddress(), vmProfile());
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

    /**
     * What the app shows at start whatever it finds: the catalog or the compose file's problem, and one listing
     * when Docker answers, else every service unknown with Docker's reason (the snapshot command pictures it so).
     */
    public StackSnapshot snapshotAsTheAppShowsIt() {
        CatalogResult catalog = catalogOrError();
        StackSnapshot snapshot = StackSnapshot.initial(projectName(), catalog.catalog(), catalog.error(),
                dockerHost().display(), vaultAddress(), vmProfile());
        EngineInfo info = engine().ping();
        return info.reachable() ? snapshot.withListing(info, engine().listProject(projectName()))
                : snapshot.withEngine(info);
    }

    /** Where the stack's containers read what the app writes for them (bind-mounted by the compose file). */
    public Path stackRuntimeDir() {
        return directories().runtime();
    }

    /**
     * The compose CLI, pointed at the same files, project and engine as the app: one per Docker host (finding the
     * installed CLI runs a process or two, done once).
     */
    public synchronized ServiceProvisioner provisioner() {
        composeCli();
        return advisedCompose;
    }

    /**
     * The provisioner as it is when it is used: a session's actions are made when Docker is asked, which must not
     * wait for (nor fail on) the compose file, and follow a compose file chosen later.
     */
    private ServiceProvisioner provisionerOnUse() {
        return new ServiceProvisioner() {
            @Override
            public void create(List<ServiceDefinition> services, Consumer<String> output) {
                provisioner().create(services, output);
            }

            @Override
            public boolean mayStartWhileCreating() {
                return provisioner().mayStartWhileCreating();
            }

            @Override
            public void recreate(ServiceDefinition service, Consumer<String> output) {
                provisioner().recreate(service, output);
            }

            @Override
            public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
                return provisioner().definitionHashes(services);
            }

            @Override
            public Map<String, String> freshDefinitionHashes(List<ServiceDefinition> services) {
                return provisioner().freshDefinitionHashes(services);
            }
        };
    }

    /** Starts finding the compose CLI on another thread (a command that will create containers soon). */
    public void prepareProvisioner() {
        composeCli().detectInBackground();
    }

    private synchronized ComposeCli composeCli() {
        String host = dockerHost().display();
        if (composeCli == null || !host.equals(composeCliHost)) {
            Map<String, String> env = new java.util.HashMap<>();
            env.put("DOCKER_HOST", host);
            env.put("COLIMA_SERVICES_RUNTIME", stackRuntimeDir().toString());
            ComposeCli cli = ComposeCli.detectedOnFirstUse(catalog().files(), projectName(), catalog().services().stream()
                    .flatMap(s -> s.profiles().stream()).toList(), env, ComposeCli.DEADLINE,
                    directories.support().resolve("state").resolve(projectName() + ".hashes.json"));
            composeCli = cli;
            // Says which subnet collided when Docker refuses the stack's network ("Pool overlaps ...").
            advisedCompose = new PoolOverlapAdvice(cli, catalog().network(),
                    catalog().source().resolveSibling(".env"));
            composeCliHost = host;
        }
        return composeCli;
    }

    /** The services the app stopped or restarted lately: their stop-signal exit codes are no crash. */
    public StopLedger stopLedger() {
        return stopLedger;
    }

    /**
     * The actions on a store, with the stack's own steps: arm the secrets agent, unseal Vault (in a recovery only
     * when the settings allow it), and the services the user wants running kept in the app-support directory.
     */
    public StackActions stackActions(StackStore store) {
        return new StackActions(engine(), provisionerOnUse(), store, new StackServiceHooks(() -> useCases().vault(),
                () -> settings().settings().unsealAutomatically()), stopLedger, VaultServices.DELIVERY,
                desiredServices());
    }

    /**
     * The stack as this face is connected to it: the app's live session once it wired one in
     * ({@link #useLiveStack}), else, for a command, a store and watcher opened on first use and closed with this
     * context.
     */
    public synchronized LiveStack liveStack() {
        if (liveStack == null) {
            liveStack = new LiveStack() {
                @Override
                public StackActions actions() {
                    return commandLineStack().actions();
                }

                @Override
                public StackRecovery recovery() {
                    return commandLineStack().recovery();
                }

                @Override
                public void prepareToCreate() {
                    prepareProvisioner();
                }
            };
        }
        return liveStack;
    }

    /** The app's connection: its stack actions and recovery are the ones the use cases act through. */
    public synchronized void useLiveStack(LiveStack live) {
        this.liveStack = live;
    }

    /** A command's live store and watcher, opened on first use (a first listing: exit 3 when Docker is down). */
    public synchronized CommandLineStack commandLineStack() {
        if (commandLineStack == null) {
            commandLineStack = CommandLineStack.open(this, false);
        }
        return commandLineStack;
    }

    /** One listing now, for {@code status}. */
    public StackListing listing() {
        return new StackListing() {
            @Override
            public StackSnapshot listNow() {
                return liveSnapshot();
            }

            @Override
            public String engineHost() {
                return dockerHost().display();
            }
        };
    }

    /** The Docker host in use and where it came from, for diagnostics. */
    public DockerEndpoint dockerEndpoint() {
        DockerHost host = dockerHost();
        return new DockerEndpoint(host.display(), host.source());
    }

    /**
     * Every use case, built on the ports of this context (docs/design.md, "The use cases"). Both faces call them;
     * the trace goes to the app's log ({@link #useTrace} switches to the app's when the menu-bar app runs).
     */
    public synchronized UseCases useCases() {
        if (useCases == null) {
            useCases = new UseCases(this, (action, succeeded, outcome) -> trace().record(action, succeeded, outcome));
        }
        return useCases;
    }

    private ActionTrace trace() {
        ActionTrace current = trace;
        if (current == null) {
            synchronized (this) {
                if (trace == null) {
                    trace = LoggedActions.commandLine(directories().logs());
                }
                current = trace;
            }
        }
        return current;
    }

    /** The menu-bar app writes its trace into its own file log (as "[app]"). */
    public void useAppTrace() {
        this.trace = LoggedActions.app();
    }

    /** Lets tests watch the trace. */
    public void useTrace(ActionTrace given) {
        this.trace = given;
    }

    /** What {@code up} started and {@code down} did not stop since: what a recovery brings back. */
    public DesiredServices desiredServices() {
        return new JsonDesiredServices(directories.support(), projectName());
    }

    /**
     * Recovery without a click (docs/stack.md, "Day two"): on a store kept by {@code watcher}, with the actions of
     * {@code actions}.
     */
    public StackRecovery recovery(StackStore store, StackActions actions, EngineWatcher watcher,
                                  Consumer<StackProgress> progress, Consumer<StackRecovery.Report> finished) {
        return new StackRecovery(store, actions, watcher::relistNow, StackActions.DEFAULT_TIMEOUT, progress,
                finished);
    }

    /**
     * Image pulls through the engine's API, signed in with the docker CLI's registry logins (its
     * {@code config.json} and credential helpers, under this context's HOME or DOCKER_CONFIG). The caller closes it.
     */
    public PullActions pullActions(PullPolicy policy) {
        return new PullActions(new ImagePuller(dockerHost()), new DockerConfigCredentials(environment, home,
                DockerConfigCredentials.HELPER_DEADLINE), policy);
    }

    public ContainerEngine engine() {
        // Its own lock: building the client takes tens of ms (at start, on another thread than the window's), and
        // the window's thread must not wait for it to read the settings or the catalog.
        synchronized (engineLock) {
            if (engine == null) {
                engine = new DockerEngine(dockerHost());
            }
            return engine;
        }
    }

    /** Processes in running containers ({@code shell}, and streamed commands such as dumps). */
    public ContainerExec containerExec() {
        synchronized (engineLock) {
            if (exec == null) {
                exec = new DockerExec(dockerHost());
            }
            return exec;
        }
    }

    /**
     * Backups' domain over their adapters: take, list, verify, restore, reset, and the keys (the faces reach it as
     * {@code useCases().backups()}). Services are stopped and started through the face's live stack.
     */
    public Backups backups() {
        DockerBackupEngine engine;
        synchronized (engineLock) {
            if (backupEngine == null) {
                backupEngine = new DockerBackupEngine(dockerHost());
            }
            engine = backupEngine;
        }
        String version = Optional.ofNullable(AppContext.class.getPackage().getImplementationVersion()).orElse("dev");
        BackupTools tools = new BackupTools(this::catalog, projectName(), containerExec(), engine,
                new StackServiceControl(this::liveStack, p -> { }), new OpenPgpZstdCodec(), new JsonManifestFormat(),
                new BackupKeys(secretStore()), new VaultBackupHooks(() -> useCases().vault(),
                        () -> vaultActions().shareSetStore(), containerExec()),
                Clock.systemUTC(), version, Duration.ofMinutes(5));
        return new Backups(tools, settings().settings().backups().folder()
                .orElseGet(() -> AppDirectories.defaultBackups(osName(), home, environment)));
    }

    /**
     * "Open shell": the user's terminal (the one chosen in the settings on macOS) running this app's {@code shell}
     * command, pointed at the same project, compose file and Docker host as the app.
     */
    public ShellLauncher shellLauncher() {
        TerminalLauncher terminal = DesktopTerminal.forSystem(platform().isMacOs(), environment, home,
                settings().settings().terminal());
        List<String> options = List.of("--project-name", projectName(), "--compose-file", composeFile().toString(),
                "--docker-host", dockerHost().display());
        return new ShellLauncher(() -> LaunchCommand.current().map(LaunchCommand::arguments), options, terminal);
    }

    /** The user's browser, through the desktop's opener (which says when nothing opened). */
    public io.colimaservices.domain.UrlOpener urlOpener() {
        return new io.colimaservices.platform.DesktopBrowser(platform().isMacOs(), new Commands(environment));
    }

    /** This process's terminal (none for the app, or when stdin and stdout are pipes). */
    public LocalTerminal localTerminal() {
        return JnaTerminal.current(osName());
    }

    /** Drops the engine, so the next {@link #engine()} connects to the Docker host as it resolves now. */
    public void reconnect() {
        synchronized (engineLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
            if (exec != null) {
                exec.close();
                exec = null;
            }
            if (backupEngine != null) {
                backupEngine.close();
                backupEngine = null;
            }
        }
    }

    /** The environment the context was built with (tests give their own HOME, PATH, XDG dirs). */
    public Map<String, String> environment() {
        return environment;
    }

    public String osName() {
        return System.getProperty("os.name", "");
    }

    /** The user's home: HOME from the environment, else the JVM's user.home (unless a test chose one). */
    public Path home() {
        return home;
    }

    public AppDirectories directories() {
        return directories;
    }

    /** {@code --vault-addr} when given (not the default), else the one chosen in Preferences, else the default. */
    public String vaultAddress() {
        if (!options.vaultAddress().equals(LaunchOptions.DEFAULT_VAULT_ADDRESS) || options.vaultCaFile().isPresent()) {
            return options.vaultAddress();
        }
        return settings().settings().connections().vaultAddress().orElse(LaunchOptions.DEFAULT_VAULT_ADDRESS);
    }

    public VaultEndpoint vaultEndpoint() {
        if (!options.vaultAddress().equals(LaunchOptions.DEFAULT_VAULT_ADDRESS) || options.vaultCaFile().isPresent()) {
            return VaultEndpoint.parse(options.vaultAddress(), options.vaultCaFile());
        }
        return VaultEndpoint.parse(vaultAddress(), settings().settings().connections().vaultCaFile());
    }

    /**
     * The one HTTP client every Vault call shares; a new one when the address or CA file changed in Preferences
     * (applied without a restart).
     */
    public synchronized VaultHttp vaultHttp() {
        VaultEndpoint endpoint = vaultEndpoint();
        if (vaultHttp != null && !endpoint.equals(vaultHttpEndpoint)) {
            vaultHttp.close();
            vaultHttp = null;
        }
        if (vaultHttp == null) {
            vaultHttp = new VaultHttp(endpoint);
            vaultHttpEndpoint = endpoint;
        }
        return vaultHttp;
    }

    /** Vault's API on the client current at each call (so a watcher made at start follows a new address). */
    public VaultGateway vaultGateway() {
        return new VaultGateway() {
            @Override
            public String address() {
                return vaultEndpoint().display();
            }

            @Override
            public io.colimaservices.domain.VaultState status() {
                return new HttpVaultGateway(vaultHttp()).status();
            }

            @Override
            public io.colimaservices.domain.InitResult initialize(int shares, int threshold) {
                return new HttpVaultGateway(vaultHttp()).initialize(shares, threshold);
            }

            @Override
            public io.colimaservices.domain.VaultState submitUnsealShare(String share) {
                return new HttpVaultGateway(vaultHttp()).submitUnsealShare(share);
            }

            @Override
            public io.colimaservices.domain.VaultState resetUnseal() {
                return new HttpVaultGateway(vaultHttp()).resetUnseal();
            }
        };
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

    /** The Vault adapter: the ports behind the Vault, credentials and TLS use cases. */
    public VaultActions vaultActions() {
        return new VaultActions(vaultHttp(), vaultGateway(), secretStore(), directories().runtime(),
                this::serviceRestarter, Clock.systemUTC(), this::catalog, home);
    }

    /** The stack's CA on this computer: read from Vault (no token needed), trusted in the user's trust store. */
    public CaTrust caTrust() {
        return new CaTrust(new VaultCaSource(vaultHttp()), TrustStores.forPlatform(osName(), environment, home),
                new CaFileExports(directories().runtime()), Clock.systemUTC());
    }

    /** The docker and compose CLIs, as the setup checklist looks for them. */
    public io.colimaservices.domain.SetupTools setupTools() {
        return new io.colimaservices.docker.DockerTools(environment);
    }

    /** The engine's images (presence and pulls) on the Docker host as it resolves now; the caller closes it. */
    public io.colimaservices.domain.ImageEngine imageEngine() {
        return new ImagePuller(dockerHost());
    }

    /** Where the Docker host points, where Colima's socket is for the profile, and whether this is a Mac. */
    public io.colimaservices.usecase.SetupUseCase.Host setupHost() {
        return new io.colimaservices.usecase.SetupUseCase.Host(dockerEndpoint(), colimaPaths.socketPath(vmProfile()),
                platform().isMacOs());
    }

    public synchronized NativePlatform platform() {
        if (platform == null) {
            platform = platformSource.get();
        }
        return platform;
    }

    public SettingsRepository settingsRepository() {
        return new JsonSettingsRepository(directories.support());
    }

    /** The settings, read once; problems are logged here and shown by whichever face asks. */
    public synchronized LoadedSettings settings() {
        if (settings == null) {
            settings = settingsRepository().load();
            settings.problems().forEach(problem -> LOG.warn("settings: {}", problem));
        }
        return settings;
    }

    /** Forgets the settings read, after a face saved new ones. */
    public synchronized void settingsChanged() {
        settings = null;
    }

    public VmSpec vmSpec() {
        return settings().settings().vm();
    }

    public String vmProfile() {
        return vmSpec().profile();
    }

    /** @throws UserError of kind CONFIGURATION when {@code --colima} or {@code COLIMA_BIN} is not an executable */
    public ColimaExecutable colimaExecutable() {
        return ColimaExecutable.find(options.colima(), environment);
    }

    public synchronized VmRuntime vmRuntime() {
        if (vmRuntime == null) {
            vmRuntime = new ColimaCli(colimaExecutable(),
                    () -> new ColimaHost(platform().isMacOs(), platform().isAppleSilicon()), environment);
        }
        return vmRuntime;
    }

    public DockerSocketCheck socketCheck() {
        return new SocketDiagnoser(colimaPaths, environment, home);
    }

    /** The configured profile's VM: asked of Colima once, then kept current by a {@link #vmWatcher}. */
    public VmState vmStatus() {
        VmState known = knownVm;
        if (known == null) {
            known = vmRuntime().status(vmProfile());
            knownVm = known;
        }
        return known;
    }

    /**
     * A watcher that puts the configured profile's VM into {@code store}; the caller starts it, calls
     * {@link VmWatcher#refresh()} (at start, on wake) and closes it. What it reads also keeps
     * {@link #dockerHost()} current.
     */
    public VmWatcher vmWatcher(StackStore store) {
        store.subscribe(snapshot -> {
            if (SETTLED.contains(snapshot.vm().phase())) {
                knownVm = snapshot.vm();
            }
        });
        VmWatcher watcher = new VmWatcher(vmRuntime(), socketCheck(), store, this::vmProfile);
        synchronized (this) {
            vmChanges = watcher;
        }
        return watcher;
    }

    /** The app's VM watcher, once made: VM changes then run through it (the whole app shows them). */
    public synchronized Optional<VmChanges> vmChanges() {
        return Optional.ofNullable(vmChanges);
    }

    /** Launch at login for this OS: a LaunchAgent on macOS, an XDG autostart entry elsewhere. */
    public LoginItem loginItem() {
        return LoginItems.forOs(platform().isMacOs(), home, environment, LaunchCommand::current);
    }

    @Override
    public synchronized void close() {
        if (commandLineStack != null) {
            commandLineStack.close();
            commandLineStack = null;
        }
        reconnect();
        if (vaultHttp != null) {
            vaultHttp.close();
            vaultHttp = null;
        }
    }
}
