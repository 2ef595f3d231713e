package dev.passerelle.xs2a.simulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every endpoint the simulator serves: the XS2A account-information paths of the Berlin Group's
 * OpenAPI file (validated against it when it is given) and the bank's own pages (the redirect login
 * page and the OAuth2 authorization server, which the standard leaves to each bank).
 */
public enum Endpoint {
    CREATE_CONSENT("POST", "/v1/consents"),
    GET_CONSENT("GET", "/v1/consents/{consentId}"),
    DELETE_CONSENT("DELETE", "/v1/consents/{consentId}"),
    CONSENT_STATUS("GET", "/v1/consents/{consentId}/status"),
    START_AUTHORISATION("POST", "/v1/consents/{consentId}/authorisations"),
    LIST_AUTHORISATIONS("GET", "/v1/consents/{consentId}/authorisations"),
    SCA_STATUS("GET", "/v1/consents/{consentId}/authorisations/{authorisationId}"),
    UPDATE_PSU_DATA("PUT", "/v1/consents/{consentId}/authorisations/{authorisationId}"),
    ACCOUNTS("GET", "/v1/accounts"),
    ACCOUNT_DETAILS("GET", "/v1/accounts/{account-id}"),
    BALANCES("GET", "/v1/accounts/{account-id}/balances"),
    TRANSACTIONS("GET", "/v1/accounts/{account-id}/transactions"),
    TRANSACTION_DETAILS("GET", "/v1/accounts/{account-id}/transactions/{transactionId}"),
    CARD_ACCOUNTS("GET", "/v1/card-accounts"),
    CARD_ACCOUNT_DETAILS("GET", "/v1/card-accounts/{account-id}"),
    CARD_BALANCES("GET", "/v1/card-accounts/{account-id}/balances"),
    CARD_TRANSACTIONS("GET", "/v1/card-accounts/{account-id}/transactions"),
    REDIRECT_PAGE("GET", "/sca/redirect/{authorisationId}"),
    REDIRECT_SUBMIT("POST", "/sca/redirect/{authorisationId}"),
    OAUTH_METADATA("GET", "/oauth/.well-known/oauth-authorization-server"),
    OAUTH_AUTHORIZE_PAGE("GET", "/oauth/authorize"),
    OAUTH_AUTHORIZE_SUBMIT("POST", "/oauth/authorize"),
    OAUTH_TOKEN("POST", "/oauth/token"),
    CHALLENGE_IMAGE("GET", "/sca/challenge/{authorisationId}.png");

    private final String method;
    private final String template;
    private final List<String> segments;

    Endpoint(String method, String template) {
        this.method = method;
        this.template = template;
        this.segments = List.of(template.substring(1).split("/"));
    }

    public String method() {
        return method;
    }

    /** The path template, as in the OpenAPI file for the XS2A endpoints. */
    public String template() {
        return template;
    }

    /** Whether this is an XS2A API endpoint (checked for certificates, signatures and against the spec). */
    public boolean xs2a() {
        return template.startsWith("/v1/");
    }

    /** The path parameters when {@code path} fits this template, ignoring the method. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String actual = path.get(i);
            if (segment.startsWith("{")) {
                int close = segment.indexOf('}');
                String suffix = segment.substring(close + 1);
                if (actual.isEmpty() || !actual.endsWith(suffix) || actual.length() == suffix.length()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, close), actual.substring(0, actual.length() - suffix.length()));
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
