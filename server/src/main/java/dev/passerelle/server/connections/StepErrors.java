package dev.passerelle.server.connections;

import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.runtime.state.StepOutcome;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;

/**
 * The error a failed check answers with ({@link ConnectionState#failsTheCheck()}): its code is the
 * state's wire string (docs/protocol.md §3.3, observed {@code {"code":"wrongpass"}}), its message the institution's
 * words for the user.
 */
final class StepErrors {

    private StepErrors() {
    }

    static ApiException of(StepOutcome outcome) {
        ApiError error = errorOf(outcome.state());
        return new ApiException(error, error.description(), outcome.errorMessage());
    }

    static ApiError errorOf(ConnectionState state) {
        return switch (state) {
            case WRONGPASS -> ApiError.WRONGPASS;
            case PASSWORD_EXPIRED -> ApiError.PASSWORD_EXPIRED;
            case ACTION_NEEDED -> ApiError.ACTION_NEEDED;
            case RATE_LIMITING -> ApiError.RATE_LIMITING;
            case WEBSITE_UNAVAILABLE -> ApiError.WEBSITE_UNAVAILABLE;
            case BUG -> ApiError.CONNECTOR_BUG;
            case NOT_SUPPORTED -> ApiError.NOT_SUPPORTED;
            case SCA_REQUIRED, WEBAUTH_REQUIRED, ADDITIONAL_INFORMATION_NEEDED, DECOUPLED, VALIDATING ->
                    throw new IllegalArgumentException(state.wire() + " is no failed check");
        };
    }
}
