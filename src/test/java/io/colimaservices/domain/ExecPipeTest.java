package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrapper's pid line comes off stderr; what follows is kept, its end when it is long. */
class ExecPipeTest {
    private static void write(ExecPipe.StderrKeeper keeper, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        keeper.write(bytes, 0, bytes.length);
    }

    @Test
    void thePidLineIsTakenOffEvenWhenItArrivesInPieces() {
        ExecPipe.StderrKeeper keeper = new ExecPipe.StderrKeeper();
        write(keeper, "colima-services-exec-");
        write(keeper, "pid 42\nreal error\n");
        assertThat(keeper.pid()).contains(42L);
        assertThat(keeper.text()).isEqualTo("real error\n");
    }

    @Test
    void withoutTheWrapperTheFirstLineIsKept() {
        ExecPipe.StderrKeeper keeper = new ExecPipe.StderrKeeper();
        write(keeper, "sh: not found\n");
        assertThat(keeper.pid()).isEmpty();
        assertThat(keeper.text()).isEqualTo("sh: not found\n");
    }

    @Test
    void onlyTheEndOfALongStderrIsKept() {
        ExecPipe.StderrKeeper keeper = new ExecPipe.StderrKeeper();
        write(keeper, ExecPipe.PID_MARK + "7\n");
        write(keeper, "x".repeat(ExecPipe.STDERR_KEPT) + "the end");
        assertThat(keeper.truncated()).isTrue();
        assertThat(keeper.text()).hasSize(ExecPipe.STDERR_KEPT).endsWith("xthe end");
    }

    @Test
    void theWrapperBecomesTheCommand() {
        assertThat(ExecPipe.wrapped("pg_dumpall | gzip")).containsExactly("/bin/sh", "-c",
                "echo \"colima-services-exec-pid $$\" >&2 && exec /bin/sh -c \"$1\"", "colima-services",
                "pg_dumpall | gzip");
    }
}
