package dev.passerelle.testbank;

import static dev.passerelle.testbank.Branch.debit;
import static dev.passerelle.testbank.Branch.fee;
import static dev.passerelle.testbank.Branch.transferFrom;
import static dev.passerelle.testbank.Branch.transferTo;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts of a small company ({@code pro}): a business checking account paid by its clients,
 * a savings account, a deferred business card and an equipment loan.
 */
final class CompanyAccounts {

    private static final List<String> CLIENTS = List.of("BOULANGERIE MARTIN", "SCI DES LILAS", "MAIRIE DE VINCENNES",
            "GARAGE DUBOIS SARL", "CABINET LEROY AVOCATS", "HOTEL DU COMMERCE", "ASSOCIATION LES AMIS DU PARC");
    private static final List<String> EMPLOYEES = List.of("M. NICOLAS PETIT", "MME SOPHIE GIRARD",
            "M. HUGO LAMBERT", "MME INES MOREAU");

    private CompanyAccounts() {
    }

    static List<BankAccount> of(Branch branch) {
        String seed = branch.holder().seed();
        String company = branch.holder().upperName();
        String checking = branch.accountNumber("pro checking");
        String savings = branch.accountNumber("pro savings");
        String card = branch.accountNumber("pro card");
        String loanNumber = branch.accountNumber("pro loan");
        String pan = branch.maskedCard("business");
        LoanPlan loan = branch.loan("pro loan", 30_000, 90_000, 2.5, 4.5, List.of(60, 84), 2020, LoanType.LOAN);
        Activity cardActivity = new Activity(seed, card, List.of(
                Rules.cardPayments(Merchant.BUSINESS, 2, TransactionType.DEFERRED_CARD, pan)));

        BigDecimal officeRent = Seeds.amount(branch.draws("office rent"), 900, 2200);
        List<Rule> checkingRules = new ArrayList<>(branch.utilityDebits());
        checkingRules.addAll(List.of(
                Rules.occasionally(0.35, (day, period, random) -> {
                    String client = Seeds.pick(random, CLIENTS);
                    String invoice = "FACT " + day.getYear() + "-" + Seeds.digits(random, 3);
                    return transferFrom("VIR SEPA " + client + " " + invoice, client, Branch.ibanOf(client),
                            Seeds.amount(random, 350, 6800));
                }),
                Rules.monthly(1, (day, period, random) -> transferTo("VIR SEPA LOYER BUREAUX SCI HORIZON",
                        "SCI HORIZON", Branch.ibanOf("SCI HORIZON"), officeRent)),
                Rules.monthly(3, (day, period, random) -> transferTo("VIR PERMANENT COMPTE EPARGNE PRO", company,
                        branch.iban(savings), new BigDecimal("500.00"))),
                Rules.monthly(4, (day, period, random) -> fee("FRAIS TENUE DE COMPTE PRO", new BigDecimal("15.00"))),
                Rules.monthly(6, (day, period, random) ->
                        debit("URSSAF ILE DE FRANCE", Seeds.amount(random, 850, 1700))),
                Rules.monthly(9, (day, period, random) -> debit("OVH SAS", new BigDecimal("23.99"))),
                Branch.instalments(loan, "PRLV SEPA ECHEANCE PRET PRO", true),
                Rules.monthly(15, (day, period, random) -> debit("DGFIP TVA", Seeds.amount(random, 400, 2400))),
                Branch.cardStatements(cardActivity, pan),
                Rules.occasionally(0.04, (day, period, random) -> Operation.of(Seeds.amount(random, 120, 2500),
                        TransactionType.DEPOSIT, "REMISE CHEQUES N°" + Seeds.digits(random, 7), "REMISE CHEQUES")),
                Rules.occasionally(0.02, (day, period, random) ->
                        fee("COMMISSION D'INTERVENTION", new BigDecimal("8.00")))));
        for (String employee : EMPLOYEES.subList(0, 2)) {
            BigDecimal pay = Seeds.amount(branch.draws("pay " + employee), 1850, 2650);
            checkingRules.add(Rules.endOfMonth((day, period, random) ->
                    transferTo("VIR SEPA SALAIRE " + employee, employee, Branch.ibanOf(employee), pay)));
        }

        return List.of(
                BankAccount.steady(branch.account(checking, "Compte courant pro", AccountType.CHECKING, "EUR", true, null),
                        new Activity(seed, checking, checkingRules),
                        branch.steadyBalance("pro checking", 6000, 48000)),
                BankAccount.steady(branch.account(savings, "Compte épargne pro", AccountType.SAVINGS, "EUR", true, null),
                        new Activity(seed, savings, List.of(
                                Rules.monthly(3, (day, period, random) -> transferFrom(
                                        "VIR PERMANENT DEPUIS COMPTE COURANT PRO", company, branch.iban(checking),
                                        new BigDecimal("500.00"))))),
                        branch.steadyBalance("pro savings", 10000, 90000)),
                BankAccount.deferredCard(branch.account(card, "Carte affaires", AccountType.CARD, "EUR", false, checking),
                        cardActivity),
                BankAccount.loan(branch.account(loanNumber, "Prêt professionnel", AccountType.LOAN, "EUR", false, null),
                        new Activity(seed, loanNumber, List.of(
                                Branch.instalments(loan, "ECHEANCE PRET N°" + loanNumber, false))), loan));
    }
}
