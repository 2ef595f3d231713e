package dev.passerelle.bench;

import dev.passerelle.connector.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** What a connector returns for one account, made up but shaped like a real year of operations. */
record BenchData(long accountId, LocalDate since, List<Transaction> transactions) {

    private static final String[] TYPES = {"card", "transfer", "order", "withdrawal", "deferred_card", "check"};
    private static final String[] SHOPS = {"CARREFOUR", "SNCF", "EDF", "AMAZON EU", "BOULANGERIE DU\tCOIN",
            "PAYPAL *SHOP", "LOYER \"JUIN\"", "C:\\PATH REF"};

    /** {@code perAccount} operations for each account over the year before {@code today}; the same for a seed. */
    static List<BenchData> generate(List<Long> accounts, int perAccount, LocalDate today, long seed) {
        Random random = new Random(seed);
        LocalDate since = today.minusDays(365);
        return accounts.stream().map(account -> new BenchData(account, since, IntStream.range(0, perAccount)
                .mapToObj(i -> transaction("T" + account + "-" + i, since.plusDays(random.nextInt(366)), random))
                .toList())).toList();
    }

    /** The same fetch where every {@code nth} operation got a new amount and is now booked. */
    BenchData changedEvery(int nth) {
        return new BenchData(accountId, since, IntStream.range(0, transactions.size())
                .mapToObj(i -> i % nth == 0 ? changed(transactions.get(i)) : transactions.get(i)).toList());
    }

    private static Transaction transaction(String externalId, LocalDate date, Random random) {
        String shop = SHOPS[random.nextInt(SHOPS.length)];
        boolean withCounterparty = random.nextInt(5) == 0;
        return new Transaction(externalId, date, null, date.minusDays(1), date,
                BigDecimal.valueOf(-random.nextInt(100_000), 2), TYPES[random.nextInt(TYPES.length)],
                "CB " + shop + " " + date + " REF" + random.nextInt(1_000_000), "CB " + shop,
                random.nextInt(20) == 0, null, null, random.nextBoolean() ? "XXXXXXXXXXXX1234" : null,
                withCounterparty ? new Transaction.Counterparty(shop, "iban", "FR7630006000011234567890189", "creditor")
                        : null);
    }

    private static Transaction changed(Transaction t) {
        return new Transaction(t.externalId(), t.date(), t.applicationDate(), t.rdate(), t.vdate(),
                t.value().subtract(BigDecimal.ONE), t.type(), t.originalWording(), t.simplifiedWording(), false,
                t.originalValue(), t.originalCurrency(), t.card(), t.counterparty());
    }
}
