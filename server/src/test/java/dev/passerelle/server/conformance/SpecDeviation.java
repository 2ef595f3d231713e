package dev.passerelle.server.conformance;

/**
 * The allow-list of the spec conformance check: where our responses deliberately differ from
 * Powens' SDK OpenAPI files, and why. Each entry matches a validator message key and a fragment
 * of the message (usually the JSON path). Keep {@code docs/protocol.md} "Deviations from the SDK
 * specification" in step with this list.
 */
enum SpecDeviation {

    /**
     * The spec writes nullable values as OpenAPI 3.1 {@code oneOf: [X, {type: null}]} inside a 3.0
     * document; in 3.0 {@code {type: null}} constrains nothing, so every non-null value matches both
     * branches and fails {@code oneOf}. A defect of the file, not of our output.
     */
    ONE_OF_WITH_TYPE_NULL("validation.response.body.schema.oneOf", "matched 2 out of 2"),

    /**
     * {@code error} is the deprecated alias of {@code state} and, like it, is null when the last sync
     * succeeded (observed on the wire in 2021: {@code "error": null}); the spec types it as a
     * non-nullable string.
     */
    CONNECTION_ERROR_ALIAS_NULL("validation.response.body.schema.type", "/error'\\] Instance type \\(null\\)"),

    /** Same as {@link #CONNECTION_ERROR_ALIAS_NULL}: the enum check fails on that null too. */
    CONNECTION_ERROR_ALIAS_NULL_ENUM("validation.response.body.schema.enum", "/error'\\] Instance value \\(null\\)"),

    /**
     * {@code transfer_mechanism} is documented as "mechanism/null" ([doc] connector object) and is
     * null for every connector without transfers; the spec omits the null.
     */
    TRANSFER_MECHANISM_NULL("validation.response.body.schema.type", "/transfer_mechanism'\\] Instance type \\(null\\)"),

    /** Same as {@link #TRANSFER_MECHANISM_NULL}: the enum check fails on that null too. */
    TRANSFER_MECHANISM_NULL_ENUM("validation.response.body.schema.enum",
            "/transfer_mechanism'\\] Instance value \\(null\\)"),

    /**
     * The spec closes objects ({@code additionalProperties: false}) that the real API leaves open:
     * list wrappers carry {@code total} [obs], connectors {@code account_types} and
     * {@code available_auth_mechanisms} [obs][doc], accounts {@code bic}, {@code opening_date},
     * {@code ownership}, {@code company_name} [obs][doc]. Clients must ignore unknown keys [doc].
     */
    OBSERVED_EXTRA_PROPERTIES("validation.response.body.schema.additionalProperties",
            "Object instance has properties which are not allowed by the schema"),

    /**
     * The transactions list is an {@code allOf} of two objects that each forbid the other's
     * properties, so no response can ever match it: a defect of the file. Our list carries
     * {@code transactions}, {@code first_date}, {@code last_date}, {@code result_min_date},
     * {@code result_max_date}, {@code _links} [doc] and {@code total} [obs].
     */
    ALL_OF_CLOSED_OBJECTS("validation.response.body.schema.allOf", "Instance failed to match all required schemas"),

    /**
     * {@code BankAccountType.id} refers to {@code CalendarBound} (a date) instead of {@code Id}: a
     * typo of the file; account type ids are integers [doc] (observed checking=2, card=8 [obs]).
     */
    ACCOUNT_TYPE_ID_TYPO("validation.response.body.schema.oneOf",
            "/accounttypes/\\d+/id'\\] Instance failed to match exactly one schema \\(matched 0"),

    /**
     * The documentation's account type list [doc] has French savings products that the spec's enum
     * lacks: {@code livret_a}, {@code livret_b}, {@code ldds}, {@code cel}, {@code pel}, {@code csl},
     * {@code cat}. We follow the documentation.
     */
    DOCUMENTED_ACCOUNT_TYPES("validation.response.body.schema.enum",
            "/name'\\] Instance value \\(\"(livret_a|livret_b|ldds|cel|pel|csl|cat)\"\\) not found in enum"),

    /**
     * Creating or updating a connection that needs the user answers 202 with the connection
     * ([obs] 2021 recordings, [2020]); the spec lists only 200.
     */
    ACCEPTED_WHEN_USER_MUST_ACT("validation.response.status.unknown",
            "Response status 202 not defined for path '/users/me/connections");

    private final String messageKey;
    private final String messageFragment;

    SpecDeviation(String messageKey, String messageFragment) {
        this.messageKey = messageKey;
        this.messageFragment = messageFragment;
    }

    String messageKey() {
        return messageKey;
    }

    String messageFragment() {
        return messageFragment;
    }
}
