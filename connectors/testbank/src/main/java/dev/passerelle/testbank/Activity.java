package dev.passerelle.testbank;

import dev.passerelle.connector.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Everything booked on one account: its rules applied day by day, each day drawing from a seed of
 * (customer, account, date). A past day therefore never changes when the clock moves, and an
 * operation keeps its transaction id from the day it is coming to the day it is booked.
 */
final class Activity {

    /** Operations of today and yesterday are not booked yet. */
    private static final int COMING_DAYS = 2;

    private final String seed;
    private final String accountId;
    private final List<Rule> rules;

    Activity(String seed, String accountId, List<Rule> rules) {
        this.seed = seed;
        this.accountId = accountId;
        this.rules = List.copyOf(rules);
    }

    List<Operation> on(LocalDate day) {
        Random random = Seeds.random("day", seed, accountId, day);
        List<Operation> operations = new ArrayList<>();
        for (Rule rule : rules) {
            operations.addAll(rule.on(day, random));
        }
        return operations;
    }

    /** Transactions booked or coming from {@code from} to {@code today}, both included. */
    List<Transaction> transactions(LocalDate from, LocalDate today) {
        return days(from, today).flatMap(day -> transactionsOn(day, today)).toList();
    }

    /** Sum of the operations made from {@code from} to {@code to}, both included. */
    BigDecimal total(LocalDate from, LocalDate to) {
        return days(from, to)
                .flatMap(day -> on(day).stream())
                .map(Operation::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the operations made from {@code from} and booked by {@code today}. */
    BigDecimal bookedTotal(LocalDate from, LocalDate today) {
        return total(from, today.minusDays(COMING_DAYS));
    }

    /** Sum of the operations not booked yet on {@code today}. */
    BigDecimal coming(LocalDate today) {
        return total(today.minusDays(COMING_DAYS - 1), today);
    }

    private static Stream<LocalDate> days(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? Stream.empty() : from.datesUntil(to.plusDays(1));
    }

    private Stream<Transaction> transactionsOn(LocalDate day, LocalDate today) {
        List<Operation> operations = on(day);
        boolean coming = day.isAfter(today.minusDays(COMING_DAYS));
        String prefix = accountId + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        return Stream.iterate(0, i -> i < operations.size(), i -> i + 1).map(i -> {
            Operation op = operations.get(i);
            return Transaction.builder()
                    .externalId(prefix + i)
                    .date(day)
                    .applicationDate(op.rdate() == null ? day : op.rdate())
                    .rdate(op.rdate())
                    .vdate(day)
                    .value(op.value())
                    .type(op.type())
                    .originalWording(op.wording())
                    .simplifiedWording(op.simplifiedWording())
                    .coming(coming)
                    .card(op.card())
                    .counterparty(op.counterparty())
                    .build();
        });
    }
}
