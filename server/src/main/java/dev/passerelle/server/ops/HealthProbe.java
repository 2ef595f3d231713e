package dev.passerelle.server.ops;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's health check ({@code HEALTHCHECK}, compose's {@code healthcheck}): the image
 * has no shell and no curl, so the JVM asks the server's readiness probe itself and exits 0 when it
 * answers 200, 1 otherwise. Reads the port and context path the server reads
 * ({@code SERVER_PORT}, {@code SERVER_SERVLET_CONTEXT_PATH}); started with the server jar alone on
 * the class path, it loads nothing else.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 3000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String contextPath = System.getenv().getOrDefault("SERVER_SERVLET_CONTEXT_PATH", "/2.0");
        URI readiness = URI.create("http://127.0.0.1:" + port + contextPath + "/actuator/health/readiness");
        System.exit(ready(readiness) ? 0 : 1);
    }

    static boolean ready(URI readiness) {
        try {
            HttpURLConnection connection = (HttpURLConnection) readiness.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                return connection.getResponseCode() == HttpURLConnection.HTTP_OK;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
