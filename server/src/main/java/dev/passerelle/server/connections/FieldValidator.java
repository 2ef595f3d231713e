package dev.passerelle.server.connections;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.server.api.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks posted field values against the connector's metadata before any institution is contacted
 * (docs/protocol.md §3.3 "bad field value → 400 config"). On creation every required field must be
 * there; on updates only the posted values are checked.
 */
final class FieldValidator {

    private static final List<FieldRule> ON_CREATE = List.of(FieldRule.REQUIRED, FieldRule.MATCHES_REGEX, FieldRule.IN_LIST);
    private static final List<FieldRule> ON_UPDATE = List.of(FieldRule.MATCHES_REGEX, FieldRule.IN_LIST);

    private FieldValidator() {
    }

    /** Validates the values given when a source is first added. */
    static void forCreation(List<FieldSpec> fields, Map<String, String> values) {
        check(fields, values, ON_CREATE, false);
    }

    /** Validates the values posted to an existing connection. */
    static void forUpdate(List<FieldSpec> fields, Map<String, String> values) {
        check(fields, values, ON_UPDATE, true);
    }

    private static void check(List<FieldSpec> fields, Map<String, String> values, List<FieldRule> rules,
                              boolean postedOnly) {
        for (FieldSpec field : fields) {
            if (postedOnly && !values.containsKey(field.name())) {
                continue;
            }
            String value = values.get(field.name());
            for (FieldRule rule : rules) {
                Optional<String> violation = rule.check(field, value);
                if (violation.isPresent()) {
                    throw ApiError.CONFIG.exception("Configuration error for field \"" + field.name() + "\": "
                            + violation.get());
                }
            }
        }
    }
}
