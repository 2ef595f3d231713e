package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BodyParamsTest {

    /** In the body's order: the first JSON object or array is {@code name}. */
    private static final BodyParams BODY = BodyParams.of(inOrder("login", "jane", "name", "{\"x\":1}",
            "events", "[\"USER_CREATED\"]", "tags", "[\"a\"]", "empty", ""), Set.of("name", "events", "tags"));

    private static Map<String, String> inOrder(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    static Stream<Consumer<BodyParams>> scalarReads() {
        return Stream.of(body -> body.string("name"), body -> body.value("name"), body -> body.require("name"),
                body -> body.text("name", 100), body -> body.bool("name"), body -> body.number("name"), BodyParams::asMap);
    }

    @ParameterizedTest
    @MethodSource("scalarReads")
    void everyReadOfTextRefusesAJsonObjectOrArray(Consumer<BodyParams> read) {
        assertThatThrownBy(() -> read.accept(BODY))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE);
                    assertThat(e.description()).isEqualTo("'name' must be a string, number or boolean");
                });
    }

    @Test
    void aParameterThatTakesJsonHandsOutItsText() {
        assertThat(BODY.json("events")).contains("[\"USER_CREATED\"]");
        assertThat(BODY.requireJson("events")).isEqualTo("[\"USER_CREATED\"]");
        assertThat(BODY.json("login")).contains("jane");
    }

    @Test
    void textValuesReadAsBefore() {
        assertThat(BODY.string("login")).contains("jane");
        assertThat(BODY.string("empty")).isEmpty();
        assertThat(BODY.value("empty")).contains("");
        assertThat(BodyParams.of(Map.of("login", "jane")).asMap()).containsEntry("login", "jane");
    }

    @Test
    void aMissingJsonParameterIsAMissingParameter() {
        assertThatThrownBy(() -> BODY.requireJson("config"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.MISSING_PARAMETER));
    }
}
