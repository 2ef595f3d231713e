package dev.passerelle.server.transactions;

import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.PageLinks;
import dev.passerelle.server.api.Paging;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.Connections;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transaction routes (docs/protocol.md §7.2): the user's transactions, or one account's, or one
 * connection's, newest first, paged by {@code limit}/{@code offset}, filtered by dates, update time,
 * sign, deletion, and the search parameters of {@link TransactionSearch}; one transaction, and the
 * edit of its metadata ({@link TransactionEdit}). Only consented accounts' transactions exist to the API.
 */
@Tag(name = "Transactions")
@RestController
class TransactionController {

    private final TransactionStore store;
    private final AccountStore accounts;
    private final UserPaths users;
    private final Connections connections;
    private final WireFormat wire;
    private final Clock clock;

    TransactionController(TransactionStore store, AccountStore accounts, UserPaths users, Connections connections,
                          WireFormat wire, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.users = users;
        this.connections = connections;
        this.wire = wire;
        this.clock = clock;
    }

    @Operation(summary = "List transactions, a page at a time",
            description = "_links.next is the next page. min_date and max_date filter on the date that filter names.",
            // read from the request by TransactionSearch rather than bound one by one: a page is the API's
            // most frequent read, and each bound parameter costs it (docs/performance.md, P2); described by
            // the ParameterGlossary
            parameters = {
                    @Parameter(name = "wording", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                    @Parameter(name = "min_value", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
                    @Parameter(name = "max_value", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
                    @Parameter(name = "value", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
                    @Parameter(name = "search", in = ParameterIn.QUERY, schema = @Schema(type = "string"))})
    @GetMapping({"/users/{user}/transactions", "/users/{user}/accounts/{account}/transactions",
            "/users/{user}/connections/{connection}/transactions"})
    TransactionPage list(Caller caller, @PathVariable String user, @PathVariable(required = false) Long account,
                         @PathVariable(required = false) Long connection,
                         @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
                         @RequestParam(name = "min_date", required = false) String minDate,
                         @RequestParam(name = "max_date", required = false) String maxDate,
                         @Parameter(schema = @Schema(allowableValues = {"application_date", "date"}, defaultValue = "application_date"))
                         @RequestParam(required = false) String filter,
                         @RequestParam(name = "last_update", required = false) String lastUpdate,
                         @RequestParam(required = false) String income,
                         @RequestParam(required = false) String deleted,
                         @RequestParam(required = false) String all,
                         HttpServletRequest request) {
        long userId = users.resolve(caller, user);
        if (account != null && accounts.find(new Visible(userId, null, false), account).isEmpty()) {
            throw ApiError.NOT_FOUND.exception("No account " + account);
        }
        Paging paging = Paging.parse(limit, offset);
        DateParam.Days window = DateParam.days(minDate, maxDate, wire.zone());
        DateParam updatedAfter = DateParam.of("last_update", lastUpdate, wire.zone());
        TransactionFilter query = new TransactionFilter(userId, account, connections.requireOwned(userId, connection),
                TransactionFilter.dateColumn(filter), window.first(), window.last(),
                updatedAfter == null ? null : updatedAfter.instant(),
                income == null ? null : Flags.parse("income", income),
                deletedFilter(deleted, all), TransactionSearch.of(request::getParameterValues));

        TransactionStore.ScopedPage scoped = store.scopedPage(query, paging);
        List<TransactionView> page = scoped.rows();
        TransactionStore.Scope counted = scoped.scope();
        long total = counted.total();
        Function<TransactionView, LocalDate> dateOf = query.dateColumn().equals("t.tx_date")
                ? TransactionView::date : TransactionView::applicationDate;
        TransactionStore.DateRange scope = counted.dates().orElse(clock.instant().atZone(wire.zone()).toLocalDate());
        TransactionStore.DateRange result = new TransactionStore.DateRange(
                page.stream().map(dateOf).min(Comparator.naturalOrder()).orElse(null),
                page.stream().map(dateOf).max(Comparator.naturalOrder()).orElse(null))
                .orElse(new TransactionStore.DateRange(query.minDate(), query.maxDate()).orElse(scope));
        return new TransactionPage(page, total, scope.first(), scope.last(), result.first(), result.last(),
                PageLinks.of(request, paging, total));
    }

    /** {@code deleted} picks deleted or live rows; without it {@code all} shows both, and by default only live ones. */
    private static Boolean deletedFilter(String deleted, String all) {
        if (deleted != null) {
            return Flags.parse("deleted", deleted);
        }
        return Flags.isOn("all", all) ? null : Boolean.FALSE;
    }

    @Operation(summary = "Edit a transaction's metadata",
            description = "What mirrors the bank stays. An empty wording or application_date gives the bank's back;"
                    + " an empty comment removes it. A sync keeps what the user changed.",
            requestBody = @RequestBody(content = @Content(schemaProperties = {
                    @SchemaProperty(name = "wording", schema = @Schema(type = "string", maxLength = TransactionEdit.MAX_WORDING)),
                    @SchemaProperty(name = "application_date", schema = @Schema(type = "string", format = "date")),
                    @SchemaProperty(name = "comment", schema = @Schema(type = "string", maxLength = TransactionEdit.MAX_COMMENT)),
                    @SchemaProperty(name = "active", schema = @Schema(type = "boolean"))})))
    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST}, path = "/users/{user}/transactions/{id}")
    TransactionView edit(Caller caller, @PathVariable String user, @PathVariable long id, BodyParams body) {
        long userId = users.resolve(caller, user);
        TransactionEdit edit = TransactionEdit.of(body, wire.zone());
        if (!edit.isEmpty() && !store.edit(userId, id, edit, clock.instant())) {
            throw notFound(id);
        }
        return store.find(userId, id).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Get a transaction")
    @GetMapping("/users/{user}/transactions/{id}")
    TransactionView get(Caller caller, @PathVariable String user, @PathVariable long id) {
        return store.find(users.resolve(caller, user), id)
                .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return ApiError.NOT_FOUND.exception("No transaction " + id);
    }
}
