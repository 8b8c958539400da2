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
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-wired composition root shared by the CLI and the desktop app: builds each part on first use, so a
 * command that needs only the catalog never touches Docker.
 */
public class AppContext implements AutoCloseable {
    private final LaunchOptions options;
    private final Map<String, String> environment;
    private final ColimaPaths colimaPaths;
    private Catalog catalog;
    private DockerEngine engine;

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

    /** Where the stack's containers read what the app writes for them (bind-mounted by the compose file). */
    public Path stackRuntimeDir() {
        return AppDirectories.forCurrentUser().runtime();
    }

    /** The compose CLI, pointed at the same files, project and engine as the app. */
    public ServiceProvisioner provisioner() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DOCKER_HOST", dockerHost().display());
        env.put("COLIMA_SERVICES_RUNTIME", stackRuntimeDir().toString());
        return new ComposeCli(ComposeCli.detect(), catalog().files(), projectName(), env, ComposeCli.DEADLINE);
    }

    public synchronized ContainerEngine engine() {
        if (engine == null) {
            engine = new DockerEngine(dockerHost());
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
