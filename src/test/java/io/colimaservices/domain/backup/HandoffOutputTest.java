package io.colimaservices.domain.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffOutputTest {
    @Test
    void everyByteArrivesInOrder() throws IOException {
        byte[] data = new byte[3 * HandoffOutput.CHUNK_SIZE + 12_345];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        HandoffOutput handoff = new HandoffOutput(target, "test");
        for (int i = 0; i < data.length; i += 7_001) {
            handoff.write(data, i, Math.min(7_001, data.length - i));
        }
        handoff.write(42);
        handoff.finish();
        byte[] expected = java.util.Arrays.copyOf(data, data.length + 1);
        expected[data.length] = 42;
        assertThat(target.toByteArray()).isEqualTo(expected);
    }

    @Test
    void aFailureDownstreamReachesTheWriterAndNeverBlocksIt() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        HandoffOutput handoff = new HandoffOutput(full, "test");
        byte[] chunk = new byte[HandoffOutput.CHUNK_SIZE];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100 * HandoffOutput.CHUNKS; i++) {
                handoff.write(chunk);
            }
            handoff.finish();
        }).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        handoff.close();
    }
}
