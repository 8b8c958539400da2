package io.colimaservices.backup;

import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.docker.DockerExec;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.backup.BackupMode;
import io.colimaservices.domain.backup.ServicePlan;
import io.colimaservices.testing.BackupStandIns;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled compose file's backup labels, run as backups run them (through {@link ExecPipe}), in a stand-in
 * container that has the stack's secret files and stand-in tools recording what they were given: the labels survive
 * compose's and the app's interpolation, read the right files, keep passwords off command lines (mongosh's check
 * excepted: it takes none from anywhere else), and PostgreSQL's restore drops only the statements on the role it
 * connects as. The real tools run only on a Mac with the real images.
 */
class BackupLabelsIT {
    private static ComposeProject project;
    private static DockerExec exec;
    private static String box;
    private static Catalog bundled;

    @BeforeAll
    static void up() {
        BackupStandIns.ensureImage();
        project = ComposeProject.create("services:\n" + BackupStandIns.service("box", "boxdata", "/data")
                + "    environment:\n      REDIS_PORT: \"6381\"\nvolumes:\n  boxdata:\n");
        project.up("box");
        box = project.containerId("box");
        String tool = "#!/bin/sh\n"
                + "name=$(basename \"$0\")\n"
                + "echo \"$name env=$PGPASSWORD$MYSQL_PWD$REDISCLI_AUTH args=$*\" >> /tmp/calls.log\n"
                + "case \"$*\" in *--config*) f=${*##*--config }; echo \"config=$(cat \"$f\")\" >> /tmp/calls.log;; esac\n"
                + "case \"$name $*\" in\n"
                + "  pg_dumpall*) printf 'DROP DATABASE IF EXISTS dev_database;\\nDROP ROLE IF EXISTS dev_user;\\n"
                + "CREATE ROLE dev_user;\\nALTER ROLE dev_user WITH SUPERUSER;\\nCREATE ROLE other;\\n';;\n"
                + "  mysqldump*|mongodump*) echo \"DUMP-$name\";;\n"
                + "  *export_definitions*) echo '{\"vhosts\":[]}';;\n"
                + "  *list_vhosts*) echo other; echo dev_vhost;;\n"
                + "  mongosh*) echo 1;;\n"
                + "  redis-cli*) echo 7;;\n"
                + "  vault*) echo '{\"sealed\": false}';;\n"
                + "  psql*-c*|mysql*-e*) ;;\n"
                + "  *) echo \"stdin=$(tr '\\n' '|')\" >> /tmp/calls.log;;\n"
                + "esac\n";
        String install = "cat > /bin/standin && chmod 755 /bin/standin && for t in pg_dumpall psql mysqldump mysql "
                + "mongodump mongorestore mongosh rabbitmqctl redis-cli vault; do ln -sf standin /bin/$t; done && "
                + "mkdir -p /run/secrets/colima /dev/shm /data/gitea/conf /data/git && cd /run/secrets/colima && "
                + "printf dev_user > username && printf 's3cret' > password && printf dev_database > database && "
                + "printf 'r00t' > root_password && printf dev_vhost > vhost && echo x > /data/gitea/conf/app.ini";
        Processes.run(null, 30, tool.getBytes(StandardCharsets.UTF_8), "docker", "exec", "-i", box, "sh", "-c",
                install).orFail("stand-ins");
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

    @BeforeEach
    void clearLog() {
        Processes.run(null, 30, "docker", "exec", box, "sh", "-c", "rm -f /tmp/calls.log; touch /tmp/calls.log")
                .orFail("log");
    }

    private static ServicePlan plan(String service) {
        return ServicePlan.of(bundled.service(service).orElseThrow()).orElseThrow();
    }

    private static String run(String command, String stdin) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecPipe.Result result = new ExecPipe(exec).run(box, command,
                stdin == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(stdin.getBytes(
                        StandardCharsets.UTF_8))), out);
        assertThat(result.succeeded()).as("%s: %s", command, result.stderr()).isTrue();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String calls() {
        return Processes.run(null, 30, "docker", "exec", box, "cat", "/tmp/calls.log").orFail("log").output();
    }

    @Test
    void postgresDumpsEverythingAndItsRestoreSkipsOnlyItsOwnRoleStatements() throws Exception {
        ServicePlan plan = plan("postgres");
        String dump = run(plan.backupCommand().orElseThrow(), null);
        assertThat(calls()).contains("pg_dumpall env=s3cret args=--clean --if-exists -U dev_user");
        run(plan.restoreCommand().orElseThrow(), dump);
        String restore = calls();
        assertThat(restore).contains("psql env=s3cret args=-X -q -v ON_ERROR_STOP=1 -U dev_user -d postgres",
                "stdin=DROP DATABASE IF EXISTS dev_database;|ALTER ROLE dev_user WITH SUPERUSER;|CREATE ROLE other;|");
        run(plan.checkCommand().orElseThrow(), null);
        assertThat(calls()).contains("-U dev_user -d dev_database -c select count(*) from pg_catalog.pg_tables");
    }

    @Test
    void mysqlDumpsEveryDatabaseAsRootWithThePasswordInTheEnvironment() throws Exception {
        ServicePlan plan = plan("mysql");
        assertThat(run(plan.backupCommand().orElseThrow(), null)).isEqualTo("DUMP-mysqldump\n");
        run(plan.restoreCommand().orElseThrow(), "SQL");
        run(plan.checkCommand().orElseThrow(), null);
        assertThat(calls()).contains("mysqldump env=r00t args=-u root --all-databases --single-transaction --routines "
                        + "--events --triggers --flush-privileges --set-gtid-purged=OFF",
                "mysql env=r00t args=-u root\nstdin=SQL\n",
                "mysql env=r00t args=-u root -N -e SELECT COUNT(*) FROM information_schema.tables dev_database");
    }

    @Test
    void mongodbPassesThePasswordInAFileInMemoryThatIsGoneAfterwards() throws Exception {
        ServicePlan plan = plan("mongodb");
        assertThat(run(plan.backupCommand().orElseThrow(), null)).isEqualTo("DUMP-mongodump\n");
        run(plan.restoreCommand().orElseThrow(), "ARCHIVE");
        run(plan.checkCommand().orElseThrow(), null);
        String calls = calls();
        assertThat(calls).contains("mongodump env= args=--quiet --archive --authenticationDatabase admin "
                + "--username dev_user --config /dev/shm/colima-backup-", "config=password: s3cret",
                "mongorestore env= args=--quiet --archive --drop --authenticationDatabase admin --username dev_user",
                "stdin=ARCHIVE\n");
        assertThat(calls.lines().filter(l -> l.startsWith("mongodump") || l.startsWith("mongorestore")))
                .noneMatch(l -> l.contains("s3cret"));
        assertThat(Processes.run(null, 30, "docker", "exec", box, "ls", "/dev/shm").output().strip()).isEmpty();
    }

    @Test
    void rabbitmqExportsAndImportsItsDefinitions() throws Exception {
        ServicePlan plan = plan("rabbitmq");
        assertThat(run(plan.backupCommand().orElseThrow(), null)).isEqualTo("{\"vhosts\":[]}\n");
        run(plan.restoreCommand().orElseThrow(), "{}");
        run(plan.checkCommand().orElseThrow(), null);
        assertThat(calls()).contains("rabbitmqctl env= args=-q export_definitions -",
                "rabbitmqctl env= args=-q import_definitions\nstdin={}\n", "args=-q list_vhosts");
    }

    @Test
    void volumeServicesDeclareTheirVolumesAndChecks() throws Exception {
        assertThat(plan("vault").mode()).isEqualTo(BackupMode.VOLUMES);
        assertThat(plan("vault").volumes()).containsExactly("vault_data");
        assertThat(plan("redis-2").volumes()).containsExactly("redis_data_2");
        assertThat(plan("forgejo").volumes()).containsExactly("forgejo_data");
        assertThat(plan("forgejo").startsForVerify()).isFalse();
        assertThat(plan("vault").startsForVerify()).isTrue();
        run(plan("vault").checkCommand().orElseThrow(), null);
        run(plan("redis-3").checkCommand().orElseThrow(), null);
        run(plan("forgejo").checkCommand().orElseThrow(), null);
        assertThat(calls()).contains("vault env= args=status -format=json -address=http://127.0.0.1:8200",
                "redis-cli env=s3cret args=-p 6381 dbsize");
        for (String none : new String[] {"vault-agent", "pgbouncer", "grafana", "prometheus"}) {
            assertThat(ServicePlan.of(bundled.service(none).orElseThrow())).as(none).isEmpty();
        }
    }
}
