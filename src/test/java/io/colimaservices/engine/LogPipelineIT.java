package io.colimaservices.engine;

import io.colimaservices.cli.CliRun;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.LogSource;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The log pipeline against real daemon output: floods, huge lines, split characters, interleaved stderr. */
class LogPipelineIT {
    private static final int FLOOD = 200_000;
    /** 34,134 euro signs: 102,402 bytes, so the daemon's 16 KiB split falls inside a 3-byte character. */
    private static final int EUROS = 34_134;

    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
              labels: {io.colima-services.group: data}
              restart: "no"
            services:
              flood:
                <<: *base
                command: ["sh", "-c", "seq 1 %d; echo done"]
              wide:
                <<: *base
                command: ["sh", "-c", "echo before; yes '\u20ac' | head -n %d | tr -d '\\\\n'; echo; echo after"]
              mixed:
                <<: *base
                command: ["sh", "-c", "i=0; while [ $$i -lt 500 ]; do echo out $$i; echo err $$i >&2; i=$$((i+1)); done"]
              colours:
                <<: *base
                command: ["sh", "-c", "printf 'plain \\\\033[1;32mgreen\\\\033[0m end\\\\n'"]
            """.formatted(FLOOD, EUROS);

    private static ComposeProject project;
    private static LiveStack live;

    @BeforeAll
    static void runProducers() {
        project = ComposeProject.create(COMPOSE);
        project.up("flood", "wide", "mixed", "colours");
        live = new LiveStack(project, Optional.empty());
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("flood", "wide", "mixed", "colours").stream()
                .allMatch(s -> live.store.current().status(s).exitCode().isPresent()));
    }

    @AfterAll
    static void cleanUp() {
        if (live != null) {
            live.close();
        }
        if (project != null) {
            project.close();
        }
    }

    private static List<LogLine> read(String service, int tail) throws InterruptedException {
        try (LogSession logs = new LogSession(live.context.engine(), s -> live.store.current().status(s).containerId(),
                List.of(service), new LogRequest(false, tail, Optional.empty()), 1_000_000).start()) {
            assertThat(logs.awaitEnd(Duration.ofSeconds(60))).isTrue();
            return new ArrayList<>(logs.drain(Integer.MAX_VALUE).lines());
        }
    }

    @Test
    void floodArrivesWholeAndInOrder() throws InterruptedException {
        List<LogLine> lines = read("flood", FLOOD + 10);

        assertThat(lines).hasSize(FLOOD + 1);
        for (int i = 0; i < FLOOD; i++) {
            if (!lines.get(i).text().equals(String.valueOf(i + 1))) {
                throw new AssertionError("line " + i + " is '" + lines.get(i).text() + "'");
            }
        }
        assertThat(lines.getLast().text()).isEqualTo("done");
    }

    @Test
    void tailIsHonoured() throws InterruptedException {
        assertThat(read("flood", 3)).extracting(LogLine::text).containsExactly(
                String.valueOf(FLOOD - 1), String.valueOf(FLOOD), "done");
    }

    /**
     * The daemon cuts lines longer than 16 KiB into several messages. Its json-file driver stores each piece as a
     * JSON string, so a character cut in two there is already U+FFFD on disk (docker logs shows the same): the
     * app cannot do better than the daemon, and must not do worse. Characters split across frames are checked
     * byte by byte in LogLineAssemblerTest.
     */
    @Test
    void hundredKibLineOfMultiByteCharactersMatchesTheDockerCli() throws InterruptedException {
        List<LogLine> lines = read("wide", 10);
        String cli = io.colimaservices.testing.Processes.run(null, 60, "docker", "logs",
                project.containerId("wide")).orFail("docker logs").output();

        assertThat(lines).extracting(LogLine::text).containsExactlyElementsOf(cli.lines().toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).text()).hasSizeGreaterThanOrEqualTo(EUROS).matches("[\u20ac\ufffd]+");
        assertThat(lines.get(2).text()).isEqualTo("after");
    }

    @Test
    void stderrIsMarkedAndInterleavedInOrder() throws InterruptedException {
        List<LogLine> lines = read("mixed", 2_000);

        assertThat(lines).hasSize(1_000);
        java.util.Map<String, LogLine> byText = new java.util.HashMap<>();
        lines.forEach(l -> byText.put(l.text(), l));
        for (int i = 0; i < 500; i++) {
            LogLine out = byText.get("out " + i);
            LogLine err = byText.get("err " + i);
            assertThat(out.source()).isEqualTo(LogSource.STDOUT);
            assertThat(err.source()).isEqualTo(LogSource.STDERR);
            assertThat(out.time()).isBeforeOrEqualTo(err.time());
        }
    }

    @Test
    void cliMergesServicesMarksStderrAndStripsColourOnRequest() {
        CliRun merged = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                "logs", "mixed", "colours", "--tail", "2000");
        CliRun plain = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                "logs", "colours", "--no-color");

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("mixed   ! err 499").contains("mixed   | out 499")
                .contains("colours | plain \u001b[1;32mgreen\u001b[0m end");
        assertThat(plain.out()).isEqualTo("plain green end" + System.lineSeparator());
    }
}
