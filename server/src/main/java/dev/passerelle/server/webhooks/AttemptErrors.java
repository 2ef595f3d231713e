package dev.passerelle.server.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The error a failed attempt logs ({@code last_error} and each attempt's {@code error} in the
 * delivery log, docs/webhooks.md "Delivery log and replay"), for the calls to endpoints and to an
 * OAuth provider's token endpoint alike: what went wrong in plain words, never an exception's class
 * name, which tells the integrator nothing and shows the server's internals.
 */
final class AttemptErrors {

    private AttemptErrors() {
    }

    /** An answer that is not a 2xx. */
    static String httpStatus(int status) {
        return "HTTP " + status;
    }

    /** A call that got no usable answer; the messages of the server's own refusals are already plain. */
    static String of(IOException failure) {
        return switch (failure) {
            case WebhookTargets.RefusedTarget refused -> refused.getMessage();
            case WebhookSender.TokenRefused refused -> refused.getMessage();
            case UnknownHostException unresolved -> "the URL's host does not resolve";
            case ConnectException refused -> "connection refused";
            case InterruptedIOException timeout -> "timed out";
            case SSLHandshakeException handshake -> "TLS handshake failed";
            case SSLException tls -> "TLS error";
            case NoHttpResponseException closed -> "no answer: the connection was closed";
            case ClientProtocolException malformed -> "the answer is not valid HTTP";
            case SocketException broken -> "the connection failed";
            default -> "the call failed";
        };
    }
}
