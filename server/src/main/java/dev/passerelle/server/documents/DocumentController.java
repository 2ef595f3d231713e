package dev.passerelle.server.documents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.passerelle.server.api.AmountParam;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.PageLinks;
import dev.passerelle.server.api.Paging;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The document routes (docs/protocol.md §7.3): the user's documents of consented subscriptions, newest
 * first, paged like transactions (with {@code _links}) and filtered by the document's date, and each
 * document's file.
 */
@Tag(name = "Documents", description = "Subscriptions to document providers and their documents.")
@RestController
class DocumentController {

    private final DocumentStore store;
    private final SubscriptionStore subscriptions;
    private final UserPaths users;
    private final WireFormat wire;

    DocumentController(DocumentStore store, SubscriptionStore subscriptions, UserPaths users, WireFormat wire) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.users = users;
        this.wire = wire;
    }

    record DocumentList(List<DocumentView> documents, long total, @JsonProperty("_links") PageLinks links) {
    }

    @Operation(summary = "List documents, a page at a time",
            description = "_links.next is the next page. min_date and max_date filter on the document's date,"
                    + " min_amount and max_amount on its total_amount, both included.")
    @GetMapping({"/users/{user}/documents", "/users/{user}/subscriptions/{subscription}/documents"})
    DocumentList list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long subscription,
                      @RequestParam(name = "id_subscription", required = false) Long idSubscription,
                      @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
                      @RequestParam(name = "min_date", required = false) String minDate,
                      @RequestParam(name = "max_date", required = false) String maxDate,
                      @Parameter(schema = @Schema(type = "number"))
                      @RequestParam(name = "min_amount", required = false) String minAmount,
                      @Parameter(schema = @Schema(type = "number"))
                      @RequestParam(name = "max_amount", required = false) String maxAmount,
                      HttpServletRequest request) {
        long userId = users.resolve(caller, user);
        Long scope = subscription != null ? subscription : idSubscription;
        if (scope != null && subscriptions.find(new Visible(userId, null, false), scope).isEmpty()) {
            throw ApiError.NOT_FOUND.exception("No subscription " + scope);
        }
        Paging paging = Paging.parse(limit, offset);
        DateParam.Days dated = DateParam.days(minDate, maxDate, wire.zone());
        DocumentStore.Filter filter = new DocumentStore.Filter(userId, scope, dated.first(), dated.last(),
                AmountParam.of("min_amount", minAmount), AmountParam.of("max_amount", maxAmount));
        long total = store.count(filter);
        return new DocumentList(store.list(filter, paging.limit(), paging.offset()).stream().map(DocumentView::of).toList(),
                total, PageLinks.of(request, paging, total));
    }

    @Operation(summary = "Download a document's file")
    @ApiResponse(responseCode = "200", description = "The file, in the media type the institution gave it",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/users/{user}/documents/{document}/file")
    ResponseEntity<byte[]> file(Caller caller, @PathVariable String user, @PathVariable long document) {
        DocumentStore.DocumentFile file = store.file(users.resolve(caller, user), document)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No document " + document));
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .body(file.content());
    }

    /** The connector's MIME type, or plain bytes when it gave something unreadable. */
    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
