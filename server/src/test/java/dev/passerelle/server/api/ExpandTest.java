package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpandTest {

    @Test
    void nestedExpansionsAreReachableThroughTheirParent() {
        Expand expand = Expand.parse("accounts,connector[countries,fields]");

        assertThat(expand.has("accounts")).isTrue();
        assertThat(expand.has("connector")).isTrue();
        assertThat(expand.child("connector").has("fields")).isTrue();
        assertThat(expand.has("fields")).isFalse();
    }

    @Test
    void deeplyNestedExpansionsParse() {
        Expand expand = Expand.parse("connection[connector[fields]]");

        assertThat(expand.child("connection").child("connector").has("fields")).isTrue();
    }

    @Test
    void blankOrAbsentExpandsNothing() {
        assertThat(Expand.parse(null).has("accounts")).isFalse();
        assertThat(Expand.parse(" ").has("accounts")).isFalse();
    }

    @Test
    void unbalancedBracketsAreAnInvalidValue() {
        assertThatThrownBy(() -> Expand.parse("connector[fields"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE));
        assertThatThrownBy(() -> Expand.parse("connector]"))
                .isInstanceOf(ApiException.class);
    }
}
