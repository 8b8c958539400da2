package io.colimaservices.bench;

import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogFrameSink;
import io.colimaservices.domain.LogLineAssembler;
import io.colimaservices.domain.LogSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The pipeline's own CPU cost per line, without Docker: frames from memory through assembler and buffer. */
public final class PipelineCost {
    public static void main(String[] args) {
        int lines = 2_000_000;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 1; i <= lines; i++) {
            byte[] payload = ("2026-11-27T02:54:23.024452078Z " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            frames.write(1);
            frames.write(new byte[] {0, 0, 0, 0, 0, 0, (byte) payload.length}, 0, 7);
            frames.writeBytes(payload);
        }
        byte[] data = frames.toByteArray();
        for (int round = 0; round < 5; round++) {
            LogBuffer buffer = new LogBuffer(lines);
            LogLineAssembler assembler = new LogLineAssembler("svc", buffer::append);
            long t0 = System.nanoTime();
            int p = 0;
            while (p < data.length) {
                int size = data[p + 7] & 0xff;
                assembler.accept(LogSource.STDOUT, data, p + 8, size, true);
                p += 8 + size;
            }
            long t1 = System.nanoTime();
            System.out.printf("round %d: %,d lines in %.3f s = %,.0f lines/s%n", round, buffer.size(),
                    (t1 - t0) / 1e9, buffer.size() / ((t1 - t0) / 1e9));
        }
    }
}
