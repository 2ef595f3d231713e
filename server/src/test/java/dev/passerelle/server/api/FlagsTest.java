package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "true", "TRUE", "1", "yes"})
    void valueLessAndTruthyFlagsAreOn(String raw) {
        assertThat(Flags.isOn("all", raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "no"})
    void falsyFlagsAreOff(String raw) {
        assertThat(Flags.isOn("all", raw)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anAbsentFlagIsOff() {
        assertThat(Flags.isOn("all", null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void garbageIsAnInvalidValue() {
        assertThatThrownBy(() -> Flags.isOn("all", "maybe")).isInstanceOf(ApiException.class);
    }
}
