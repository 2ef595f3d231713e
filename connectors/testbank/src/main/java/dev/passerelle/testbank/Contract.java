package dev.passerelle.testbank;

import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.DocumentType;
import dev.passerelle.connector.Subscription;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The customer's utility contracts, shown as subscriptions of the {@code directaccess} source
 * (document capability, docs/protocol.md §7.3), each with one invoice a month as a PDF, rendered
 * only when the server asks for the file.
 */
enum Contract {
    MOBILE("mobile", "Ligne mobile", "FREE MOBILE", Bills.MOBILE_ISSUE_DAY, 0, Bills.MOBILE_DEBIT_DAY) {
        @Override
        BigDecimal amount(Identity holder, YearMonth month) {
            return Bills.MOBILE;
        }

        @Override
        String number(Random random) {
            return "06" + Seeds.digits(random, 8);
        }
    },
    ELECTRICITY("electricity", "Électricité", "EDF", Bills.ELECTRICITY_ISSUE_DAY, 1, Bills.ELECTRICITY_DEBIT_DAY) {
        @Override
        BigDecimal amount(Identity holder, YearMonth month) {
            return Bills.electricity(holder, month);
        }

        @Override
        String number(Random random) {
            return "PDL" + Seeds.digits(random, 14);
        }
    };

    /** Invoices of the last six months are available. */
    static final int MONTHS_OF_INVOICES = 6;
    private static final BigDecimal VAT_FACTOR = new BigDecimal("1.20");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String key;
    private final String label;
    private final String issuer;
    private final int issueDay;
    private final int dueMonthsLater;
    private final int dueDay;

    Contract(String key, String label, String issuer, int issueDay, int dueMonthsLater, int dueDay) {
        this.key = key;
        this.label = label;
        this.issuer = issuer;
        this.issueDay = issueDay;
        this.dueMonthsLater = dueMonthsLater;
        this.dueDay = dueDay;
    }

    /** What the invoice of {@code month} asks, taxes included. */
    abstract BigDecimal amount(Identity holder, YearMonth month);

    abstract String number(Random random);

    Subscription subscription(Identity holder) {
        String number = number(Seeds.random("contract", holder.seed(), holder.kind(), key));
        return Subscription.builder().externalId(key + "-" + number).number(number).label(label)
                .subscriber(holder.name()).build();
    }

    /** The contract a subscription id belongs to. */
    static Optional<Contract> of(Subscription subscription) {
        return Stream.of(values()).filter(c -> subscription.externalId().startsWith(c.key + "-")).findFirst();
    }

    /** The invoices issued by {@code today}, the most recent first, described without their files. */
    List<Document> invoices(Identity holder, Subscription subscription, LocalDate today) {
        YearMonth latest = YearMonth.from(today);
        if (latest.atDay(issueDay).isAfter(today)) {
            latest = latest.minusMonths(1);
        }
        YearMonth newest = latest;
        return Stream.iterate(0, i -> i < MONTHS_OF_INVOICES, i -> i + 1)
                .map(i -> invoice(holder, subscription, newest.minusMonths(i)))
                .toList();
    }

    /** The PDF of one of {@link #invoices}: the same figures, printed. */
    DocumentFile file(Identity holder, Subscription subscription, Document invoice) {
        String period = YearMonth.from(invoice.date()).format(MONTH);
        byte[] pdf = InvoicePdf.render(issuer + " - Facture " + period, List.of(
                "Facture N° " + invoice.number() + " du " + invoice.date().format(DAY),
                "Abonné : " + holder.name(),
                "Adresse : " + holder.address(),
                label + " - contrat " + subscription.number(),
                "Période : " + period,
                "Montant HT : " + euros(invoice.untaxedAmount()),
                "TVA 20 % : " + euros(invoice.vat()),
                "Montant TTC : " + euros(invoice.totalAmount()),
                "Prélevé le " + invoice.dueDate().format(DAY) + " sur votre compte"));
        return new DocumentFile("application/pdf", pdf);
    }

    private Document invoice(Identity holder, Subscription subscription, YearMonth month) {
        BigDecimal total = amount(holder, month);
        BigDecimal untaxed = total.divide(VAT_FACTOR, 2, RoundingMode.HALF_EVEN);
        String yearMonth = month.format(DateTimeFormatter.ofPattern("yyyyMM"));
        return Document.builder()
                .externalId(subscription.externalId() + "-" + yearMonth)
                .name("Facture " + month.format(MONTH))
                .type(DocumentType.BILL)
                .date(month.atDay(issueDay))
                .dueDate(month.plusMonths(dueMonthsLater).atDay(dueDay))
                .totalAmount(total)
                .untaxedAmount(untaxed)
                .vat(total.subtract(untaxed))
                .currency("EUR")
                .number("F" + yearMonth + "-" + Seeds.digits(Seeds.random("invoice", subscription.externalId(), month), 6))
                .issuer(issuer)
                .build();
    }

    private static String euros(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',') + " EUR";
    }
}
