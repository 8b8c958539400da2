package io.colimaservices.exec;

import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.docker.DockerExec;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.LocalTerminal;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled compose file's client labels, run as {@code shell SERVICE --client} runs them, in a stand-in
 * container that has the stack's secret files and stand-in clients that print what they were given: the labels
 * survive compose's and the app's interpolation, read the right files, keep passwords off the command line where
 * the client allows it, and pass arguments on. The real clients run only on a Mac with the real images.
 */
class ClientLabelsIT {
    private static ComposeProject project;
    private static DockerExec exec;
    private static String box;
    private static Catalog bundled;

    @BeforeAll
    static void up() {
        project = Sleepers.project(Sleepers.service("box", "environment:", "  REDIS_PORT: \"6380\""));
        box = project.containerId("box");
        String clients = "for c in psql mysql mongosh redis-cli rabbitmqctl; do "
                + "printf '#!/bin/sh\\necho \"%s env=$PGPASSWORD$MYSQL_PWD$REDISCLI_AUTH args=$*\"\\n' $c > /bin/$c; "
                + "chmod 755 /bin/$c; done";
        String secrets = "mkdir -p /run/secrets/colima && cd /run/secrets/colima && printf dev_user > username && "
                + "printf 's3cret pass' > password && printf dev_database > database";
        Processes.run(null, 30, "docker", "exec", box, "sh", "-c", clients + " && " + secrets).orFail("stand-ins");
        exec = Sleepers.exec();
        bundled = new ComposeCatalogLoader(Map.of()).load(
                Path.of(System.getProperty("project.basedir", "."), "compose", "docker-compose.yml"));
    }

    @AfterAll
    static void down() {
        if (exec != null) {
            exec.close();
        }
        if (project != null) {
            project.close();
        }
    }

    /** Every service's exec lands in the stand-in container. */
    private static final ContainerExec INTO_BOX = new ContainerExec() {
        @Override
        public ExecTarget locate(String project, String service) {
            return new ExecTarget(service, Optional.of(box), ContainerState.RUNNING);
        }

        @Override
        public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
            return exec.start(containerId, request, io);
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres | psql env=s3cret pass args=-U dev_user -d dev_database -c select 1",
        "mysql    | mysql env=s3cret pass args=-u dev_user -D dev_database -c select 1",
        "mongodb  | mongosh env= args=--username dev_user --password s3cret pass --authenticationDatabase admin dev_database -c select 1",
        "redis-1  | redis-cli env=s3cret pass args=-c -p 6380 -c select 1",
        "redis-3  | redis-cli env=s3cret pass args=-c -p 6380 -c select 1",
        "rabbitmq | rabbitmqctl env= args=-c select 1"})
    void theClientIsCalledWithTheServicesCredentials(String service, String expected) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ServiceShell.Result result = new ServiceShell(bundled, "any", INTO_BOX, LocalTerminal.NONE).run(
                new ServiceShell.Request(service, ServiceShell.Mode.CLIENT, List.of("-c", "select 1"), false),
                new ExecIo(Optional.empty(), out, err));
        assertThat(result.exitCode()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(expected);
    }
}
