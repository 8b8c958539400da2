package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.CaStatus;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.VaultState;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checklist's steps (issue 20): for each, its live check and its action, both over the use cases the faces
 * already call. A check never changes anything; an action does the step's work and leaves the verdict to the next
 * check.
 */
final class SetupSteps {
    static final String REDIS_INIT = "redis-cluster-init";
    static final String FORGEJO_INIT = "forgejo-admin-init";
    static final int SHARES = 5;
    static final int THRESHOLD = 3;

    /** One step: its id, title, whether optional, and the steps it waits for. */
    record Definition(String id, String title, boolean optional, List<String> needs) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("colima", "Colima and the docker CLI installed", false, List.of()),
            new Definition("vm", "Colima VM running", false, List.of("colima")),
            new Definition("docker", "Docker answers", false, List.of("vm")),
            new Definition("compose", "Compose CLI", false, List.of()),
            new Definition("images", "Images present", false, List.of("docker")),
            new Definition("vault-init", "Vault initialized", false, List.of("docker")),
            new Definition("vault-unseal", "Vault unsealed", false, List.of("vault-init")),
            new Definition("vault-bootstrap", "Vault bootstrapped", false, List.of("vault-unseal")),
            new Definition("agent", "Secrets agent armed and healthy", false,
                    List.of("compose", "images", "vault-bootstrap")),
            new Definition("redis-cluster", "Redis cluster formed", false, List.of("agent")),
            new Definition("forgejo-admin", "Forgejo admin created", false, List.of("agent")),
            new Definition("ca", "Stack CA trusted on this computer", true, List.of("vault-bootstrap")),
            new Definition("tier", "Services running and healthy", false,
                    List.of("agent", "redis-cluster", "forgejo-admin")));

    private SetupSteps() {
    }

    static Definition definition(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, "no setup step '" + id + "'", "steps: "
                + String.join(", ", ALL.stream().map(Definition::id).toList())));
    }

    /** The step as it stands now. Never throws: what cannot be asked is the step's detail. */
    static SetupStep check(Definition d, SetupLive live) {
        List<String> waiting = live.unsettled(d.needs());
        if (!waiting.isEmpty()) {
            return step(d, SetupState.BLOCKED, "waits for: " + String.join(", ", waiting), "finish "
                    + String.join(", ", waiting) + " first");
        }
        try {
            return switch (d.id()) {
                case "colima" -> colima(d, live);
                case "vm" -> vm(d, live);
                case "docker" -> docker(d, live);
                case "compose" -> compose(d, live);
                case "images" -> images(d, live);
                case "vault-init" -> vaultInit(d, live);
                case "vault-unseal" -> vaultUnseal(d, live);
                case "vault-bootstrap" -> vaultBootstrap(d, live);
                case "agent" -> agent(d, live);
                case "redis-cluster" -> oneShot(d, live, REDIS_INIT);
                case "forgejo-admin" -> oneShot(d, live, FORGEJO_INIT);
                case "ca" -> ca(d, live);
                case "tier" -> tier(d, live);
                default -> throw new IllegalArgumentException(d.id());
            };
        } catch (UserError e) {
            return step(d, SetupState.FAILED, e.getMessage(), e.hint().isEmpty() ? "see the message" : e.hint());
        }
    }

    private static SetupStep step(Definition d, SetupState state, String detail, String action) {
        return new SetupStep(d.id(), d.title(), state, detail, action, d.optional());
    }

    private static SetupStep colima(Definition d, SetupLive live) {
        Optional<String> skipped = live.colimaSkipped();
        if (skipped.isPresent()) {
            return step(d, SetupState.SKIPPED, skipped.get(), "none");
        }
        VmState vm = live.vm();
        if (!vm.isInstalled()) {
            return step(d, SetupState.TODO, "Colima is not installed" + vm.error().map(e -> " (" + e + ")")
                    .orElse(""), "brew install colima docker");
        }
        Optional<String> docker = live.ports().tools().get().dockerCli();
        if (docker.isEmpty()) {
            return step(d, SetupState.TODO, "Colima is installed, the docker CLI is not", "brew install docker");
        }
        return step(d, SetupState.DONE, live.ports().vm().describeTool() + "; docker CLI " + docker.get(), "none");
    }

    private static SetupStep vm(Definition d, SetupLive live) {
        Optional<String> skipped = live.colimaSkipped();
        if (skipped.isPresent()) {
            return step(d, SetupState.SKIPPED, skipped.get(), "none");
        }
        VmState vm = live.vm();
        VmSpec spec = live.ports().vm().spec(Optional.empty());
        String name = "profile " + vm.profile();
        return switch (vm.phase()) {
            case RUNNING -> {
                boolean differs = vm.cpus() > 0 && (vm.cpus() != spec.cpus()
                        || Math.round(vm.memoryGiB()) != spec.memoryGiB());
                yield differs ? step(d, SetupState.TODO, name + " runs with " + vm.cpus() + " CPUs and "
                        + Math.round(vm.memoryGiB()) + " GiB; the settings ask for " + spec.cpus() + " CPUs and "
                        + spec.memoryGiB() + " GiB", "colima-services vm restart")
                        : step(d, SetupState.DONE, name + " runs (" + vm.cpus() + " CPUs, "
                        + Math.round(vm.memoryGiB()) + " GiB)", "none");
            }
            case STOPPED, ABSENT, STARTING, STOPPING -> step(d, SetupState.TODO, name + " is " + vm.phase().label(),
                    "colima-services vm start");
            case NOT_INSTALLED, UNKNOWN -> step(d, SetupState.FAILED, name + ": " + vm.error()
                    .orElse("Colima's state cannot be read"), "colima-services vm doctor");
        };
    }

    private static SetupStep docker(Definition d, SetupLive live) {
        SetupLive.Listing listing = live.listing();
        if (listing.snapshot().isPresent()) {
            return step(d, SetupState.DONE, "Docker answers at " + live.ports().stack().engineHost(), "none");
        }
        UserError failure = listing.failure().orElseThrow();
        Optional<SocketDiagnosis> diagnosis = live.colimaSkipped().isEmpty() ? live.vm().socketDiagnosis()
                .filter(s -> !s.healthy()) : Optional.empty();
        return diagnosis.map(s -> step(d, SetupState.FAILED, s.detail(), s.fixText().isEmpty()
                        ? "colima-services vm doctor" : s.fixText()))
                .orElseGet(() -> step(d, SetupState.FAILED, failure.getMessage(), failure.hint()));
    }

    private static SetupStep compose(Definition d, SetupLive live) {
        return live.ports().tools().get().composeCli()
                .map(version -> step(d, SetupState.DONE, version.lines().findFirst().orElse(version).strip(), "none"))
                .orElseGet(() -> step(d, SetupState.TODO, "no compose CLI answers (docker compose, docker-compose)",
                        "brew install docker-compose"));
    }

    private static List<PullPlan.PlannedImage> missingImages(SetupLive live, PullPlan plan) {
        try (ImageEngine engine = live.ports().images().get()) {
            return plan.images().stream().filter(i -> !engine.isPresent(i.image())).toList();
        }
    }

    private static SetupStep images(Definition d, SetupLive live) {
        PullPlan plan = live.ports().pulls().plan(live.targets());
        List<PullPlan.PlannedImage> missing = missingImages(live, plan);
        if (missing.isEmpty()) {
            return step(d, SetupState.DONE, plan.images().size() + (plan.images().size() == 1 ? " image" : " images")
                    + " of " + live.tierName() + " present", "none");
        }
        return step(d, SetupState.TODO, missing.size() + " of " + plan.images().size() + " images missing: "
                + names(missing.stream().map(i -> i.image().toString()).toList()), "colima-services pull "
                + String.join(" ", live.targets()));
    }

    private static SetupStep vaultInit(Definition d, SetupLive live) {
        VaultState vault = live.vault();
        return switch (vault.phase()) {
            case UNINITIALIZED -> step(d, SetupState.TODO, "Vault at " + vault.address() + " is not initialized",
                    "colima-services vault init");
            case SEALED, UNSEALED -> step(d, SetupState.DONE, "Vault at " + vault.address() + " is initialized"
                    + (vault.threshold() > 0 ? " (" + vault.threshold() + " of " + vault.shares()
                    + " shares unseal it)" : ""), "none");
            case DOWN, UNKNOWN -> step(d, SetupState.TODO, vault.error().orElse("Vault at " + vault.address()
                    + " does not answer") + "; setup starts the vault service", "colima-services up "
                    + VaultServices.VAULT);
        };
    }

    private static SetupStep vaultUnseal(Definition d, SetupLive live) {
        VaultState vault = live.vault();
        if (vault.phase() == VaultPhase.UNSEALED) {
            return step(d, SetupState.DONE, "Vault is unsealed", "none");
        }
        int stored = live.ports().vault().storedKeys().shares();
        return step(d, SetupState.TODO, "Vault is " + vault.phase().label() + " (" + vault.progress() + "/"
                + vault.threshold() + "); " + stored + " shares stored in " + live.ports().vault().storeDescription(),
                "colima-services vault unseal");
    }

    private static SetupStep vaultBootstrap(Definition d, SetupLive live) {
        return live.ports().bootstrap().get().missing()
                .map(gap -> step(d, SetupState.TODO, "not bootstrapped: " + gap, "colima-services vault bootstrap"))
                .orElseGet(() -> step(d, SetupState.DONE, "secrets, AppRoles and the app token are in Vault",
                        "none"));
    }

    private static StackSnapshot snapshot(SetupLive live) {
        SetupLive.Listing listing = live.listing();
        return listing.snapshot().orElseThrow(listing.failure()::orElseThrow);
    }

    private static String describe(ServiceStatus s) {
        return s.state() == ContainerState.ABSENT ? "has no container" : "is " + s.state().label()
                + (s.state() == ContainerState.RUNNING ? " (" + s.health().label() + ")" : "")
                + (s.exitCode().isPresent() && !s.isRunning() ? " (exit " + s.exitCode().getAsInt() + ")" : "");
    }

    private static SetupStep agent(Definition d, SetupLive live) {
        if (!live.catalog().contains(VaultServices.AGENT)) {
            return step(d, SetupState.SKIPPED, "no " + VaultServices.AGENT + " in " + live.catalog().source(), "none");
        }
        ServiceStatus agent = snapshot(live).status(VaultServices.AGENT);
        return agent.isReady() ? step(d, SetupState.DONE, VaultServices.AGENT + " runs and rendered every secret",
                "none") : step(d, agent.isFailing() ? SetupState.FAILED : SetupState.TODO, VaultServices.AGENT + " "
                + describe(agent), "colima-services up " + VaultServices.AGENT);
    }

    private static SetupStep oneShot(Definition d, SetupLive live, String service) {
        if (!live.catalog().contains(service)) {
            return step(d, SetupState.SKIPPED, "no " + service + " in " + live.catalog().source(), "none");
        }
        if (!live.targets().contains(service)) {
            return step(d, SetupState.SKIPPED, service + " is not part of " + live.tierName(), "none");
        }
        ServiceStatus job = snapshot(live).status(service);
        if (job.state() == ContainerState.EXITED && job.exitCode().orElse(-1) == 0) {
            return step(d, SetupState.DONE, service + " completed (exit 0)", "none");
        }
        return step(d, job.isFailing() ? SetupState.FAILED : SetupState.TODO, service + " " + describe(job),
                "colima-services up " + service);
    }

    private static SetupStep ca(Definition d, SetupLive live) {
        CaStatus status = live.ports().ca().status();
        TrustReport trust = status.trust();
        if (trust.trusted()) {
            return step(d, SetupState.DONE, "trusted in " + trust.store(), "none");
        }
        return step(d, SetupState.TODO, trust.detail(), trust.trust() == TrustReport.Trust.UNKNOWN
                && !trust.commands().isEmpty() ? String.join(" && ", trust.commands()) : "colima-services ca trust");
    }

    private static SetupStep tier(Definition d, SetupLive live) {
        StackSnapshot snapshot = snapshot(live);
        List<String> targets = live.targets();
        List<String> waiting = targets.stream().filter(s -> !ready(snapshot, live, s)).toList();
        if (waiting.isEmpty()) {
            return step(d, SetupState.DONE, targets.size() + " services of " + live.tierName() + " ready", "none");
        }
        boolean failing = waiting.stream().anyMatch(s -> snapshot.status(s).isFailing());
        return step(d, failing ? SetupState.FAILED : SetupState.TODO, (targets.size() - waiting.size()) + " of "
                + targets.size() + " ready; not yet: " + names(waiting), "colima-services up "
                + String.join(" ", targets));
    }

    private static boolean ready(StackSnapshot snapshot, SetupLive live, String service) {
        ServiceStatus s = snapshot.status(service);
        boolean oneShot = live.catalog().service(service).map(def -> def.oneShot()).orElse(false);
        return oneShot ? s.state() == ContainerState.EXITED && s.exitCode().orElse(-1) == 0 : s.isReady();
    }

    private static String names(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
    }

    /**
     * Whether a run acts on the step: an optional step whose fix is commands for the user (the CA where the app
     * cannot use the trust store) is reported, not attempted, so a second run still changes nothing.
     */
    static boolean actsOn(Definition d, SetupStep step) {
        boolean open = step.state() == SetupState.TODO || step.state() == SetupState.FAILED;
        return open && !(d.optional() && !step.action().startsWith("colima-services "));
    }

    /** Does the step's work; the next check says whether it is done. @throws UserError with cause and fix */
    static void act(Definition d, SetupLive live, SetupUseCase.Confirmation confirmation, Consumer<String> lines) {
        SetupUseCase.Ports p = live.ports();
        switch (d.id()) {
            case "colima" -> throw new UserError(UserError.Kind.VM, "Colima and the docker CLI are not installed",
                    "install them with Homebrew: brew install colima docker");
            case "vm" -> {
                VmSpec spec = p.vm().spec(Optional.empty());
                if (live.vm().phase() == VmPhase.RUNNING) {
                    p.vm().restart(spec, VmRuntime.START_DEADLINE, lines::accept);
                } else {
                    p.vm().start(spec, VmRuntime.START_DEADLINE, lines::accept);
                }
            }
            case "docker" -> {
                Optional<SocketDiagnosis> diagnosis = live.colimaSkipped().isEmpty()
                        ? live.vm().socketDiagnosis() : Optional.empty();
                if (diagnosis.map(s -> s.fix() == SocketFix.RESTART_VM).orElse(false)) {
                    p.vm().restart(p.vm().spec(Optional.empty()), VmRuntime.START_DEADLINE, lines::accept);
                    return;
                }
                UserError failure = live.listing().failure().orElseThrow();
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, diagnosis.map(SocketDiagnosis::detail)
                        .orElse(failure.getMessage()), diagnosis.map(SocketDiagnosis::fixText)
                        .filter(t -> !t.isEmpty()).orElse(failure.hint()));
            }
            case "compose" -> throw new UserError(UserError.Kind.CONFIGURATION, "no compose CLI answers",
                    "install one: brew install docker-compose (or the docker compose plugin)");
            case "images" -> pull(live, lines);
            case "vault-init" -> initVault(live, confirmation, lines);
            case "vault-unseal" -> {
                if (p.vault().storedKeys().shares() == 0) {
                    throw new UserError(UserError.Kind.VAULT, "Vault is sealed and no unseal shares are stored in "
                            + p.vault().storeDescription(), "unseal it: colima-services vault unseal --key-stdin");
                }
                VaultState state = p.vault().unsealWithStoredShares(s -> { }).state();
                lines.accept("Vault is " + state.phase().label());
            }
            case "vault-bootstrap" -> p.vault().bootstrap(lines);
            case "agent" -> up(live, List.of(VaultServices.AGENT), lines);
            case "redis-cluster" -> up(live, List.of(REDIS_INIT), lines);
            case "forgejo-admin" -> up(live, List.of(FORGEJO_INIT), lines);
            case "ca" -> {
                TrustReport trust = p.ca().trust().status().trust();
                if (!trust.trusted()) {
                    throw new UserError(UserError.Kind.OTHER, "the stack's CA cannot be trusted here: "
                            + trust.detail(), trust.commands().isEmpty() ? "colima-services ca trust"
                            : "run: " + String.join(" && ", trust.commands()));
                }
            }
            case "tier" -> {
                // Only what is not ready: a one-shot job that completed is not run again.
                StackSnapshot now = snapshot(live);
                up(live, live.targets().stream().filter(s -> !ready(now, live, s)).toList(), lines);
            }
            default -> throw new IllegalArgumentException(d.id());
        }
    }

    private static void pull(SetupLive live, Consumer<String> lines) {
        List<String> targets = live.targets();
        lines.accept("pulling the images of " + live.tierName());
        try (PullUseCase.Session session = live.ports().pulls().start(targets, PullPolicy.DEFAULT, step -> { })) {
            PullResult result = session.await();
            result.images().forEach(i -> lines.accept(i.image() + ": " + i.state().label()));
            if (!result.succeeded()) {
                boolean unreachable = result.engineUnreachable().isPresent();
                throw new UserError(unreachable ? UserError.Kind.DOCKER_UNREACHABLE : UserError.Kind.SERVICE_FAILED,
                        "could not pull " + names(result.failed().stream().map(i -> i.image().toString()).toList()),
                        "see colima-services pull " + String.join(" ", targets) + " for each image's cause");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.OTHER, "setup interrupted while pulling images");
        }
    }

    private static void initVault(SetupLive live, SetupUseCase.Confirmation confirmation, Consumer<String> lines) {
        VaultUseCase vault = live.ports().vault();
        if (live.vault().phase() == VaultPhase.DOWN || live.vault().phase() == VaultPhase.UNKNOWN) {
            ActionResult started = live.ports().stack().up(List.of(VaultServices.VAULT), live.ports().timeout(),
                    step -> lines.accept(step.describe()));
            VaultState now = vault.status();
            if (now.phase() == VaultPhase.DOWN || now.phase() == VaultPhase.UNKNOWN) {
                throw new UserError(UserError.Kind.VAULT, "Vault at " + vault.address() + " does not answer"
                        + started.failure().map(f -> ": " + f.describe()).orElse(""),
                        "colima-services logs " + VaultServices.VAULT);
            }
            if (now.phase() != VaultPhase.UNINITIALIZED) {
                return;
            }
        }
        String store = vault.storeDescription();
        if (!confirmation.confirm("Initialize Vault at " + vault.address() + "? This creates " + SHARES
                + " unseal key shares (" + THRESHOLD + " unseal it) and a root token, kept in " + store + ".")) {
            throw new UserError(UserError.Kind.CONFIGURATION, "Vault initialization was not confirmed",
                    "run setup again and answer yes, or run: colima-services setup --yes");
        }
        io.colimaservices.domain.VaultOperations.InitOutcome outcome = vault.init(SHARES, THRESHOLD);
        lines.accept(outcome.shares() + " unseal key shares (" + outcome.threshold() + " needed) and the root token "
                + "are stored in " + outcome.storedIn() + "; keep a copy elsewhere: colima-services vault "
                + "export-shares FILE");
    }

    private static void up(SetupLive live, List<String> targets, Consumer<String> lines) {
        ActionResult result = live.ports().stack().up(targets, live.ports().timeout(), step -> {
            if (!(step instanceof StackProgress.ToolOutput)) {
                lines.accept(step.describe());
            }
        });
        if (result.cancelled()) {
            throw new UserError(UserError.Kind.OTHER, "cancelled");
        }
        result.failure().ifPresent(f -> {
            throw new UserError(UserError.Kind.SERVICE_FAILED, f.describe(), "colima-services logs " + f.service());
        });
    }
}
