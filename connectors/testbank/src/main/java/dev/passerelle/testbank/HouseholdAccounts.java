package dev.passerelle.testbank;

import static dev.passerelle.testbank.Branch.debit;
import static dev.passerelle.testbank.Branch.fee;
import static dev.passerelle.testbank.Branch.transferFrom;
import static dev.passerelle.testbank.Branch.transferTo;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts of a household ({@code par}): EUR and USD checking, a deferred Visa, a Livret A, a
 * mortgage, a securities account and a life insurance, each with the habits that fill it.
 */
final class HouseholdAccounts {

    private static final List<String> CASH_MACHINES = List.of("BNP PARIS 11E", "SG LYON BELLECOUR",
            "CIC NANTES COMMERCE", "LCL BORDEAUX GAMBETTA", "CA TOULOUSE CAPITOLE", "LA BANQUE POSTALE LILLE");
    private static final List<Integer> CASH_AMOUNTS = List.of(20, 40, 50, 60, 80, 100);
    private static final List<String> LANDLORDS = List.of("SCI LES TILLEULS", "FONCIA GESTION", "M. ET MME ROUSSEAU",
            "NEXITY LAMY", "SCI DU PARC");
    private static final TransactionType DEFERRED = TransactionType.DEFERRED_CARD;

    private final Branch branch;
    private final String seed;
    private final String holderName;
    private final String checking;
    private final String livretA;
    private final String pan;

    private HouseholdAccounts(Branch branch) {
        this.branch = branch;
        this.seed = branch.holder().seed();
        this.holderName = branch.holder().upperName();
        this.checking = branch.accountNumber("checking");
        this.livretA = branch.accountNumber("livret a");
        this.pan = branch.maskedCard("visa");
    }

    static List<BankAccount> of(Branch branch) {
        return new HouseholdAccounts(branch).all();
    }

    private List<BankAccount> all() {
        String card = branch.accountNumber("card");
        Activity cardActivity = new Activity(seed, card, List.of(
                Rules.cardPayments(Merchant.EVERYDAY, 3, DEFERRED, pan),
                Rules.monthly(7, (day, period, random) -> Rules.card("NETFLIX.COM", "-13.49", day, DEFERRED, pan)),
                Rules.monthly(18, (day, period, random) -> Rules.card("SPOTIFY", "-11.12", day, DEFERRED, pan))));
        LoanPlan mortgage = branch.loan("mortgage", 120_000, 320_000, 1.1, 2.2, List.of(240, 300), 2016, LoanType.MORTGAGE);
        return List.of(
                BankAccount.steady(branch.account(checking, "Compte chèque", AccountType.CHECKING, "EUR", true, null),
                        new Activity(seed, checking, checkingRules(cardActivity, mortgage)),
                        branch.steadyBalance("checking", 800, 4500)),
                usdChecking(),
                BankAccount.deferredCard(branch.account(card, "Carte Visa Premier", AccountType.CARD, "EUR", false, checking),
                        cardActivity),
                livretA(),
                mortgage(mortgage),
                securities(),
                lifeInsurance());
    }

    private List<Rule> checkingRules(Activity card, LoanPlan mortgage) {
        String landlord = Seeds.pick(branch.draws("landlord"), LANDLORDS);
        BigDecimal rent = Seeds.amount(branch.draws("rent"), 650, 1350).setScale(0, RoundingMode.HALF_UP).setScale(2);
        BigDecimal salary = Seeds.amount(branch.draws("salary"), 2100, 3600);
        String employer = branch.holder().employer();
        List<Rule> rules = new ArrayList<>(branch.utilityDebits());
        rules.addAll(List.of(
                Rules.monthly(1, (day, period, random) ->
                        transferTo("VIR SEPA LOYER " + landlord, landlord, Branch.ibanOf(landlord), rent)),
                Rules.endOfMonth((day, period, random) -> transferFrom("VIR SEPA SALAIRE " + employer, employer,
                        Branch.ibanOf(employer), salary.add(Seeds.amount(random, 0, 180)))),
                Rules.monthly(3, (day, period, random) -> transferTo("VIR PERMANENT LIVRET A", holderName,
                        branch.iban(livretA), new BigDecimal("100.00"))),
                Rules.monthly(4, (day, period, random) -> fee("FRAIS TENUE DE COMPTE", new BigDecimal("2.50"))),
                Rules.yearly(1, 4, (day, period, random) ->
                        fee("COTISATION CARTE VISA PREMIER", new BigDecimal("134.00"))),
                Branch.instalments(mortgage, "PRLV SEPA ECHEANCE PRET IMMO", true),
                Rules.monthly(12, (day, period, random) -> debit("ORANGE SA", new BigDecimal("42.99"))),
                Rules.monthly(15, (day, period, random) -> transferTo("VIR PERMANENT ASSURANCE VIE", holderName,
                        null, new BigDecimal("150.00"))),
                Rules.monthly(20, (day, period, random) -> debit("MUTUELLE HARMONIE", new BigDecimal("38.60"))),
                Branch.cardStatements(card, pan),
                Rules.occasionally(0.12, (day, period, random) -> {
                    String machine = Seeds.pick(random, CASH_MACHINES);
                    BigDecimal cash = BigDecimal.valueOf(Seeds.pick(random, CASH_AMOUNTS)).setScale(2);
                    return Operation.of(cash.negate(), TransactionType.WITHDRAWAL, "RETRAIT DAB " + machine, "RETRAIT DAB")
                            .madeOn(day).byCard(pan);
                }),
                Rules.occasionally(0.03, (day, period, random) -> Operation.of(Seeds.amount(random, 25, 280).negate(),
                        TransactionType.CHECK, "CHEQUE N°" + Seeds.digits(random, 7), "CHEQUE")),
                Rules.occasionally(0.04, (day, period, random) ->
                        transferFrom("VIR SEPA CPAM PARIS REMBOURSEMENT SOINS", "CPAM PARIS",
                                Branch.ibanOf("CPAM PARIS"), Seeds.amount(random, 8, 65)))));
        return rules;
    }

    private BankAccount usdChecking() {
        String number = branch.accountNumber("checking usd");
        return BankAccount.steady(branch.account(number, "Compte chèque USD", AccountType.CHECKING, "USD", true, null),
                new Activity(seed, number, List.of(
                        Rules.monthly(15, (day, period, random) -> transferFrom(
                                "VIR INTERNATIONAL NORTHWIND TRADING LLC", "NORTHWIND TRADING LLC", null,
                                Seeds.amount(random, 800, 1500))),
                        Rules.occasionally(0.2, Rules.cardPaymentAt(Merchant.ONLINE_USD, TransactionType.CARD, null)),
                        Rules.monthly(4, (day, period, random) ->
                                fee("FRAIS TENUE COMPTE DEVISE", new BigDecimal("4.00"))))),
                branch.steadyBalance("checking usd", 200, 3000));
    }

    private BankAccount livretA() {
        return BankAccount.steady(branch.account(livretA, "Livret A", AccountType.SAVINGS, "EUR", true, null),
                new Activity(seed, livretA, List.of(
                        Rules.monthly(3, (day, period, random) -> transferFrom("VIR PERMANENT DEPUIS COMPTE CHEQUE",
                                holderName, branch.iban(checking), new BigDecimal("100.00"))),
                        Rules.yearly(1, 1, (day, period, random) -> Operation.of(Seeds.amount(random, 20, 250),
                                TransactionType.DEPOSIT, "INTERETS CREDITEURS " + (period.getYear() - 1), "INTERETS")))),
                branch.steadyBalance("livret a", 1500, 22950));
    }

    private BankAccount mortgage(LoanPlan plan) {
        String number = branch.accountNumber("mortgage");
        return BankAccount.loan(branch.account(number, "Prêt immobilier", AccountType.LOAN, "EUR", false, null),
                new Activity(seed, number, List.of(Branch.instalments(plan, "ECHEANCE PRET N°" + number, false))),
                plan);
    }

    private BankAccount securities() {
        String number = branch.accountNumber("securities");
        return BankAccount.invested(branch.account(number, "Compte titres", AccountType.MARKET, "EUR", false, null),
                new Activity(seed, number, List.of(
                        Rules.monthly(20, (day, period, random) -> {
                            int shares = 1 + random.nextInt(4);
                            BigDecimal price = Seeds.amount(random, 480, 520);
                            return Operation.of(price.multiply(BigDecimal.valueOf(shares)).negate(), TransactionType.ORDER,
                                    "ACHAT " + shares + " AMUNDI MSCI WORLD UCITS ETF", "ACHAT AMUNDI MSCI WORLD");
                        }),
                        Rules.quarterly(5, (day, period, random) ->
                                fee("DROITS DE GARDE", Seeds.amount(random, 5, 12))),
                        Rules.yearly(6, 2, (day, period, random) -> Operation.of(Seeds.amount(random, 20, 90),
                                TransactionType.DEPOSIT, "DIVIDENDE TOTALENERGIES SE", "DIVIDENDE")))),
                Portfolio.securities(branch, number));
    }

    private BankAccount lifeInsurance() {
        String number = branch.accountNumber("life insurance");
        return BankAccount.invested(branch.account(number, "Assurance vie", AccountType.LIFEINSURANCE, "EUR", false,
                        null),
                new Activity(seed, number, List.of(
                        Rules.monthly(15, (day, period, random) -> Operation.of(new BigDecimal("150.00"),
                                TransactionType.DEPOSIT, "VERSEMENT PROGRAMME", "VERSEMENT PROGRAMME")),
                        Rules.yearly(1, 15, (day, period, random) ->
                                fee("FRAIS DE GESTION", Seeds.amount(random, 40, 120))))),
                Portfolio.lifeInsurance(branch, number));
    }
}
