package dev.passerelle.testbank;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Random;

/**
 * The customer's two utility bills, shared by the invoices (documents) and the direct debits that
 * pay them on the checking account, so that both show the same amounts.
 */
final class Bills {

    static final BigDecimal MOBILE = new BigDecimal("19.99");
    /** The mobile bill of a month is issued on the 1st and debited on the 8th. */
    static final int MOBILE_ISSUE_DAY = 1;
    static final int MOBILE_DEBIT_DAY = 8;
    /** The electricity bill of a month is issued on the 20th and debited on the 5th of the next month. */
    static final int ELECTRICITY_ISSUE_DAY = 20;
    static final int ELECTRICITY_DEBIT_DAY = 5;

    private Bills() {
    }

    /** Electricity costs more in winter. */
    static BigDecimal electricity(Identity holder, YearMonth month) {
        Random random = Seeds.random("electricity", holder.seed(), holder.kind(), month);
        boolean winter = month.getMonthValue() <= 3 || month.getMonthValue() >= 11;
        return winter ? Seeds.amount(random, 85, 140) : Seeds.amount(random, 42, 75);
    }
}
