package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The entries of one account's transaction report, page after page ({@code accountReport} or
 * {@code cardAccountReport}: {@code booked} and {@code pending}), as {@link Transaction}s: pending ones
 * are {@code coming}; the wording comes from the remittance information, the counterparty from the
 * creditor (a debit) or debtor (a credit) name and account; the external id is the bank's
 * {@code transactionId} (card: {@code cardTransactionId}), else its {@code entryReference}, else a
 * {@link StableIds stable derived id}. The bank's id is unique in a report (OpenAPI
 * {@code transactionId}): an entry that repeats one with the same content is read once, one that
 * repeats it with other content gets a derived id.
 */
public final class TransactionReport {

    /**
     * Entries read at most in one report: years of a busy account's operations, and a bound on the
     * memory a bank's pages can take together (each is bounded by the transport, not their sum).
     */
    static final int MAX_ENTRIES = 100_000;

    private final String call;
    private final boolean card;
    private final String currency;
    private final LocalDate today;
    private final StableIds derived = new StableIds();
    private final List<Transaction> transactions = new ArrayList<>();
    private final Map<String, JsonNode> byBankId = new HashMap<>();

    /**
     * @param call     the report's call, for the operator's line when an entry is unusable
     * @param card     whether the account is a card account
     * @param currency the account's currency
     * @param today    the bank's today, the date of a pending entry that has none
     */
    public TransactionReport(String call, boolean card, String currency, LocalDate today) {
        this.call = call;
        this.card = card;
        this.currency = currency;
        this.today = today;
    }

    /** Reads one page of the report; its {@code booked} and {@code pending} are lists when present. */
    public void add(JsonNode report) {
        for (String status : List.of("booked", "pending")) {
            JsonNode entries = report.path(status);
            if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
                throw BankError.unusable(call, "the report's " + status + " is no list");
            }
            if (transactions.size() + entries.size() > MAX_ENTRIES) {
                throw BankError.unusable(call, "the report holds more than " + MAX_ENTRIES + " entries");
            }
            entries.forEach(entry -> {
                Optional<String> bankId = bankId(entry);
                JsonNode first = bankId.map(id -> byBankId.putIfAbsent(id, entry)).orElse(null);
                if (first == null) {
                    transactions.add(entry(entry, status.equals("pending"), bankId));
                } else if (!first.equals(entry)) {
                    // The bank gave one id to two operations: the server keeps one transaction per id, so
                    // the later one takes a derived id rather than overwrite the first.
                    transactions.add(entry(entry, status.equals("pending"), Optional.empty()));
                }
                // The very same entry again (pages that overlap) is the same operation: read once.
            });
        }
    }

    public List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    /**
     * An entry's date (OpenAPI {@code ISODate}). One the bank leaves out is taken from the others, or
     * today; one it writes but that is no date ({@code 2026-02-30}) makes the report unusable: dated
     * today, the operation would be stored on a day it did not happen.
     */
    private Optional<LocalDate> date(JsonNode entry, String field) {
        Optional<LocalDate> date = Json.date(entry, field);
        if (date.isEmpty() && Json.text(entry, field).isPresent()) {
            throw BankError.unusable(call, "an entry's " + field + " is no date");
        }
        return date;
    }

    /** The bank's own id of an entry, if it gives one. */
    private Optional<String> bankId(JsonNode entry) {
        return Json.text(entry, card ? "cardTransactionId" : "transactionId")
                .or(() -> Json.text(entry, "transactionId"))
                .or(() -> Json.text(entry, "entryReference"));
    }

    private Transaction entry(JsonNode entry, boolean pending, Optional<String> bankId) {
        Json.Amount amount = Json.amount(entry, "transactionAmount").orElseThrow(() -> BankError.unusable(call,
                "an entry has no transactionAmount of the standard's form (amountValue, currencyCode)"));
        Optional<LocalDate> booking = date(entry, "bookingDate");
        Optional<LocalDate> value = date(entry, "valueDate");
        Optional<LocalDate> made = date(entry, "transactionDate");
        LocalDate date = pending ? value.or(() -> made).or(() -> booking).orElse(today)
                : booking.or(() -> value).or(() -> made).orElse(today);
        Optional<Counterparty> counterparty = counterparty(entry, amount.value());
        String wording = wording(entry).or(() -> counterparty.map(Counterparty::label))
                .orElse(pending ? "Pending transaction" : "Transaction");
        Optional<String> code = Json.text(entry, "bankTransactionCode");
        String rawType = code.or(() -> Json.text(entry, "proprietaryBankTransactionCode"))
                .orElse(card ? "card-transaction" : null);
        TransactionType type = card ? TransactionType.DEFERRED_CARD : TransactionKinds.of(code.orElse(null));
        Transaction.Builder transaction = Transaction.builder()
                .externalId(bankId.orElseGet(() -> derivedId(pending, date, amount, wording, counterparty)))
                .date(date)
                .vdate(value.orElse(null))
                .rdate(made.orElse(null))
                .value(amount.value())
                .type(type, rawType)
                .originalWording(wording)
                .coming(pending)
                .card(card ? Json.text(entry, "maskedPAN").or(() -> Json.text(entry, "maskedPan")).orElse(null) : null)
                .counterparty(counterparty.orElse(null));
        Stream.of("originalAmount", "instructedAmount").map(field -> Json.amount(entry, field)).flatMap(Optional::stream)
                .filter(original -> !original.currency().equalsIgnoreCase(currency)).findFirst()
                .ifPresent(original -> transaction.originalValue(original.value()).originalCurrency(original.currency()));
        return transaction.build();
    }

    private String derivedId(boolean pending, LocalDate date, Json.Amount amount, String wording,
                             Optional<Counterparty> counterparty) {
        return derived.next(List.of(pending ? "pending" : "booked", date.toString(),
                amount.value().stripTrailingZeros().toPlainString(), amount.currency().toUpperCase(Locale.ROOT),
                wording, counterparty.map(Counterparty::label).orElse(""),
                counterparty.map(Counterparty::identification).orElse("")));
    }

    /** The remittance information, unstructured or structured, else what the bank adds as free text. */
    private Optional<String> wording(JsonNode entry) {
        Optional<String> unstructured = Json.text(entry, "remittanceInformationUnstructured");
        if (unstructured.isPresent()) {
            return unstructured;
        }
        List<String> lines = new ArrayList<>();
        entry.path("remittanceInformationUnstructuredArray").forEach(line -> {
            String text = line.isValueNode() ? Json.printable(line.asString()).strip() : "";
            if (!text.isEmpty()) {
                lines.add(text);
            }
        });
        if (!lines.isEmpty()) {
            return Optional.of(String.join(" ", lines));
        }
        JsonNode structured = entry.path("remittanceInformationStructured");
        return (structured.isValueNode() ? Json.text(entry, "remittanceInformationStructured")
                : Json.text(structured, "reference"))
                .or(() -> Json.text(entry, "additionalInformation"))
                .or(() -> Json.text(entry, "transactionDetails"));
    }

    /** The other party: who is paid on a debit (creditor), who pays on a credit (debtor). */
    private static Optional<Counterparty> counterparty(JsonNode entry, BigDecimal amount) {
        boolean debit = amount.signum() < 0;
        String party = debit ? "creditor" : "debtor";
        Optional<String> name = Json.text(entry, party + "Name").or(() -> Json.text(entry, "ultimate"
                + Character.toUpperCase(party.charAt(0)) + party.substring(1)));
        JsonNode account = entry.path(party + "Account");
        Optional<String> iban = Json.text(account, "iban");
        Optional<String> bban = Json.text(account, "bban");
        Optional<String> pan = Json.text(account, "pan").or(() -> Json.text(account, "maskedPan"));
        if (name.isEmpty() && iban.isEmpty() && bban.isEmpty() && pan.isEmpty()) {
            return Optional.empty();
        }
        Counterparty.Builder counterparty = Counterparty.builder().label(name.orElse(null))
                .role(debit ? Counterparty.Role.CREDITOR : Counterparty.Role.DEBTOR);
        if (iban.isPresent()) {
            counterparty.scheme(Counterparty.Scheme.IBAN).identification(iban.get().replace(" ", ""));
        } else if (bban.isPresent()) {
            counterparty.scheme(Counterparty.Scheme.BBAN).identification(bban.get());
        } else if (pan.isPresent()) {
            counterparty.scheme(Counterparty.Scheme.CPAN).identification(pan.get());
        }
        return Optional.of(counterparty.build());
    }
}
