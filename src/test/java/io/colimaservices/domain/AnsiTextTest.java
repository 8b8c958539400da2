package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnsiTextTest {
    @Test
    void parsesSgrColoursAndResets() {
        var spans = AnsiText.parse("plain \u001b[1;31mbold red\u001b[0m back \u001b[38;5;208morange\u001b[39m"
                + "\u001b[48;2;1;2;3m bg");

        assertThat(spans).extracting(AnsiText.Span::text)
                .containsExactly("plain ", "bold red", " back ", "orange", " bg");
        assertThat(spans.get(1).style()).isEqualTo(AnsiStyle.PLAIN.withForeground(1).withBold(true));
        assertThat(spans.get(2).style()).isEqualTo(AnsiStyle.PLAIN);
        assertThat(spans.get(3).style().foreground()).isEqualTo(208);
        assertThat(spans.get(4).style().background()).isEqualTo(AnsiStyle.RGB | 0x010203);
        assertThat(spans.get(4).style().foreground()).isEqualTo(AnsiStyle.NONE);
    }

    @Test
    void brightColoursMapAboveEight() {
        assertThat(AnsiText.parse("\u001b[92mok").getFirst().style().foreground()).isEqualTo(10);
    }

    @Test
    void otherEscapesAreDroppedNeverShownRaw() {
        String text = "\u001b]0;title\u0007a\u001b[2Kb\u001b[?25lc\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\";

        assertThat(AnsiText.strip(text)).isEqualTo("abclink");
        assertThat(AnsiText.parse(text)).extracting(AnsiText.Span::text).containsExactly("abclink");
    }

    @Test
    void stripLeavesPlainTextAlone() {
        assertThat(AnsiText.strip("no escapes here")).isEqualTo("no escapes here");
        assertThat(AnsiText.strip("\u001b[31mred\u001b[m")).isEqualTo("red");
    }
}
