package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineAssemblerTest {
    private static final String T1 = "2026-11-27T10:00:00.000000001Z";
    private static final String T2 = "2026-11-27T10:00:00.500000000Z";
    private final List<LogLine> lines = new ArrayList<>();
    private final LogLineAssembler assembler = new LogLineAssembler("svc", lines::add);

    private void frame(LogSource source, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Surround with junk to prove offsets are honoured and the buffer may be reused.
        byte[] padded = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        assembler.accept(source, padded, 3, bytes.length, true);
        java.util.Arrays.fill(padded, (byte) 'X');
    }

    @Test
    void oneMessagePerLineWithItsTimestamp() {
        frame(LogSource.STDOUT, T1 + " hello\n");
        frame(LogSource.STDERR, T2 + " oops\n");

        assertThat(lines).containsExactly(
                new LogLine("svc", Instant.parse(T1), LogSource.STDOUT, "hello"),
                new LogLine("svc", Instant.parse(T2), LogSource.STDERR, "oops"));
    }

    @Test
    void aLongLineSplitByTheDaemonIsJoinedAndKeepsItsFirstTimestamp() {
        frame(LogSource.STDOUT, T1 + " first part, ");
        frame(LogSource.STDERR, T2 + " interleaved stderr\n");
        frame(LogSource.STDOUT, T2 + " second part\n");

        assertThat(lines).extracting(LogLine::text).containsExactly("interleaved stderr", "first part, second part");
        assertThat(lines.get(1).time()).isEqualTo(Instant.parse(T1));
    }

    @Test
    void multiByteCharacterSplitAcrossFramesDecodesWhole() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes((T1 + " price: 5").getBytes(StandardCharsets.UTF_8));
        a.write(euro, 0, 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((T2 + " ").getBytes(StandardCharsets.UTF_8));
        b.write(euro, 1, 2);
        b.writeBytes(" and \u00e9\n".getBytes(StandardCharsets.UTF_8));

        assembler.accept(LogSource.STDOUT, a.toByteArray(), 0, a.size(), true);
        assembler.accept(LogSource.STDOUT, b.toByteArray(), 0, b.size(), true);

        assertThat(lines).extracting(LogLine::text).containsExactly("price: 5\u20ac and \u00e9");
    }

    @Test
    void hundredKibLineInDaemonSizedPiecesSurvivesIntact() {
        String line = "x".repeat(100 * 1024);
        for (int i = 0; i < line.length(); i += 16 * 1024) {
            String piece = line.substring(i, Math.min(line.length(), i + 16 * 1024));
            frame(LogSource.STDOUT, T1 + " " + piece + (i + 16 * 1024 >= line.length() ? "\n" : ""));
        }

        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().text()).isEqualTo(line);
    }

    @Test
    void aLineBeyondTheLimitIsCutNotHeldForever() {
        byte[] chunk = (T1 + " " + "y".repeat(600 * 1024)).getBytes(StandardCharsets.UTF_8);
        assembler.accept(LogSource.STDOUT, chunk, 0, chunk.length, true);
        assembler.accept(LogSource.STDOUT, chunk, 0, chunk.length, true);

        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().text()).hasSize(LogLineAssembler.MAX_LINE_BYTES);
        assembler.finish();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).text()).hasSize(1200 * 1024 - LogLineAssembler.MAX_LINE_BYTES);
    }

    @Test
    void rawTtyStreamSplitsOnNewlinesAndStripsCarriageReturns() {
        byte[] data = (T1 + " one\r\n" + T2 + " tw").getBytes(StandardCharsets.UTF_8);
        assembler.accept(LogSource.STDOUT, data, 0, data.length, false);
        byte[] rest = "o\r\n".getBytes(StandardCharsets.UTF_8);
        assembler.accept(LogSource.STDOUT, rest, 0, rest.length, false);

        assertThat(lines).containsExactly(
                new LogLine("svc", Instant.parse(T1), LogSource.STDOUT, "one"),
                new LogLine("svc", Instant.parse(T2), LogSource.STDOUT, "two"));
    }

    @Test
    void unfinishedLineIsEmittedAtTheEnd() {
        frame(LogSource.STDOUT, T1 + " no newline");
        assertThat(lines).isEmpty();

        assembler.finish();

        assertThat(lines).extracting(LogLine::text).containsExactly("no newline");
    }

    @Test
    void untimedStreamKeepsALineThatStartsWithADate() {
        LogLineAssembler untimed = new LogLineAssembler("svc", lines::add, false);
        byte[] data = (T1 + " app started\n").getBytes(StandardCharsets.UTF_8);

        untimed.accept(LogSource.STDOUT, data, 0, data.length, true);

        assertThat(lines).extracting(LogLine::text).containsExactly(T1 + " app started");
    }

    @Test
    void timestampsParseLikeInstantParse() {
        byte[] t = "1999-12-31T23:59:59.999999999Z ".getBytes(StandardCharsets.US_ASCII);
        assertThat(DockerTimestamps.length(t, 0, t.length)).isEqualTo(30);
        assertThat(DockerTimestamps.parse(t, 0, 30)).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999999Z"));
        byte[] leap = "2024-02-29T00:00:00.000000000Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(DockerTimestamps.parse(leap, 0, 30)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        byte[] offset = "2026-01-01T01:00:00+01:00 ".getBytes(StandardCharsets.US_ASCII);
        assertThat(DockerTimestamps.parse(offset, 0, 25)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
