package dev.passerelle.testbank;

import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.connector.InvestmentValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What a market or life-insurance account holds: lines drawn once for the customer (how many shares,
 * at what average price) and valued each business day at a price that depends on the day alone, so
 * that a past day's value never changes when the clock moves and every sync of a day agrees. The
 * account's balance is the sum of its lines.
 */
final class Portfolio {

    /** How far back an investment's history goes. */
    static final int HISTORY_MONTHS = 3;

    /** A security the bank quotes: its name, ISIN and the level its price moves around. */
    record Security(String label, String isin, double basePrice) {
    }

    static final List<Security> MARKET = List.of(
            new Security("AMUNDI MSCI WORLD UCITS ETF EUR (C)", "LU1681043599", 500),
            new Security("TOTALENERGIES SE", "FR0000120271", 60),
            new Security("AIR LIQUIDE", "FR0000120073", 170),
            new Security("LVMH MOET HENNESSY LOUIS VUITTON", "FR0000121014", 680));

    static final List<Security> LIFE_INSURANCE_FUNDS = List.of(
            new Security("CARMIGNAC PATRIMOINE A EUR ACC", "FR0010135103", 690),
            new Security("COMGEST MONDE C", "FR0000284689", 2900));

    private static final String EURO_FUND = "Fonds en euros";
    private static final BigDecimal ONE = BigDecimal.ONE.setScale(2);

    /** One line: how much of a security the customer holds and what it cost them on average. */
    private record Line(String externalId, Security security, BigDecimal quantity, BigDecimal unitPrice) {
    }

    private final List<Line> lines;

    private Portfolio(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** A securities account: a few shares of each market security. */
    static Portfolio securities(Branch branch, String accountNumber) {
        return new Portfolio(MARKET.stream().map(security -> line(branch, accountNumber, security, 4, 60)).toList());
    }

    /** A life insurance: mostly the euro fund, with some units of two funds. */
    static Portfolio lifeInsurance(Branch branch, String accountNumber) {
        Random random = branch.draws("euro fund " + accountNumber);
        BigDecimal euros = Seeds.amount(random, 6000, 60000);
        Line euroFund = new Line(accountNumber + "-EURO", new Security(EURO_FUND, null, 1), euros, ONE);
        List<Line> funds = LIFE_INSURANCE_FUNDS.stream().map(security -> line(branch, accountNumber, security, 2, 25))
                .toList();
        return new Portfolio(Stream.concat(Stream.of(euroFund), funds.stream()).toList());
    }

    private static Line line(Branch branch, String accountNumber, Security security, int minQuantity, int maxQuantity) {
        Random random = branch.draws("holding " + accountNumber + " " + security.isin());
        BigDecimal quantity = BigDecimal.valueOf(minQuantity + random.nextInt(maxQuantity - minQuantity + 1));
        BigDecimal unitPrice = money(security.basePrice() * (0.75 + random.nextDouble() * 0.3));
        return new Line(accountNumber + "-" + security.isin(), security, quantity, unitPrice);
    }

    /** What the lines are worth on {@code today}: their valuations at the last quotation. */
    BigDecimal valuation(LocalDate today) {
        LocalDate quoted = lastQuotation(today);
        return lines.stream().map(line -> value(line, quoted)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lines as the bank shows them on {@code today}. */
    List<Investment> investments(LocalDate today) {
        LocalDate quoted = lastQuotation(today);
        LocalDate before = lastQuotation(quoted.minusDays(1));
        BigDecimal total = valuation(today);
        return lines.stream().map(line -> {
            BigDecimal unitValue = unitValue(line.security(), quoted);
            BigDecimal valuation = value(line, quoted);
            BigDecimal cost = line.quantity().multiply(line.unitPrice());
            BigDecimal diff = valuation.subtract(cost).setScale(2, RoundingMode.HALF_EVEN);
            boolean quotedSecurity = line.security().isin() != null;
            return Investment.builder()
                    .externalId(line.externalId())
                    .label(line.security().label())
                    .code(line.security().isin())
                    .codeType(quotedSecurity ? InvestmentCodeType.ISIN : null)
                    .quantity(line.quantity())
                    .unitPrice(line.unitPrice())
                    .unitValue(unitValue)
                    .valuation(valuation)
                    .diff(diff)
                    .diffPercent(cost.signum() == 0 ? null : diff.divide(cost, 4, RoundingMode.HALF_EVEN))
                    .prevDiff(valuation.subtract(line.quantity().multiply(unitValue(line.security(), before)))
                            .setScale(2, RoundingMode.HALF_EVEN))
                    .portfolioShare(total.signum() == 0 ? null : valuation.divide(total, 4, RoundingMode.HALF_EVEN))
                    .vdate(quoted)
                    .prevVdate(before)
                    .build();
        }).toList();
    }

    /** The quotations of one line of {@link #investments}, oldest first, over the last months. */
    List<InvestmentValue> history(String externalId, LocalDate today) {
        Optional<Line> line = lines.stream().filter(l -> l.externalId().equals(externalId)).findFirst();
        if (line.isEmpty()) {
            return List.of();
        }
        LocalDate last = lastQuotation(today);
        return today.minusMonths(HISTORY_MONTHS).datesUntil(last.plusDays(1))
                .filter(Schedule::isBusinessDay)
                .map(day -> InvestmentValue.builder().date(day).unitValue(unitValue(line.get().security(), day)).build())
                .toList();
    }

    private static BigDecimal value(Line line, LocalDate day) {
        return line.quantity().multiply(unitValue(line.security(), day)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * A security's price on a business day: a yearly swing of 8 % around its level plus a daily move
     * of at most 1 %, drawn from the day alone. The euro fund's unit is worth one euro.
     */
    private static BigDecimal unitValue(Security security, LocalDate day) {
        if (security.isin() == null) {
            return ONE;
        }
        Random random = Seeds.random("quotation", security.isin(), day);
        double phase = Seeds.random("phase", security.isin()).nextDouble() * 2 * Math.PI;
        double swing = 0.08 * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.0 + phase);
        return money(security.basePrice() * (1 + swing + (random.nextDouble() - 0.5) * 0.02));
    }

    /** The last business day up to {@code day}: markets quote nothing on weekends. */
    private static LocalDate lastQuotation(LocalDate day) {
        LocalDate quoted = day;
        while (!Schedule.isBusinessDay(quoted)) {
            quoted = quoted.minusDays(1);
        }
        return quoted;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
