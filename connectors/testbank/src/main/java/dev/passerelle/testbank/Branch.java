package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Transaction.Counterparty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * The test bank's branch where one customer banks: it numbers their accounts (an 11-digit number
 * per account, stable for the customer), describes them, and holds the habits both households and
 * companies share (utility bills, loan instalments, the monthly debit of a deferred card).
 */
final class Branch {

    static final String BIC = "CDTBFRBIXXX";
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private final Identity holder;
    private final String code;

    Branch(Identity holder) {
        this.holder = holder;
        this.code = Seeds.digits(draws("branch"), 5);
    }

    Identity holder() {
        return holder;
    }

    /** Draws for one fixed trait of the customer ({@code key}): an account number, a rent… */
    Random draws(String key) {
        return Seeds.random("trait", holder.seed(), holder.kind(), key);
    }

    String accountNumber(String key) {
        return Seeds.digits(draws("number " + key), 11);
    }

    String iban(String accountNumber) {
        return FrenchIban.of(code, accountNumber);
    }

    /** A Visa number as banks display it: first four and last four digits. */
    String maskedCard(String key) {
        return "4974XXXXXXXX" + Seeds.digits(draws("card " + key), 4);
    }

    static String masked(String accountNumber) {
        return "XXXXXXX" + accountNumber.substring(accountNumber.length() - 4);
    }

    /** An account of this customer, its balance to be set per day; with an IBAN when {@code withIban}. */
    Account account(String number, String name, String type, String currency, boolean withIban, String parentId) {
        Random random = draws("opening " + number);
        LocalDate opened = LocalDate.of(2008 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean company = holder.kind() == DataKind.BUSINESS;
        return new Account(number, masked(number), name, type, BigDecimal.ZERO, null, currency,
                withIban ? iban(number) : null, withIban ? BIC : null, company ? "ORGA" : "PRIV", "owner",
                company ? holder.name() : null, opened, parentId, null);
    }

    /** A balance that does not depend on the day, drawn in [{@code min}, {@code max}]. */
    BigDecimal steadyBalance(String key, double min, double max) {
        return Seeds.amount(draws("balance " + key), min, max);
    }

    static Counterparty creditor(String label, String iban) {
        return new Counterparty(label, iban == null ? null : "iban", iban, "creditor");
    }

    static Counterparty debtor(String label, String iban) {
        return new Counterparty(label, iban == null ? null : "iban", iban, "debtor");
    }

    /** The IBAN of someone outside the bank, stable for their name. */
    static String ibanOf(String name) {
        Random random = Seeds.random("third party", name);
        return FrenchIban.of(Seeds.digits(random, 5), Seeds.digits(random, 11));
    }

    /** The direct debits paying the utility bills the customer's documents show. */
    List<Rule> utilityDebits() {
        return List.of(
                Rules.monthly(Bills.ELECTRICITY_DEBIT_DAY, (day, period, random) ->
                        debit("EDF", Bills.electricity(holder, period.minusMonths(1)))),
                Rules.monthly(Bills.MOBILE_DEBIT_DAY, (day, period, random) -> debit("FREE MOBILE", Bills.MOBILE)));
    }

    /** A SEPA direct debit ({@code PRLV SEPA …}). */
    static Operation debit(String creditor, BigDecimal amount) {
        return Operation.of(amount.negate(), "order", "PRLV SEPA " + creditor, creditor).with(creditor(creditor, null));
    }

    /** An outgoing SEPA transfer. */
    static Operation transferTo(String wording, String label, String iban, BigDecimal amount) {
        return Operation.of(amount.negate(), "transfer", wording, label).with(creditor(label, iban));
    }

    /** An incoming SEPA transfer. */
    static Operation transferFrom(String wording, String label, String iban, BigDecimal amount) {
        return Operation.of(amount, "transfer", wording, label).with(debtor(label, iban));
    }

    static Operation fee(String wording, BigDecimal amount) {
        return Operation.of(amount.negate(), "bank", wording, wording);
    }

    /**
     * The monthly instalment of {@code loan}: paid from the checking account ({@code debit}) or
     * received on the loan account.
     */
    static Rule instalments(LoanPlan loan, String wording, boolean debit) {
        return (day, random) -> Schedule.monthlyOn(day, LoanPlan.DUE_DAY)
                .filter(loan::dueIn)
                .map(period -> List.of(Operation.of(debit ? loan.instalment().negate() : loan.instalment(),
                        "loan_payment", wording, wording)))
                .orElse(List.of());
    }

    /** On the last business day of the month, the checking account pays what the deferred card spent. */
    static Rule cardStatements(Activity card, String maskedCard) {
        return Rules.endOfMonth((day, period, random) -> {
            BigDecimal spent = card.total(period.atDay(1), day);
            return Operation.of(spent, "summary_card",
                    "FACTURE CARTE DU " + day.format(DAY_MONTH) + " " + maskedCard, "FACTURE CARTE");
        });
    }

    /** A loan of the customer, its amount and dates drawn once for all. */
    LoanPlan loan(String key, double minPrincipal, double maxPrincipal, double minRate, double maxRate,
                  List<Integer> durations, int firstYear, String type) {
        Random random = draws("loan " + key);
        BigDecimal principal = BigDecimal.valueOf(
                Math.round((minPrincipal + random.nextDouble() * (maxPrincipal - minPrincipal)) / 1000) * 1000L);
        BigDecimal rate = Seeds.amount(random, minRate, maxRate);
        YearMonth subscribed = YearMonth.of(firstYear + random.nextInt(4), 1 + random.nextInt(12));
        return new LoanPlan(principal, rate, Seeds.pick(random, durations), subscribed.atDay(1 + random.nextInt(28)),
                type);
    }
}
