package dev.passerelle.berlingroup.session;

import tools.jackson.databind.JsonNode;

/**
 * An account the bank showed: how to reach it and what it looked like.
 *
 * @param externalId the stable id the server knows it by
 * @param resourceId the bank's id of the resource, valid for the consent it was listed under
 * @param card       whether it is a card account ({@code /v1/card-accounts})
 * @param details    the bank's {@code accountDetails} (or {@code cardAccountDetails}) without its links, as
 *                   last listed: an account the current consent does not cover is still shown from it
 */
public record KnownAccount(String externalId, String resourceId, boolean card, JsonNode details) {
}
