package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.TODAY;
import static dev.passerelle.testbank.Bank.activated;
import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Bank.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.testkit.Dialogue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvestmentsTest {

    private final Dialogue bank = directaccess("par");
    private final List<Account> accounts = activated(bank);

    @Test
    void theSecuritiesAccountHoldsFourListedSecurities() {
        assertThat(bank.investments(named(accounts, "Compte titres")))
                .extracting(Investment::label, Investment::codeType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AMUNDI MSCI WORLD UCITS ETF EUR (C)", InvestmentCodeType.ISIN),
                        org.assertj.core.groups.Tuple.tuple("TOTALENERGIES SE", InvestmentCodeType.ISIN),
                        org.assertj.core.groups.Tuple.tuple("AIR LIQUIDE", InvestmentCodeType.ISIN),
                        org.assertj.core.groups.Tuple.tuple("LVMH MOET HENNESSY LOUIS VUITTON", InvestmentCodeType.ISIN));
    }

    @Test
    void theLifeInsuranceHoldsTheEuroFundAndTwoFunds() {
        List<Investment> lines = bank.investments(named(accounts, "Assurance vie"));

        assertThat(lines).extracting(Investment::label)
                .containsExactly("Fonds en euros", "CARMIGNAC PATRIMOINE A EUR ACC", "COMGEST MONDE C");
        assertThat(lines.getFirst().code()).isNull();
        assertThat(lines.getFirst().unitValue()).isEqualByComparingTo("1");
    }

    @Test
    void everyIsinHasAValidCheckDigit() {
        assertThat(Portfolio.MARKET.stream().map(Portfolio.Security::isin))
                .allSatisfy(isin -> assertThat(isinCheckDigitHolds(isin)).as(isin).isTrue());
        assertThat(Portfolio.LIFE_INSURANCE_FUNDS.stream().map(Portfolio.Security::isin))
                .allSatisfy(isin -> assertThat(isinCheckDigitHolds(isin)).as(isin).isTrue());
    }

    @Test
    void anInvestedAccountIsWorthTheSumOfItsLines() {
        for (String name : List.of("Compte titres", "Assurance vie")) {
            Account account = named(accounts, name);

            assertThat(bank.investments(account).stream().map(Investment::valuation).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(name).isEqualByComparingTo(account.balance());
        }
    }

    @Test
    void linesAddUp() {
        assertThat(bank.investments(named(accounts, "Compte titres"))).allSatisfy(line -> {
            assertThat(line.valuation()).isEqualByComparingTo(line.quantity().multiply(line.unitValue()));
            assertThat(line.diff()).isEqualByComparingTo(line.valuation().subtract(line.quantity().multiply(line.unitPrice())));
            assertThat(line.vdate()).isEqualTo(TODAY);
            assertThat(line.prevVdate()).isEqualTo(TODAY.minusDays(1));
        });
        assertThat(bank.investments(named(accounts, "Compte titres")).stream().map(Investment::portfolioShare)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isBetween(new BigDecimal("0.9995"), new BigDecimal("1.0005"));
    }

    @Test
    void onAWeekendTheLastQuotationIsFridays() {
        Dialogue saturday = directaccess("par");
        saturday.clock().advance(Duration.ofDays(2));
        Account securities = named(activated(saturday), "Compte titres");

        assertThat(saturday.investments(securities)).allSatisfy(line ->
                assertThat(line.vdate().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY));
    }

    @Test
    void theSameDayGivesTheSameLinesAndAnotherDayOtherValuesUnderTheSameIds() {
        Account securities = named(accounts, "Compte titres");
        List<Investment> today = bank.investments(securities);
        Dialogue nextWeek = directaccess("par");
        nextWeek.clock().advance(Duration.ofDays(7));

        assertThat(directaccess("par").activate(securities).investments(securities)).isEqualTo(today);
        List<Investment> later = nextWeek.activate(securities).investments(securities);
        assertThat(later).extracting(Investment::externalId)
                .containsExactlyElementsOf(today.stream().map(Investment::externalId).toList());
        assertThat(later).extracting(Investment::unitValue).isNotEqualTo(today.stream().map(Investment::unitValue).toList());
    }

    @Test
    void historyListsTheBusinessDaysOfTheLastThreeMonthsEndingWithTheCurrentValue() {
        Account securities = named(accounts, "Compte titres");
        Investment etf = bank.investments(securities).getFirst();

        List<InvestmentValue> history = bank.history(securities, etf);

        assertThat(history.getFirst().date()).isBetween(TODAY.minusMonths(3), TODAY.minusMonths(3).plusDays(3));
        assertThat(history.getLast().date()).isEqualTo(TODAY);
        assertThat(history.getLast().unitValue()).isEqualByComparingTo(etf.unitValue());
        assertThat(history).extracting(v -> v.date().getDayOfWeek())
                .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void accountsWithoutSecuritiesHoldNoInvestment() {
        assertThat(bank.investments(named(accounts, "Compte chèque"))).isEmpty();
    }

    /** ISO 6166: letters to numbers (A=10…), then the Luhn check over the digits holds. */
    private static boolean isinCheckDigitHolds(String isin) {
        StringBuilder digits = new StringBuilder();
        isin.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
        int sum = 0;
        String number = digits.toString();
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0 && new BigInteger(number).signum() > 0;
    }
}
