package dev.passerelle.connector;

import java.util.Map;
import java.util.Optional;

/** What continues an interactive step in {@link Connector#resume}. */
public sealed interface Resume {

    /**
     * The user's answers to a {@link StepResult.Challenge}, keyed by field name.
     *
     * @param values the posted values (secrets included: never log them)
     */
    record Answers(Map<String, String> values) implements Resume {
        public Answers {
            values = Map.copyOf(values);
        }

        /** The answer to one field, trimmed; empty when not given. */
        public Optional<String> value(String field) {
            return Optional.ofNullable(values.get(field)).map(String::trim).filter(v -> !v.isEmpty());
        }

        @Override
        public String toString() {
            return "Answers" + values.keySet();
        }
    }

    /** The server polls a {@link StepResult.Decoupled} validation: is it given yet? */
    record Poll() implements Resume {
    }

    /**
     * The institution sent the user back to one of the {@link Interaction}'s URLs after a
     * {@link StepResult.Redirect}.
     *
     * @param params  the query parameters of the return ({@code code}, {@code state}, {@code error}…)
     * @param refused whether the user came back through {@link Interaction#refusalUrl()}: the
     *                institution says the authentication failed or was cancelled
     */
    record Callback(Map<String, String> params, boolean refused) implements Resume {
        public Callback {
            params = Map.copyOf(params);
        }

        public Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
        }

        @Override
        public String toString() {
            return "Callback" + params.keySet() + (refused ? " refused" : "");
        }
    }

    /** The user gave up a {@link StepResult.Challenge#cancellable() cancellable} challenge. */
    record Cancel() implements Resume {
    }
}
