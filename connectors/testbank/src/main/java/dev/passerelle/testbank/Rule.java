package dev.passerelle.testbank;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * One habit of an account (the rent on the 1st, a coffee most mornings), deciding what it books on
 * a day. A rule draws only from the day's {@code random}, so a day's operations never change when
 * the clock moves on.
 */
@FunctionalInterface
interface Rule {

    List<Operation> on(LocalDate day, Random random);
}
