package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {
    private static LogLine line(int n) {
        return new LogLine("svc", Instant.ofEpochSecond(n), LogSource.STDOUT, "line " + n);
    }

    @Test
    void dropsTheOldestAndCountsThem() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.append(line(i));
        }

        assertThat(buffer.dropped()).isEqualTo(2);
        assertThat(buffer.size()).isEqualTo(3);
        LogBuffer.Batch all = buffer.readFrom(0, 10);
        assertThat(all.skipped()).isEqualTo(2);
        assertThat(all.lines()).extracting(LogLine::text).containsExactly("line 2", "line 3", "line 4");
        assertThat(all.nextSeq()).isEqualTo(5);
    }

    @Test
    void readersTakeOnlyWhatIsNew() {
        LogBuffer buffer = new LogBuffer(10);
        buffer.append(line(1));
        LogBuffer.Batch first = buffer.readFrom(0, 10);
        buffer.append(line(2));
        buffer.append(line(3));

        LogBuffer.Batch second = buffer.readFrom(first.nextSeq(), 1);
        LogBuffer.Batch third = buffer.readFrom(second.nextSeq(), 10);

        assertThat(second.lines()).extracting(LogLine::text).containsExactly("line 2");
        assertThat(third.lines()).extracting(LogLine::text).containsExactly("line 3");
        assertThat(buffer.readFrom(third.nextSeq(), 10).lines()).isEmpty();
    }
}
