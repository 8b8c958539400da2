package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;

import java.util.Optional;

/** One look at the stack for a command: the catalog plus one listing of the engine. */
final class LiveStatus {
    private LiveStatus() {
    }

    /** @throws UserError of kind DOCKER_UNREACHABLE naming the host and where it came from */
    static StackSnapshot take(AppContext context) {
        StackSnapshot snapshot = empty(context);
        EngineInfo info = context.engine().ping();
        if (!info.reachable()) {
            throw unreachable(context.dockerHost(), info);
        }
        ContainerEngine engine = context.engine();
        return snapshot.withListing(info, engine.listProject(context.projectName()));
    }

    /** The catalog with every service absent and the engine not asked yet. */
    static StackSnapshot empty(AppContext context) {
        Catalog catalog = context.catalog();
        return StackSnapshot.initial(context.projectName(), catalog, Optional.empty(),
                context.dockerHost().display(), "", "");
    }

    static UserError unreachable(DockerHost host, EngineInfo info) {
        return new UserError(UserError.Kind.DOCKER_UNREACHABLE,
                "Docker unreachable at " + host.display() + " (" + host.source() + "): "
                        + info.error().orElse("no answer"),
                "start Colima (colima start), or point --docker-host / DOCKER_HOST at a running engine");
    }
}
