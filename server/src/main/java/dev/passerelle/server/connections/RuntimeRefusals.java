package dev.passerelle.server.connections;

import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.runtime.limits.Bulkheads;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The connector runtime's refusals in the protocol's terms: a connector's or a user's concurrency
 * limit reached is 429 {@code tooManyRequests} with {@code Retry-After}; a connection another step
 * holds is 409 {@code connectionLocked} ([doc]).
 */
final class RuntimeRefusals {

    private static final Map<String, String> RETRY_AFTER = Map.of("Retry-After", "5");

    private RuntimeRefusals() {
    }

    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (Bulkheads.Full full) {
            throw new ApiException(ApiError.TOO_MANY_REQUESTS, full.getMessage(), null, RETRY_AFTER);
        } catch (Leases.Busy busy) {
            throw ApiError.CONNECTION_LOCKED.exception(busy.getMessage());
        }
    }
}
