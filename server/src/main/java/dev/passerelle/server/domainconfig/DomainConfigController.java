package dev.passerelle.server.domainconfig;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.audit.ChangeType;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigLog;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config} with the config token (docs/protocol.md §12 "Domain configuration"): the keys and
 * their values, {@code POST /config} with an object of key → value (an empty value restores the
 * default), and {@code GET /config/logs}, the audit log of every configuration change.
 */
@Tag(name = "Domain configuration", description = "The domain's settings and their audit log, with the config token "
        + "(docs/configuration.md).")
@RestController
class DomainConfigController {

    private static final String SEARCH_KEYS = "Only the keys containing this text.";

    private final DomainConfig config;
    private final ConfigLog log;
    private final WireFormat wire;

    DomainConfigController(DomainConfig config, ConfigLog log, WireFormat wire) {
        this.config = config;
        this.log = log;
        this.wire = wire;
    }

    /** Every key whose name contains {@code search}, with its value: {@code {"key": value, …}}. */
    @Operation(summary = "Read the domain configuration", description = "Every key with its value.")
    @GetMapping("/config")
    Map<String, Object> get(Caller.Admin caller, @Parameter(description = SEARCH_KEYS, example = "webhooks.")
                            @RequestParam(required = false) String search) {
        return config.wire(search);
    }

    /**
     * Sets the keys of the body, all or none; answers like {@code GET /config} afterwards. As in
     * Powens' example, {@code search} in the body (or the query) filters the answer and is no key.
     */
    @Operation(summary = "Change the domain configuration", description = "An object of keys and values, all set or none; "
            + "an empty value restores a key's default. Answers as the read does.")
    @RequestMapping(path = "/config", method = {RequestMethod.POST, RequestMethod.PUT})
    Map<String, Object> set(Caller.Admin caller, @Parameter(description = SEARCH_KEYS, example = "webhooks.")
                            @RequestParam(name = "search", required = false) String querySearch,
                            BodyParams body) {
        Map<String, String> values = new LinkedHashMap<>(body.asMap());
        String bodySearch = values.remove("search");
        config.set(values, ChangedBy.CONFIG_TOKEN);
        return config.wire(Optional.ofNullable(querySearch).orElse(bodySearch));
    }

    /** {@code ConfigLog} entries, newest first, with the {@code actor} who made each change. */
    record ConfigLogList(List<ConfigLog.Entry> configlogs, long total) {
    }

    /**
     * The audit log: {@code search} (part of the key), {@code type} ({@code add}, {@code update},
     * {@code delete}), {@code min_date} / {@code max_date} (dates or date-times), {@code limit},
     * {@code offset}.
     */
    @Operation(summary = "The audit log of configuration changes", description = "Newest first, with who made each change.")
    @GetMapping("/config/logs")
    ConfigLogList logs(Caller.Admin caller,
                       @Parameter(description = "Only the changes of keys containing this text.", example = "connector.")
                       @RequestParam(required = false) String search,
                       @Parameter(description = "Only changes of this type: add, update or delete.", example = "update")
                       @RequestParam(required = false) String type,
                       @RequestParam(name = "min_date", required = false) String minDate,
                       @RequestParam(name = "max_date", required = false) String maxDate,
                       @RequestParam(required = false) String limit,
                       @RequestParam(required = false) String offset) {
        Paging paging = Paging.parse(limit, offset);
        DateParam.Instants changed = DateParam.instants(minDate, maxDate, wire.zone());
        ConfigLog.Page page = log.list(new ConfigLog.Filter(search, changeType(type), changed.from(), changed.until()),
                paging.limit(), paging.offset());
        return new ConfigLogList(page.entries(), page.total());
    }

    private static ChangeType changeType(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(ChangeType.values()).filter(t -> t.wire().equals(raw.strip())).findFirst()
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("'type' is add, update or delete"));
    }
}
