package dev.passerelle.xs2a.simulator.scenario;

import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A scripted failure: on the given endpoints (all XS2A endpoints when empty), the bank answers
 * {@code kind} instead of serving the request, {@code times} times (0: every time).
 */
public record Fault(Kind kind, Set<Endpoint> endpoints, int times, Duration retryAfter) {

    /** What the bank answers. */
    public enum Kind {
        /** 503 with code SERVICE_UNAVAILABLE and {@code Retry-After}. */
        SERVICE_UNAVAILABLE,
        /** 429 with code ACCESS_EXCEEDED and {@code Retry-After}. */
        ACCESS_EXCEEDED,
        /** 400 with code FORMAT_ERROR. */
        FORMAT_ERROR,
        /** 500 without body, as the OpenAPI file defines it for AIS. */
        INTERNAL_SERVER_ERROR
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        endpoints = endpoints == null ? Set.of() : Set.copyOf(endpoints);
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 (always) or more");
        }
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
    }

    public static Fault of(Kind kind, Endpoint... endpoints) {
        return new Fault(kind, Set.of(endpoints), 0, null);
    }

    /** The same fault, only the next {@code count} matching requests. */
    public Fault times(int count) {
        return new Fault(kind, endpoints, count, retryAfter);
    }

    public Fault retryAfter(Duration delay) {
        return new Fault(kind, endpoints, times, delay);
    }

    public boolean appliesTo(Endpoint endpoint) {
        return endpoint.xs2a() && (endpoints.isEmpty() || endpoints.contains(endpoint));
    }
}
