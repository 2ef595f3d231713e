package dev.passerelle.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.passerelle.client.model.Document;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

/** The documents of a user's enabled subscriptions (docs/data.md), newest first, and their files. */
public final class DocumentService {

    /** One page of documents; {@code total} counts them all. {@code documents} is required, as a transactions page's list. */
    public record DocumentPage(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) List<Document> documents,
                               long total) {
    }

    /** A document's file: its bytes and the content type the connector gave. */
    public record DocumentFile(String contentType, byte[] content) {
    }

    private static final int PAGE = 1000;

    private final Transport transport;
    private final String user;

    DocumentService(Transport transport, String user) {
        this.transport = transport;
        this.user = user;
    }

    /** One page; {@code subscription} null for every subscription's. */
    public DocumentPage list(Long subscription, int limit, int offset) {
        return transport.get(user + "/documents", Query.of().add("id_subscription", subscription).add("limit", limit)
                .add("offset", offset), DocumentPage.class);
    }

    /** Every document, fetched a page at a time. */
    public Stream<Document> stream(Long subscription) {
        return new Pages<PagedAt>(() -> new PagedAt(0, list(subscription, PAGE, 0)), PagedAt::next, page -> {
            int next = page.next();
            return page.page().documents().isEmpty() || next >= page.page().total() ? null
                    : new PagedAt(next, list(subscription, PAGE, next));
        }).stream().flatMap(page -> page.page().documents().stream());
    }

    /** {@code GET …/documents/{id}/file}. */
    public DocumentFile file(long id) {
        HttpResponse<byte[]> response = transport.bytes(user + "/documents/" + id + "/file");
        return new DocumentFile(response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                response.body());
    }

    /** A page and the offset it starts at: documents page by offset only. */
    private record PagedAt(int offset, DocumentPage page) {

        int next() {
            return offset + page.documents().size();
        }
    }
}
