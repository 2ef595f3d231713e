package dev.passerelle.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

    private static Map<String, List<String>> decode(String body, Charset charset) throws FormBody.Malformed {
        return FormBody.decode(body.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    @Test
    void decodesPercentEscapesPlusesRepeatsAndBareNames() throws FormBody.Malformed {
        assertThat(decode("login=j%C3%A9r%C3%B4me&note=a+b%2Bc&x=1&x=2&flag&&empty=", StandardCharsets.UTF_8))
                .containsExactly(Map.entry("login", List.of("jérôme")), Map.entry("note", List.of("a b+c")),
                        Map.entry("x", List.of("1", "2")), Map.entry("flag", List.of("")), Map.entry("empty", List.of("")));
    }

    @Test
    void honoursTheDeclaredCharset() throws FormBody.Malformed {
        assertThat(decode("password=mot%E9passe", StandardCharsets.ISO_8859_1)).containsEntry("password", List.of("motépasse"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"password=mot%E9passe", "a=%C3%28", "=x", "a=1&=2", "a=%ZZ", "a=50%", "a=%E", "%=1", "a=%ED%A0%80"})
    void refusesWhatIsNotValidUtf8PercentEncodingWithoutQuotingIt(String body) {
        assertThatThrownBy(() -> decode(body, StandardCharsets.UTF_8))
                .isInstanceOf(FormBody.Malformed.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("mot").doesNotContain("50"));
    }
}
