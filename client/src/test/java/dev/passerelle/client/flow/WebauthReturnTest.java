package dev.passerelle.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The final redirect of a webauth journey as a browser may bring it, forged included. */
class WebauthReturnTest {

    @ParameterizedTest
    @ValueSource(strings = {"12abc", "-5", "99999999999999999999", "%0a"})
    void aConnectionIdThatIsNotANumberIsNotASuccess(String id) {
        WebauthReturn back = WebauthReturn.parse(URI.create("https://app.example/cb?id_connection=" + id + "&state=s"));

        assertThat(back.succeeded()).isFalse();
        assertThat(back.idConnection()).isNull();
        assertThat(back.state()).isEqualTo("s");
    }
}
