package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.client.Wire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {

    /** ESC, CSI in its C1 form, OSC 52 (write the clipboard), BEL, DEL, a bidi override and an isolate. */
    static final String HOSTILE = "PAYE\u001b[2J\u009b31m\u001b]52;c;ZWNobyBwd25lZA==\u0007\u007f\u202e05.21\u2066x\u2069";

    @Test
    void controlAndBidirectionalCharactersAreShownAsReplacementCharacters() {
        String shown = TerminalText.of(HOSTILE);

        assertThat(shown.chars().noneMatch(TerminalText::unsafe)).isTrue();
        assertThat(shown).startsWith("PAYE\uFFFD[2J\uFFFD31m\uFFFD]52;c;").contains("\uFFFD05.21\uFFFDx\uFFFD");
        assertThat(shown).hasSameSizeAs(HOSTILE);
    }

    @Test
    void lineBreaksAndTabsBecomeSpacesSoAValueStaysOnItsLine() {
        assertThat(TerminalText.of("VIR SEPA\r\nM. DUPONT\tloyer")).isEqualTo("VIR SEPA  M. DUPONT loyer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Compte chèque", "Café 🇫🇷 👨‍👩‍👧", "שלום", "مرحبا", ""})
    void printableTextOfEveryScriptIsLeftAsItIs(String text) {
        assertThat(TerminalText.of(text)).isSameAs(text);
    }

    @Test
    void jsonEscapesWhatJsonAllowsRawAndReadsBackTheSame() throws Exception {
        String json = TerminalText.JSON.writeValueAsString(Map.of("wording", HOSTILE));

        assertThat(json.chars().noneMatch(TerminalText::unsafe)).isTrue();
        assertThat(json).contains("\\u009b", "\\u202e", "\\u007F");
        assertThat(Wire.json().readTree(json).get("wording").asString()).isEqualTo(HOSTILE);
    }

    @Test
    void tableCellsAreShownSafely() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new Table("DATE", "WORDING").row("2026-12-07", HOSTILE).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().toList()).hasSize(2);
        assertThat(printed.chars().filter(c -> c != '\n').noneMatch(TerminalText::unsafe)).isTrue();
    }

    @Test
    void messagesAndPromptsToThePersonAreShownSafely() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(null, new ByteArrayInputStream("1234\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        terminal.say("✗ " + HOSTILE);
        terminal.ask(HOSTILE + ": ");
        terminal.spin(() -> HOSTILE).close();

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(String.join("", lines).chars().noneMatch(TerminalText::unsafe)).isTrue();
        assertThat(lines.getFirst()).startsWith("✗ PAYE\uFFFD[2J");
    }

    @Test
    void aServersMegabyteOfWordsIsCutToOneReadableLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(null, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        terminal.say("Error: bug: " + "words ".repeat(200_000));

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .hasSize(Terminal.MAX_LINE + 1).startsWith("Error: bug: words").endsWith("…");
    }
}
