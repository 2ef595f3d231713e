package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.connector.TransactionType;
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
    Account account(String number, String name, AccountType type, String currency, boolean withIban, String parentId) {
        Random random = draws("opening " + number);
        LocalDate opened = LocalDate.of(2008 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean company = holder.kind() == DataKind.BUSINESS;
        return Account.builder()
                .externalId(number)
                .number(masked(number))
                .name(name)
                .type(type)
                .balance(BigDecimal.ZERO)
                .currency(currency)
                .iban(withIban ? iban(number) : null)
                .bic(withIban ? BIC : null)
                .usage(company ? AccountUsage.ORGANISATION : AccountUsage.PRIVATE)
                .ownership(Ownership.OWNER)
                .companyName(company ? holder.name() : null)
                .openingDate(opened)
                .parentExternalId(parentId)
                .build();
    }

    /** A balance that does not depend on the day, drawn in [{@code min}, {@code max}]. */
    BigDecimal steadyBalance(String key, double min, double max) {
        return Seeds.amount(draws("balance " + key), min, max);
    }

    static Counterparty creditor(String label, String iban) {
        return counterparty(label, iban, Counterparty.Role.CREDITOR);
    }

    static Counterparty debtor(String label, String iban) {
        return counterparty(label, iban, Counterparty.Role.DEBTOR);
    }

    private static Counterparty counterparty(String label, String iban, Counterparty.Role role) {
        return Counterparty.builder().label(label).scheme(iban == null ? null : Counterparty.Scheme.IBAN)
                .identification(iban).role(role).build();
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
        return Operation.of(amount.negate(), TransactionType.ORDER, "PRLV SEPA " + creditor, creditor).with(creditor(creditor, null));
    }

    /** An outgoing SEPA transfer. */
    static Operation transferTo(String wording, String label, String iban, BigDecimal amount) {
        return Operation.of(amount.negate(), TransactionType.TRANSFER, wording, label).with(creditor(label, iban));
    }

    /** An incoming SEPA transfer. */
    static Operation transferFrom(String wording, String label, String iban, BigDecimal amount) {
        return Operation.of(amount, TransactionType.TRANSFER, wording, label).with(debtor(label, iban));
    }

    static Operation fee(String wording, BigDecimal amount) {
        return Operation.of(amount.negate(), TransactionType.BANK, wording, wording);
    }

    /**
     * The monthly instalment of {@code loan}: paid from the checking account ({@code debit}) or
     * received on the loan account.
     */
    static Rule instalments(LoanPlan loan, String wording, boolean debit) {
        return (day, random) -> Schedule.monthlyOn(day, LoanPlan.DUE_DAY)
                .filter(loan::dueIn)
                .map(period -> List.of(Operation.of(debit ? loan.instalment().negate() : loan.instalment(),
                        TransactionType.LOAN_REPAYMENT, wording, wording)))
                .orElse(List.of());
    }

    /** On the last business day of the month, the checking account pays what the deferred card spent. */
    static Rule cardStatements(Activity card, String maskedCard) {
        return Rules.endOfMonth((day, period, random) -> {
            BigDecimal spent = card.total(period.atDay(1), day);
            return Operation.of(spent, TransactionType.SUMMARY_CARD,
                    "FACTURE CARTE DU " + day.format(DAY_MONTH) + " " + maskedCard, "FACTURE CARTE");
        });
    }

    /** A loan of the customer, its amount and dates drawn once for all. */
    LoanPlan loan(String key, double minPrincipal, double maxPrincipal, double minRate, double maxRate,
                  List<Integer> durations, int firstYear, LoanType type) {
        Random random = draws("loan " + key);
        BigDecimal principal = BigDecimal.valueOf(
                Math.round((minPrincipal + random.nextDouble() * (maxPrincipal - minPrincipal)) / 1000) * 1000L);
        BigDecimal rate = Seeds.amount(random, minRate, maxRate);
        YearMonth subscribed = YearMonth.of(firstYear + random.nextInt(4), 1 + random.nextInt(12));
        return new LoanPlan(principal, rate, Seeds.pick(random, durations), subscribed.atDay(1 + random.nextInt(28)),
                type);
    }
}
