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
    CONNECTION_ERROR_ALIAS_NULL("validation.response.body.schema.type", "[Path '/error'] Instance type (null)"),

    /** Same as {@link #CONNECTION_ERROR_ALIAS_NULL}: the enum check fails on that null too. */
    CONNECTION_ERROR_ALIAS_NULL_ENUM("validation.response.body.schema.enum", "[Path '/error'] Instance value (null)");

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
