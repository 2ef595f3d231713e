package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireIntegerTest {

    @Test
    void asciiDigitsWithAnOptionalMinusAreIntegers() {
        assertThat(WireInteger.parse("42")).hasValue(42);
        assertThat(WireInteger.parse(" 007 ")).hasValue(7);
        assertThat(WireInteger.parse("-1")).hasValue(-1);
        assertThat(WireInteger.parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(WireInteger.parse("-9223372036854775808")).hasValue(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+1", "\uFF11", "\u0661", "0x1", "#1", "1.0", "1e3", "9223372036854775808",
            "99999999999999999999", "1 2"})
    void anythingElseIsNoInteger(String raw) {
        assertThat(WireInteger.parse(raw)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aRequiredIntegerNamesItsParameterWhenRefused() {
        assertThatThrownBy(() -> WireInteger.require("limit", "ten"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.description()).isEqualTo("'limit' must be an integer"));
    }
}
