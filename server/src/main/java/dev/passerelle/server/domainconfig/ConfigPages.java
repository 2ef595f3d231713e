package dev.passerelle.server.domainconfig;

import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.audit.ChangeType;
import dev.passerelle.server.audit.ConfigLog;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's configuration: every domain key with its type, default and value; the audit log, filtered and paged. */
@ConsoleController
class ConfigPages {

    static final int PAGE = 50;

    private final DomainConfig config;
    private final ConfigLog log;

    ConfigPages(DomainConfig config, ConfigLog log) {
        this.config = config;
        this.log = log;
    }

    @GetMapping("/console/config")
    String keys(Operator operator, Model model) {
        model.addAttribute("settings", config.settings(null));
        return "console/config";
    }

    /** Every key of the form ({@code key.<name>} fields) at once; an empty one gives the key its default again. */
    @PostMapping("/console/config")
    String save(Operator operator, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("key.")) {
                values.put(name.substring(4), value);
            }
        });
        Map<String, Object> current = config.wire(null);
        values.entrySet().removeIf(entry -> sameAsNow(current.get(entry.getKey()), entry.getValue()));
        if (values.isEmpty()) {
            return "redirect:/console/config?saved";
        }
        try {
            config.set(values, operator.changedBy());
        } catch (ApiException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", refused.description());
            return keys(operator, model);
        }
        return "redirect:/console/config?saved";
    }

    @GetMapping("/console/config/logs")
    String logs(Operator operator, @RequestParam(required = false) String search, @RequestParam(required = false) String type,
                @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        ChangeType changeType = Arrays.stream(ChangeType.values()).filter(t -> t.wire().equals(type)).findFirst().orElse(null);
        ConfigLog.Page entries = log.list(new ConfigLog.Filter(search, changeType, null, null), PAGE, (long) (current - 1) * PAGE);
        model.addAttribute("entries", entries.entries());
        model.addAttribute("total", entries.total());
        model.addAttribute("search", search);
        model.addAttribute("type", changeType == null ? "" : changeType.wire());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (entries.total() + PAGE - 1) / PAGE));
        return "console/config-logs";
    }

    /** Whether a posted value is what the key holds now: the form posts every key, only changed ones are set. */
    private static boolean sameAsNow(Object now, String posted) {
        String shown = now == null ? "" : now.toString();
        return shown.equals(posted.strip());
    }
}
