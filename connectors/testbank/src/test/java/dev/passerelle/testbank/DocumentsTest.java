package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.DocumentType;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.testkit.Dialogue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    private final Dialogue bank = Bank.directaccess("par");

    @Test
    void directaccessHasMobileAndElectricitySubscriptions() {
        assertThat(bank.subscriptions()).extracting(Subscription::label).containsExactly("Ligne mobile", "Électricité");
    }

    @Test
    void openapiDeclaresNoDocumentsSoTheServerNeverAsksThem() {
        assertThat(new TestBankConnector().descriptor().source("openapi").orElseThrow().has(Capability.DOCUMENT))
                .isFalse();
    }

    @Test
    void eachSubscriptionHasOneInvoiceForEachOfTheLastSixMonths() {
        for (Subscription subscription : bank.subscriptions()) {
            List<Document> invoices = bank.documents(subscription);

            assertThat(invoices).hasSize(6).allSatisfy(d -> assertThat(d.type()).isEqualTo(DocumentType.BILL));
            assertThat(invoices).extracting(d -> d.date().withDayOfMonth(1)).doesNotHaveDuplicates()
                    .allSatisfy(month -> assertThat(month).isAfter(LocalDate.of(2023, 8, 31)));
        }
    }

    @Test
    void invoicesArePdfFiles() {
        assertThat(allFiles()).allSatisfy(file -> {
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(new String(file.content(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        });
    }

    @Test
    void pdfCrossReferenceOffsetsPointAtTheirObjects() {
        assertThat(allFiles()).allSatisfy(file -> {
            String pdf = new String(file.content(), StandardCharsets.ISO_8859_1);
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
        String pdf = new String(allFiles().getFirst().content(), StandardCharsets.ISO_8859_1);
        Matcher stream = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(pdf);
        assertThat(stream.find()).isTrue();

        assertThat(pdf.substring(stream.end() + Integer.parseInt(stream.group(1)))).startsWith("endstream");
    }

    @Test
    void pdfShowsTheInvoiceText() {
        Subscription electricity = bank.subscriptions().getLast();
        Document invoice = bank.documents(electricity).getFirst();
        String pdf = new String(bank.file(electricity, invoice).content(), StandardCharsets.ISO_8859_1);

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
        Document february = bank.documents(bank.subscriptions().getLast()).stream()
                .filter(d -> d.date().getMonthValue() == 2).findFirst().orElseThrow();
        var checking = Bank.activated(bank).getFirst();

        Transaction debit = bank.transactions(checking, LocalDate.of(2024, 3, 1)).stream()
                .filter(t -> t.originalWording().equals("PRLV SEPA EDF")).findFirst().orElseThrow();

        assertThat(debit.value()).isEqualByComparingTo(february.totalAmount().negate());
    }

    @Test
    void filesAreTheSameOnEveryCall() {
        Subscription mobile = bank.subscriptions().getFirst();
        Document invoice = bank.documents(mobile).getFirst();

        assertThat(bank.file(mobile, invoice)).isEqualTo(Bank.directaccess("par").file(mobile, invoice));
    }

    private List<Document> allInvoices() {
        return bank.subscriptions().stream().flatMap(s -> bank.documents(s).stream()).toList();
    }

    private List<DocumentFile> allFiles() {
        return bank.subscriptions().stream()
                .flatMap(s -> bank.documents(s).stream().map(d -> bank.file(s, d))).toList();
    }
}
