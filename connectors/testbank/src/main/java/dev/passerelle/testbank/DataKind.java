package dev.passerelle.testbank;

/** Which bank customer the data describe: a household ({@code par}) or a small company ({@code pro}). */
enum DataKind {
    PERSONAL,
    BUSINESS;

    /** Every scenario but {@code pro} shows a household's accounts, as Powens' sandbox does. */
    static DataKind of(Scenario scenario) {
        return scenario == Scenario.PRO ? BUSINESS : PERSONAL;
    }
}
