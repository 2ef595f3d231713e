package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void directaccessHasMobileAndElectricitySubscriptions() {
        assertThat(connector.subscriptions(aContext().build())).extracting(Subscription::label)
                .containsExactly("Ligne mobile", "Électricité");
    }

    @Test
    void openapiHasNoSubscriptions() {
        assertThat(connector.subscriptions(aContext().source("openapi").build())).isEmpty();
    }

    @Test
    void eachSubscriptionHasOneInvoiceForEachOfTheLastSixMonths() {
        for (Subscription subscription : subscriptions(aContext().build())) {
            List<Document> invoices = connector.documents(aContext().build(), subscription).toList();

            assertThat(invoices).hasSize(6).allSatisfy(d -> assertThat(d.type()).isEqualTo("bill"));
            assertThat(invoices).extracting(d -> d.date().withDayOfMonth(1)).doesNotHaveDuplicates()
                    .allSatisfy(month -> assertThat(month).isAfter(LocalDate.of(2023, 8, 31)));
        }
    }

    @Test
    void invoicesArePdfFiles() {
        assertThat(allInvoices()).allSatisfy(d -> {
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(new String(d.content(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        });
    }

    @Test
    void pdfCrossReferenceOffsetsPointAtTheirObjects() {
        assertThat(allInvoices()).allSatisfy(d -> {
            String pdf = new String(d.content(), StandardCharsets.ISO_8859_1);
            Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(pdf);
            assertThat(startxref.find()).isTrue();
            int xref = Integer.parseInt(startxref.group(1));
            assertThat(pdf.substring(xref)).startsWith("xref\n0 6\n0000000000 65535 f\r\n");
            int entries = xref + "xref\n0 6\n".length();
            for (int object = 1; object < 6; object++) {
                String entry = pdf.substring(entries + 20 * object, entries + 20 * (object + 1));
                assertThat(entry).matches("\\d{10} 00000 n\r\n");
                assertThat(pdf.substring(Integer.parseInt(entry.substring(0, 10)))).startsWith(object + " 0 obj\n");
            }
        });
    }

    @Test
    void pdfStreamLengthMatchesItsContent() {
        String pdf = new String(allInvoices().getFirst().content(), StandardCharsets.ISO_8859_1);
        Matcher stream = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(pdf);
        assertThat(stream.find()).isTrue();

        assertThat(pdf.substring(stream.end() + Integer.parseInt(stream.group(1)))).startsWith("endstream");
    }

    @Test
    void pdfShowsTheInvoiceText() {
        Document invoice = connector.documents(aContext().build(), subscriptions(aContext().build()).getLast())
                .findFirst().orElseThrow();
        String pdf = new String(invoice.content(), StandardCharsets.ISO_8859_1);

        assertThat(pdf).contains("(EDF - Facture " + invoice.name().substring("Facture ".length()) + ") Tj")
                .contains("Montant TTC : " + invoice.totalAmount().toPlainString().replace('.', ',') + " EUR");
    }

    @Test
    void invoiceAmountsSplitIntoUntaxedAndVat() {
        assertThat(allInvoices()).allSatisfy(d ->
                assertThat(d.untaxedAmount().add(d.vat())).isEqualByComparingTo(d.totalAmount()));
    }

    @Test
    void electricityDirectDebitPaysLastMonthsInvoice() {
        ConnectionContext ctx = aContext().build();
        Document february = connector.documents(ctx, subscriptions(ctx).getLast())
                .filter(d -> d.date().getMonthValue() == 2).findFirst().orElseThrow();
        var checking = connector.accounts(ctx).findFirst().orElseThrow();

        Transaction debit = connector.transactions(ctx, checking, LocalDate.of(2024, 3, 1))
                .filter(t -> t.originalWording().equals("PRLV SEPA EDF")).findFirst().orElseThrow();

        assertThat(debit.value()).isEqualByComparingTo(february.totalAmount().negate());
    }

    @Test
    void invoicesAreTheSameOnEveryCall() {
        Subscription mobile = subscriptions(aContext().build()).getFirst();

        assertThat(connector.documents(aContext().build(), mobile).map(Document::content).toList())
                .usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                .isEqualTo(connector.documents(aContext().build(), mobile).map(Document::content).toList());
    }

    private List<Subscription> subscriptions(ConnectionContext ctx) {
        return connector.subscriptions(ctx).toList();
    }

    private List<Document> allInvoices() {
        ConnectionContext ctx = aContext().build();
        return connector.subscriptions(ctx).flatMap(s -> connector.documents(ctx, s)).toList();
    }
}
