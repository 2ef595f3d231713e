package dev.passerelle.server.openapi;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.DocumentType;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.connections.ConnectionTimeline;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The protocol's closed vocabularies, as the document's named string enums: each Java enum whose
 * wire words are not its constant names, with the one function that spells them on the wire
 * ({@link WireNames}, {@code wire()}, {@code wireName()}, {@code code()}). A view property holding
 * such a word declares it with {@code @Schema(implementation = TheEnum.class)}.
 */
final class WireVocabularies {

    /** One vocabulary: its component name, its words in declaration order, what it means. */
    record Vocabulary(String name, List<String> words, String description) {
    }

    private static final Map<Class<?>, Vocabulary> BY_TYPE = Stream.of(
            entry(ConnectionState.class, "ConnectionState", ConnectionState::wire,
                    "A connection's or source's state (docs/protocol.md §4); null when its last step succeeded."),
            entry(ConnectionTimeline.Actor.class, "TimelineActor", ConnectionTimeline.Actor::wire,
                    "Who caused an entry of a connection's timeline."),
            entry(ApiError.class, "ErrorCode", ApiError::code,
                    "The error's code: clients branch on it, not on the HTTP status (docs/protocol.md §11.2)."),
            entry(AuthMechanism.class, "AuthMechanism", AuthMechanism::wireName,
                    "How a source authenticates: credentials given to the API, or a web authentication at the institution."),
            entry(FieldType.class, "FieldType", FieldType::wireName, "How a connector field is asked for."),
            entry(Capability.class, "Capability", WireNames::of, "What a connector or source can fetch or do."),
            entry(AccountType.class, "AccountTypeName", WireNames::of, "An account's type (GET /account_types)."),
            entry(AccountUsage.class, "AccountUsage", WireNames::of, "Private, organisation or association account."),
            entry(Ownership.class, "Ownership", WireNames::of, "The user's relation to the account."),
            entry(LoanType.class, "LoanType", WireNames::of, "The kind of a loan."),
            entry(TransactionType.class, "TransactionType", WireNames::of, "A transaction's type."),
            entry(Counterparty.Scheme.class, "AccountScheme", WireNames::of, "The scheme of a counterparty's account identification."),
            entry(Counterparty.Role.class, "CounterpartyType", WireNames::of, "Whether the counterparty paid or was paid."),
            entry(DocumentType.class, "DocumentType", WireNames::of, "A document's type."),
            entry(InvestmentCodeType.class, "InvestmentCodeType", WireNames::of, "The scheme of an investment's code."))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private WireVocabularies() {
    }

    /** The vocabulary of {@code type}, when it is one of the protocol's. */
    static Optional<Vocabulary> of(Class<?> type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Every vocabulary, for the tests that check each is used. */
    static List<Vocabulary> all() {
        return List.copyOf(BY_TYPE.values());
    }

    private static <E extends Enum<E>> Map.Entry<Class<?>, Vocabulary> entry(Class<E> type, String name,
                                                                               Function<E, String> wire, String description) {
        // Several constants may share a word (LOAN and OTHER are both "loan") or have none (an
        // institution's own code type): the vocabulary is the distinct words.
        List<String> words = Arrays.stream(type.getEnumConstants()).map(wire).filter(Objects::nonNull).distinct().toList();
        return Map.entry(type, new Vocabulary(name, words, description));
    }
}
