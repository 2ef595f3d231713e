package dev.passerelle.xs2a.simulator.bank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank's books, derived from a seed and the simulator's clock only: the same seed, PSU and day
 * always give the same accounts and the same entries, and moving the clock adds days (entries that
 * were pending become booked under the same id) without changing the past. Each PSU has a EUR
 * current account, a EUR savings account, a USD account and a credit card, with entries from the
 * day the bank "opened" (about three months before the simulator's start) until today.
 */
public final class BankData {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Entries of the last days of a payment account are still pending (card: three days). */
    private static final int PENDING_DAYS = 2;
    private static final int CARD_PENDING_DAYS = 3;

    private final long seed;
    private final String country;
    private final String bankCode;
    private final LocalDate openedOn;
    private final Map<String, List<BankAccount>> accounts = new ConcurrentHashMap<>();

    /**
     * @param bankCode the national bank code inside the German BBAN (eight digits)
     * @param openedOn the first day with entries
     */
    public BankData(long seed, String bankCode, LocalDate openedOn) {
        if (!bankCode.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("bank code must be eight digits: " + bankCode);
        }
        this.seed = seed;
        this.country = "DE";
        this.bankCode = bankCode;
        this.openedOn = openedOn;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    /** The PSU's accounts, payment accounts first, the card account last. */
    public List<BankAccount> accountsOf(String psuId, String ownerName) {
        return accounts.computeIfAbsent(psuId, id -> create(id, ownerName));
    }

    private List<BankAccount> create(String psuId, String ownerName) {
        Random random = new Random(mix(psuId, 0));
        String current = iban(random);
        BankAccount checking = new BankAccount(resourceId(psuId, "current"), BankAccount.Kind.PAYMENT, current, null,
                "EUR", "Girokonto", "Girokonto Plus", "CACC", ownerName, money(1200 + random.nextInt(1500)),
                money(1000), null);
        BankAccount savings = new BankAccount(resourceId(psuId, "savings"), BankAccount.Kind.PAYMENT, iban(random), null,
                "EUR", "Tagesgeld", "Tagesgeld", "SVGS", ownerName, money(4000 + random.nextInt(6000)),
                BigDecimal.ZERO.setScale(2), null);
        BankAccount dollars = new BankAccount(resourceId(psuId, "usd"), BankAccount.Kind.PAYMENT, iban(random), null,
                "USD", "US-Dollar-Konto", "Fremdwährungskonto", "CACC", ownerName, money(500 + random.nextInt(900)),
                BigDecimal.ZERO.setScale(2), null);
        String pan = String.format("492910%06d%04d", 0, random.nextInt(10_000));
        BankAccount card = new BankAccount(resourceId(psuId, "card"), BankAccount.Kind.CARD, null,
                pan.substring(0, 6) + "******" + pan.substring(12), "EUR", "Visa Classic", "Visa Classic", "CARD",
                ownerName, BigDecimal.ZERO.setScale(2), money(2000), current);
        return List.of(checking, savings, dollars, card);
    }

    /** Every entry of the account up to {@code today}, newest first, pending ones included. */
    public List<BankTransaction> transactions(BankAccount account, LocalDate today) {
        List<BankTransaction> entries = new ArrayList<>();
        for (LocalDate day = openedOn; !day.isAfter(today); day = day.plusDays(1)) {
            entries.addAll(entriesOf(account, day, today));
        }
        entries.sort(Comparator.comparing((BankTransaction t) -> t.transactionDate()).reversed()
                .thenComparing(BankTransaction::transactionId, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    /** closingBooked, interimBooked, expected and interimAvailable (card: expected and interimAvailable). */
    public List<Balance> balances(BankAccount account, LocalDate today, Instant now) {
        List<BankTransaction> entries = transactions(account, today);
        BigDecimal booked = account.openingBalance().add(sum(entries, false, today));
        BigDecimal bookedUntilYesterday = account.openingBalance().add(sum(entries, false, today.minusDays(1)));
        BigDecimal expected = booked.add(sum(entries, true, today));
        String lastEntry = entries.stream().filter(t -> !t.pending() && t.entryReference() != null)
                .map(BankTransaction::entryReference).findFirst().orElse(null);
        if (account.card()) {
            BigDecimal used = expected.negate().max(BigDecimal.ZERO);
            return List.of(
                    new Balance("expected", expected, account.currency(), today, now, false, null),
                    new Balance("interimAvailable", account.overdraft().subtract(used), account.currency(), today,
                            now, true, null));
        }
        return List.of(
                new Balance("closingBooked", bookedUntilYesterday, account.currency(), today.minusDays(1), null,
                        false, null),
                new Balance("interimBooked", booked, account.currency(), today, now, false, lastEntry),
                new Balance("expected", expected, account.currency(), today, now, false, null),
                new Balance("interimAvailable", expected.add(account.overdraft()), account.currency(), today, now,
                        account.overdraft().signum() > 0, null));
    }

    private static BigDecimal sum(List<BankTransaction> entries, boolean pending, LocalDate until) {
        return entries.stream()
                .filter(t -> t.pending() == pending)
                .filter(t -> !t.transactionDate().isAfter(until))
                .map(BankTransaction::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private List<BankTransaction> entriesOf(BankAccount account, LocalDate day, LocalDate today) {
        Random random = new Random(mix(account.resourceId(), day.toEpochDay()));
        List<Draft> drafts = switch (account.cashAccountType()) {
            case "SVGS" -> savings(day);
            case "CARD" -> card(random);
            default -> account.currency().equals("EUR") ? current(day, random) : foreign(day, random);
        };
        int pendingDays = account.card() ? CARD_PENDING_DAYS : PENDING_DAYS;
        boolean pending = day.isAfter(today.minusDays(pendingDays));
        List<BankTransaction> entries = new ArrayList<>();
        String key = account.resourceId().substring(0, 8);
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String id = key + "-" + DAY.format(day) + "-" + i;
            LocalDate booking = pending ? null : day.plusDays(account.card() ? CARD_PENDING_DAYS : 0);
            entries.add(new BankTransaction(id, pending ? null : DAY.format(day) + key + i, day, booking,
                    account.card() ? booking : day, draft.amount, account.currency(), draft.counterparty,
                    draft.counterpartyIban, draft.remittance, draft.endToEnd ? "E2E" + id.replace("-", "") : null,
                    draft.mandate, draft.creditorId, draft.code, draft.mcc));
        }
        return entries;
    }

    private record Draft(BigDecimal amount, String counterparty, String counterpartyIban, String remittance,
                         boolean endToEnd, String mandate, String creditorId, String code, String mcc) {
    }

    private List<Draft> current(LocalDate day, Random random) {
        List<Draft> drafts = new ArrayList<>();
        if (day.getDayOfMonth() == 1) {
            drafts.add(new Draft(money(2450), "ACME Maschinenbau GmbH", "DE89370400440532013000",
                    "Gehalt " + day.getMonth().getValue() + "/" + day.getYear(), true, null, null, "SALA", null));
        }
        if (day.getDayOfMonth() == 3) {
            drafts.add(new Draft(money(-950), "Hausverwaltung Müller & Söhne", "DE02120300000000202051",
                    "Miete " + day.getMonth().getValue() + "/" + day.getYear(), true, null, null, "RENT", null));
        }
        if (day.getDayOfMonth() == 15) {
            drafts.add(new Draft(money(-64.5), "Stadtwerke Berlin", "DE12500105170648489890",
                    "Abschlag Strom Vertragskonto 4711", false, "MNDT-SWB-4711", "DE98ZZZ09999999999", "DDBT", null));
        }
        int others = random.nextInt(3);
        for (int i = 0; i < others; i++) {
            Merchant merchant = DAILY[random.nextInt(DAILY.length)];
            drafts.add(new Draft(merchant.amount(random), merchant.name, merchant.iban,
                    merchant.name + " " + merchant.reference + " " + (1000 + random.nextInt(9000)), false, null, null,
                    merchant.code, null));
        }
        return drafts;
    }

    private List<Draft> savings(LocalDate day) {
        if (day.getDayOfMonth() == 2) {
            return List.of(new Draft(money(200), "Eigenes Girokonto", null, "Sparplan", false, null, null, "TRAN",
                    null));
        }
        return List.of();
    }

    private List<Draft> foreign(LocalDate day, Random random) {
        if (day.getDayOfWeek().getValue() != 5) {
            return List.of();
        }
        return List.of(random.nextBoolean()
                ? new Draft(money(150 + random.nextInt(300)), "Client Corp Inc.", null,
                "Invoice " + (2000 + random.nextInt(999)), true, null, null, "RCDT", null)
                : new Draft(money(-(20 + random.nextInt(80))), "Cloud Hosting LLC", null,
                "Subscription", false, null, null, "CCRD", null));
    }

    private List<Draft> card(Random random) {
        List<Draft> drafts = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Merchant merchant = CARD[random.nextInt(CARD.length)];
            drafts.add(new Draft(merchant.amount(random), merchant.name, null, merchant.name, false, null, null,
                    null, merchant.code));
        }
        return drafts;
    }

    private record Merchant(String name, String iban, String reference, String code, int minCents, int maxCents) {
        BigDecimal amount(Random random) {
            int cents = minCents + random.nextInt(maxCents - minCents + 1);
            return BigDecimal.valueOf(cents, 2);
        }
    }

    private static final Merchant[] DAILY = {
        new Merchant("EDEKA Markt Schmidt", "DE75512108001245126199", "SAGT DANKE", "POSD", -8500, -1200),
        new Merchant("Bäckerei Kamps", "DE27100777770209299700", "Kartenzahlung", "POSD", -950, -250),
        new Merchant("Deutsche Bahn Fernverkehr", "DE44500105175407324931", "Ticket", "CCRD", -12000, -1990),
        new Merchant("Online-Versand GmbH", "DE91100000000123456789", "Bestellung", "CCRD", -19900, -1500),
        new Merchant("Lena Fischer", "DE60100500000123456789", "Danke fürs Auslegen", "RCDT", 1000, 5000),
    };

    private static final Merchant[] CARD = {
        new Merchant("REWE Berlin-Mitte", null, "", "5411", -9000, -900),
        new Merchant("Trattoria Da Enzo", null, "", "5812", -7500, -1800),
        new Merchant("BVG Ticketautomat", null, "", "4111", -950, -300),
        new Merchant("MediaMarkt Alexa", null, "", "5732", -49900, -1999),
    };

    private String iban(Random random) {
        String accountNumber = String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
        return Iban.of(country, bankCode + accountNumber);
    }

    private String resourceId(String psuId, String account) {
        return UUID.nameUUIDFromBytes((seed + "/" + psuId + "/" + account).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private long mix(String key, long salt) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return h ^ (salt * 0xC2B2AE3D27D4EB4FL);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
