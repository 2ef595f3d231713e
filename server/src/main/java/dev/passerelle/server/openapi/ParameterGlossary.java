package dev.passerelle.server.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * What the protocol's parameters mean, said once for every operation that takes them, by place
 * and name ({@code "path connection"}): the same name means the same thing on every route
 * (docs/protocol.md §0), so a handler need not repeat it. A parameter the handler
 * documents itself keeps its own words; a parameter that is in neither is left bare, and the
 * document's tests name it.
 */
final class ParameterGlossary implements OperationCustomizer {

    /** A parameter's meaning and an example value, typed as the wire carries it. */
    record Entry(String description, Object example) {
    }

    private static final String A_DATE = "A date (YYYY-MM-DD), or an ISO-8601 date and time.";
    private static final String AN_AMOUNT = "A decimal with a point or a comma (-12.50, -12,50).";

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("path user", new Entry("`me` (the token's user), or a user's id with the config token.", "me")),
            Map.entry("path userId", new Entry("`me` (the token's user), or a user's id with the config token.", "me")),
            Map.entry("path connection", new Entry("A connection's id.", 42L)),
            Map.entry("path account", new Entry("An account's id.", 7L)),
            Map.entry("path ids", new Entry("One id, or several separated by commas.", "7,8")),
            Map.entry("path source", new Entry("A source of the connection, by its id.", 9L)),
            Map.entry("query source", new Entry("The source to add or to move to, by its name.", "directaccess")),
            Map.entry("path subscription", new Entry("A subscription's id.", 4L)),
            Map.entry("path document", new Entry("A document's id.", 12L)),
            Map.entry("path investment", new Entry("An investment's id.", 5L)),
            Map.entry("path id", new Entry("The resource's id.", 3L)),
            Map.entry("path key", new Entry("A connector, by its id or its UUID.", "338178e6-3d01-564f-9a7b-52ca442459bf")),
            Map.entry("path sourceId", new Entry("A source of the connector, by its id or its name.", "directaccess")),
            Map.entry("path interaction", new Entry("The web authentication the institution sends the user back from (opaque).",
                    "7n2Jq0cX5bY8")),
            Map.entry("query all", new Entry("Present, empty or `true`: disabled resources are listed too.", "true")),
            Map.entry("query expand", new Entry("Related objects to embed, separated by commas; unknown names are ignored.", "accounts")),
            Map.entry("query background", new Entry("`true`: answer `validating` at once and run the step in the background.", "true")),
            Map.entry("query psu_requested", new Entry("`false` when the user is not present: a step that needs them is not attempted "
                    + "(the connection turns `SCARequired`). Default `true`.", "false")),
            Map.entry("query limit", new Entry("How many results a page holds at most.", "100")),
            Map.entry("query offset", new Entry("How many results to skip.", "0")),
            Map.entry("query min_date", new Entry("The window's first day. " + A_DATE, "2026-01-01")),
            Map.entry("query max_date", new Entry("The window's last day. " + A_DATE, "2026-01-31")),
            Map.entry("query last_update", new Entry("Only what changed since this moment. " + A_DATE, "2026-01-15 09:30:00")),
            Map.entry("query filter", new Entry("Which date min_date and max_date apply to.", "date")),
            Map.entry("query income", new Entry("`true`: credits only; `false`: debits only.", "false")),
            Map.entry("query deleted", new Entry("`true`: only deleted transactions; `false`: only live ones (the default, unless `all`).",
                    "false")),
            Map.entry("query wording", new Entry("Only transactions whose wording contains this text, whatever its case.",
                    "CARREFOUR")),
            Map.entry("query min_value", new Entry("The least value, included. " + AN_AMOUNT, "-100")),
            Map.entry("query max_value", new Entry("The greatest value, included. " + AN_AMOUNT, "-10.50")),
            Map.entry("query value", new Entry("Only these values, separated by `|`; `±12.50` stands for 12.50 and -12.50.",
                    "12.50|-12.50")),
            Map.entry("query search", new Entry("Text found in a label (wording, original or simplified wording, counterparty), "
                    + "or an amount of either sign, or a date (YYYY-MM-DD).", "EDF")),
            Map.entry("query min_amount", new Entry("The least total_amount, included. " + AN_AMOUNT, "10")),
            Map.entry("query max_amount", new Entry("The greatest total_amount, included. " + AN_AMOUNT, "99.90")),
            Map.entry("query code", new Entry("Only the investment of this code (an ISIN, usually).", "LU1681043599")),
            Map.entry("query label", new Entry("Only the investments of this label.", "WORLD ETF")),
            Map.entry("query id_subscription", new Entry("Only this subscription's documents.", 4L)),
            Map.entry("query id_source", new Entry("Only the entries of this source of the connection, by its id.", 9L)),
            Map.entry("query connector_ids", new Entry("Only these connectors, by id, separated by commas.", "40")),
            Map.entry("query connector_uuids", new Entry("Only these connectors, by UUID, separated by commas.",
                    "338178e6-3d01-564f-9a7b-52ca442459bf")),
            Map.entry("query auth_mechanism", new Entry("Only connectors with a source of this mechanism.", "webauth")),
            Map.entry("query type", new Entry("`requestAccess` (default): a code for a front end; `singleAccess`: "
                    + "a code exchanged once for a permanent token.", "singleAccess")),
            Map.entry("query id_client", new Entry("The client application whose webhooks this listener receives.", 10000001L)),
            Map.entry("query url", new Entry("Where the listener forwards (names the listener in the delivery log).",
                    "http://localhost:3000/webhooks")),
            Map.entry("query events", new Entry("The events to receive, separated by commas; all when absent.", "CONNECTION_SYNCED")),
            Map.entry("query auth", new Entry("How deliveries are signed.", "hmac")),
            Map.entry("query query", new Entry("The web authentication's parameters (client_id, redirect_uri, connector_uuid or "
                    + "id_connection, state, …), each a query parameter of its own.",
                    Map.of("client_id", "10000001", "redirect_uri", "https://app.example.test/callback",
                            "connector_uuid", "338178e6-3d01-564f-9a7b-52ca442459bf"))));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ParameterGlossary::explain);
        }
        return operation;
    }

    private static void explain(Parameter parameter) {
        Entry entry = ENTRIES.get(parameter.getIn() + " " + parameter.getName());
        if (entry == null) {
            return;
        }
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(entry.description());
        }
        if (parameter.getExample() == null && (parameter.getExamples() == null || parameter.getExamples().isEmpty())) {
            parameter.setExample(entry.example());
        }
    }
}
