package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field values checked against connector metadata before the institution is contacted (docs/protocol.md §3.3). */
class FieldValidatorTest {

    static final FieldSpec LOGIN = new FieldSpec("login", "Login", null, FieldType.TEXT, true, "[a-z]+", List.of(),
            List.of(), Set.of());
    static final FieldSpec MODE = new FieldSpec("mode", "Mode", null, FieldType.LIST, false, null,
            List.of(new FieldSpec.Choice("a", "A"), new FieldSpec.Choice("b", "B")), List.of(), Set.of());
    static final List<FieldSpec> FIELDS = List.of(LOGIN, MODE);

    @Test
    void creationRequiresEveryRequiredField() {
        assertThatThrownBy(() -> FieldValidator.forCreation(FIELDS, Map.of("mode", "a")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.CONFIG);
                    assertThat(e.getMessage()).contains("\"login\"").contains("required");
                });
    }

    @Test
    void aValueMustMatchTheWholeRegex() {
        assertThatThrownBy(() -> FieldValidator.forCreation(FIELDS, Map.of("login", "abc1")))
                .hasMessageContaining("does not match");
    }

    @Test
    void aListValueMustBeOneOfItsValuesAndTheErrorListsThem() {
        assertThatThrownBy(() -> FieldValidator.forCreation(FIELDS, Map.of("login", "abc", "mode", "z")))
                .hasMessageContaining("Value \"z\" is not in list: a, b");
    }

    @Test
    void updatesCheckOnlyWhatIsPosted() {
        assertThatCode(() -> FieldValidator.forUpdate(FIELDS, Map.of("mode", "b"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FieldValidator.forUpdate(FIELDS, Map.of("mode", "z"))).isInstanceOf(ApiException.class);
    }
}
