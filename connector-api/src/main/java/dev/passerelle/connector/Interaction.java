package dev.passerelle.connector;

import java.net.URI;
import java.util.Objects;

/**
 * One trip of the user through the institution's pages, minted by the server before a call that may
 * answer {@link StepResult.Redirect}: the server finds the trip again by these URLs alone, so the
 * institution's URL need carry nothing of ours.
 *
 * @param id                    unguessable and single-use; put it in the OAuth2 {@code state} when the
 *                              institution returns to {@link #registeredCallbackUrl()}
 * @param callbackUrl           where the institution sends the user after success (Berlin Group's
 *                              {@code TPP-Redirect-URI}); it names this trip
 * @param refusalUrl            where it sends the user after a refusal or failure
 *                              ({@code TPP-Nok-Redirect-URI}); it names this trip
 * @param registeredCallbackUrl the server's one fixed callback, for institutions that accept only a
 *                              pre-registered redirect URI (OAuth2): the trip is then found by {@code state}
 */
public record Interaction(String id, URI callbackUrl, URI refusalUrl, URI registeredCallbackUrl) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(refusalUrl, "refusalUrl");
        Objects.requireNonNull(registeredCallbackUrl, "registeredCallbackUrl");
    }

    @Override
    public String toString() {
        return "Interaction[" + registeredCallbackUrl + "]"; // the id, in the other URLs too, is the trip's bearer secret
    }
}
