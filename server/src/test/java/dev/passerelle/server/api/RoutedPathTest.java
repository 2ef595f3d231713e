package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class RoutedPathTest {

    @ParameterizedTest
    @CsvSource({
            "/2.0/auth/token, /auth/token",
            "/2.0/auth;x/token, /auth/token",
            "/2.0/%61uth/token, /auth/token",
            "/2.0/auth/token;jsessionid=1, /auth/token",
            "/2.0/users/me/connections;a=b/, /users/me/connections/",
            "/2.0/console/, /console/"})
    void aPathIsReadAsTheMappingsMatchIt(String uri, String routed) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContextPath("/2.0");

        assertThat(RoutedPath.of(request)).isEqualTo(routed);
    }

    @ParameterizedTest
    @CsvSource({"/2.0/%zz/x, /%zz/x", "/2.0/a%/x;p, /a%/x;p"})
    void aPathWhoseEscapesDecodeToNothingIsGivenAsWritten(String uri, String written) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath("/2.0");

        assertThat(RoutedPath.of(request)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"/auth;x/init, /auth/init", "/users/me/%63onnections, /users/me/connections", "/%zz, /%zz"})
    void aPathWrittenInAnAddressIsReadTheSameWay(String written, String routed) {
        assertThat(RoutedPath.of(written)).isEqualTo(routed);
    }
}
