package dev.passerelle.bench;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** What a connector returns for one account, made up but shaped like a real year of operations. */
record BenchData(long accountId, LocalDate since, List<Transaction> transactions) {

    static final TransactionType[] TYPES = {TransactionType.CARD, TransactionType.TRANSFER,
            TransactionType.ORDER, TransactionType.WITHDRAWAL, TransactionType.DEFERRED_CARD, TransactionType.CHECK};
    static final String[] SHOPS = {"CARREFOUR", "SNCF", "EDF", "AMAZON EU", "BOULANGERIE DU\tCOIN",
            "PAYPAL *SHOP", "LOYER \"JUIN\"", "C:\\PATH REF"};

    /** {@code perAccount} operations for each account over the year before {@code today}; the same for a seed. */
    static List<BenchData> generate(List<Long> accounts, int perAccount, LocalDate today, long seed) {
        Random random = new Random(seed);
        return accounts.stream().map(account -> of(account, perAccount, today, random)).toList();
    }

    /** {@code perAccount} operations of one account over the year before {@code today}. */
    static BenchData of(long account, int perAccount, LocalDate today, Random random) {
        LocalDate since = today.minusDays(365);
        return new BenchData(account, since, IntStream.range(0, perAccount)
                .mapToObj(i -> transaction("T" + account + "-" + i, since.plusDays(random.nextInt(366)), random))
                .toList());
    }

    /** The same fetch where every {@code nth} operation got a new amount and is now booked. */
    BenchData changedEvery(int nth) {
        return new BenchData(accountId, since, IntStream.range(0, transactions.size())
                .mapToObj(i -> i % nth == 0 ? changed(transactions.get(i)) : transactions.get(i)).toList());
    }

    private static Transaction transaction(String externalId, LocalDate date, Random random) {
        String shop = SHOPS[random.nextInt(SHOPS.length)];
        boolean withCounterparty = random.nextInt(5) == 0;
        return Transaction.builder().externalId(externalId).date(date).rdate(date.minusDays(1)).vdate(date)
                .value(BigDecimal.valueOf(-random.nextInt(100_000), 2)).type(TYPES[random.nextInt(TYPES.length)])
                .originalWording("CB " + shop + " " + date + " REF" + random.nextInt(1_000_000))
                .simplifiedWording("CB " + shop).coming(random.nextInt(20) == 0)
                .card(random.nextBoolean() ? "XXXXXXXXXXXX1234" : null)
                .counterparty(withCounterparty ? Counterparty.builder().label(shop).scheme(Counterparty.Scheme.IBAN)
                        .identification("FR7630006000011234567890189").role(Counterparty.Role.CREDITOR).build() : null)
                .build();
    }

    private static Transaction changed(Transaction t) {
        return t.toBuilder().value(t.value().subtract(BigDecimal.ONE)).coming(false).build();
    }
}
