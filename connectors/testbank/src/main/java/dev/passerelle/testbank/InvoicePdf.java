package dev.passerelle.testbank;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF 1.4 written by hand: a title and lines of text in Helvetica. Small, but valid: the
 * cross-reference table holds the exact byte offset of each object, so strict readers open it
 * without repairing it. Text is encoded in WinAnsi (Latin-1 for the characters French invoices use).
 */
final class InvoicePdf {

    private InvoicePdf() {
    }

    static byte[] render(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n/F1 18 Tf\n72 770 Td\n(").append(escape(title)).append(") Tj\n")
                .append("/F1 11 Tf\n16 TL\nT*\n");
        for (String line : lines) {
            text.append("T*\n(").append(escape(line)).append(") Tj\n");
        }
        text.append("ET\n");
        byte[] content = latin1(text.toString());

        List<byte[]> objects = List.of(
                latin1("<< /Type /Catalog /Pages 2 0 R >>"),
                latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        + "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
                latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                concat(latin1("<< /Length " + content.length + " >>\nstream\n"), content, latin1("endstream")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The second line's bytes above 127 tell transfer tools the file is binary (PDF 32000-1 §7.5.2).
        out.writeBytes(latin1("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(latin1((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(latin1("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append('\n')
                .append("0000000000 65535 f\r\n");
        offsets.forEach(offset -> table.append("%010d 00000 n\r\n".formatted(offset)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(latin1(table.toString()));
        return out.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
