package dev.passerelle.connector;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The HTTP client a connector reaches its institution with ({@link ConnectionContext#http()}), the
 * same contract as {@link HttpClient#send}. The server's presents the TPP's certificate over mutual
 * TLS when the connector's settings name a key store ({@link MutualTls}), keeps under the
 * institution's {@link RateLimit}, and lets the connector test kit record and replay exchanges. Use
 * it instead of a client of your own.
 */
@FunctionalInterface
public interface InstitutionHttp {

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException;

    /** A JDK client as it is: no certificate, no rate limit. */
    static InstitutionHttp of(HttpClient client) {
        return client::send;
    }

    /**
     * {@code http} kept under the institution's {@code limit} across every call made through the
     * returned client (one per institution, shared by its connections): a call beyond the limit
     * waits for its turn instead of being refused by the institution.
     */
    static InstitutionHttp throttled(InstitutionHttp http, RateLimit limit) {
        Throttle throttle = new Throttle(limit);
        return new InstitutionHttp() {
            @Override
            public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                    throws IOException, InterruptedException {
                throttle.acquire();
                return http.send(request, handler);
            }
        };
    }

    /** One shared plain JDK client (5 s to connect, redirects not followed), for tests and tools. */
    static InstitutionHttp plain() {
        return Plain.HTTP;
    }

    /** Holds the shared client, created on first use. */
    final class Plain {
        private static final InstitutionHttp HTTP = of(HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());

        private Plain() {
        }
    }
}
