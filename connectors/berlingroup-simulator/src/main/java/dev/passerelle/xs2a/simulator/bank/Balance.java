package dev.passerelle.xs2a.simulator.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One balance of an account, of a {@code balanceType} of the OpenAPI file. */
public record Balance(
        String type,
        BigDecimal amount,
        String currency,
        LocalDate referenceDate,
        Instant lastChangeDateTime,
        Boolean creditLimitIncluded,
        String lastCommittedTransaction) {
}
