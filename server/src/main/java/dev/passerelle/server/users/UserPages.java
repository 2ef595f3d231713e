package dev.passerelle.server.users;

import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's users: a search by user or connection id, a page at a time; a user's data as JSON
 * (GDPR export), and deleting a user with all of its data. A user's own page is the support
 * package's ({@code usersupport.UserSupportPages}).
 */
@ConsoleController
class UserPages {

    static final int PAGE = 50;

    private final UserAccounts users;
    private final UserSearch userSearch;
    private final UserExport export;

    UserPages(UserAccounts users, UserSearch userSearch, UserExport export) {
        this.users = users;
        this.userSearch = userSearch;
        this.export = export;
    }

    @GetMapping("/console/users")
    String list(Operator operator, @RequestParam(required = false) String search,
                @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        UserAccounts.Page found = users.page(new UserAccounts.Filter(userSearch.ids(search), null, null, null), PAGE, (long) (current - 1) * PAGE);
        model.addAttribute("users", found.users());
        model.addAttribute("total", found.total());
        model.addAttribute("search", search);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE - 1) / PAGE));
        return "console/users";
    }

    @GetMapping(path = "/console/users/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(Operator operator, @PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("passerelle-user-" + id + ".json").build().toString())
                .body(export.of(id));
    }

    @PostMapping("/console/users/{id}/delete")
    String delete(Operator operator, @PathVariable long id) {
        users.delete(id);
        return "redirect:/console/users?deleted";
    }
}
