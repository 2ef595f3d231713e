package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delivery log's errors name what went wrong, never an exception class (docs/webhooks.md "Delivery log and replay"). */
class AttemptErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new UnknownHostException("nowhere.invalid"), "the URL's host does not resolve"),
                Arguments.of(new ConnectException("Connection refused"), "connection refused"),
                Arguments.of(new HttpHostConnectException("Connect to http://127.0.0.1:1 failed"), "connection refused"),
                Arguments.of(new SocketTimeoutException("Read timed out"), "timed out"),
                Arguments.of(new ConnectTimeoutException("Connect timed out"), "timed out"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), "TLS handshake failed"),
                Arguments.of(new SSLException("Unrecognized SSL message"), "TLS error"),
                Arguments.of(new NoHttpResponseException("127.0.0.1:1 failed to respond"), "no answer: the connection was closed"),
                Arguments.of(new ClientProtocolException("Invalid header"), "the answer is not valid HTTP"),
                Arguments.of(new SocketException("Connection reset"), "the connection failed"),
                Arguments.of(new EOFException(), "the call failed"),
                Arguments.of(new IOException("java.lang.Whatever"), "the call failed"),
                Arguments.of(new WebhookTargets.RefusedTarget(),
                        "the URL's host resolves to a non-public address (passerelle.webhooks.allow-private-targets is off)"),
                Arguments.of(new WebhookSender.TokenRefused("HTTP 401"), "HTTP 401"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachKindOfFailureIsOnePlainMessage(IOException failure, String message) {
        assertThat(AttemptErrors.of(failure)).isEqualTo(message).doesNotContain("Exception").doesNotContain("java.");
    }
}
