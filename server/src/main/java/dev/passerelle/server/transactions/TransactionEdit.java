package dev.passerelle.server.transactions;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.UserText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a user changes of a transaction (docs/data.md, {@code POST /users/{u}/transactions/{t}}):
 * only its metadata, as the rest mirrors the bank (Powens' {@code TransactionUpdateRequest}). Each
 * field is a {@code SET} item of the update of the row aliased {@code t}, with its parameters:
 * <ul>
 * <li>{@code wording}: the user's label; empty, or the bank's own, gives the bank's back, which then
 * follows the bank's changes again ({@link TransactionSql#setFacts});</li>
 * <li>{@code application_date}: the day the user counts the transaction on; empty, or the bank's
 * own, gives the bank's back, which is kept aside in {@code bank_application_date} while they
 * differ;</li>
 * <li>{@code comment}: free text of several lines; empty removes it;</li>
 * <li>{@code active}: false leaves the transaction out of analyses.</li>
 * </ul>
 * {@code id_category} is refused: Passerelle does not categorise, so there is no category to name.
 */
record TransactionEdit(List<String> sets, Map<String, Object> params) {

    /** The shortest a stored label's column holds (V1 {@code wording}). */
    static final int MAX_WORDING = 500;
    /** V1 {@code user_comment}. */
    static final int MAX_COMMENT = 1000;

    private static final String BANK_DATE = TransactionSql.storedFact("application_date", column -> "t." + column);

    static TransactionEdit of(BodyParams body, ZoneId zone) {
        if (body.string("id_category").isPresent()) {
            throw ApiError.INVALID_VALUE.exception("'id_category' names a category, and Passerelle does not categorise"
                    + " transactions");
        }
        Items items = new Items(body);
        items.field("wording", wording -> UserText.line("wording", wording, MAX_WORDING),
                List.of("wording = t.original_wording"), List.of("wording = :wording"));
        items.field("application_date", date -> DateParam.of("application_date", date, zone).day(),
                List.of("application_date = " + BANK_DATE, "bank_application_date = NULL"),
                List.of("application_date = :application_date", "bank_application_date = CASE WHEN " + BANK_DATE
                        + " = :application_date THEN NULL ELSE " + BANK_DATE + " END"));
        items.field("comment", comment -> UserText.lines("comment", comment, MAX_COMMENT),
                List.of("user_comment = NULL"), List.of("user_comment = :comment"));
        body.bool("active").ifPresent(active -> items.set("active = :active", "active", active));
        return new TransactionEdit(List.copyOf(items.sets), Map.copyOf(items.params));
    }

    boolean isEmpty() {
        return sets.isEmpty();
    }

    /** The {@code SET} items and parameters of the fields the body holds. */
    private static final class Items {

        private final BodyParams body;
        private final List<String> sets = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Items(BodyParams body) {
            this.body = body;
        }

        /**
         * The items of a field the user may empty: {@code emptied} when it is sent empty, else
         * {@code given}, which read its value as {@code read} reads it, under the field's name.
         */
        void field(String name, Function<String, Object> read, List<String> emptied, List<String> given) {
            body.value(name).ifPresent(value -> {
                if (value.isBlank()) {
                    sets.addAll(emptied);
                } else {
                    params.put(name, read.apply(value));
                    sets.addAll(given);
                }
            });
        }

        void set(String item, String name, Object value) {
            params.put(name, value);
            sets.add(item);
        }
    }
}
