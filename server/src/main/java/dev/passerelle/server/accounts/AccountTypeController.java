package dev.passerelle.server.accounts;

import dev.passerelle.server.api.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /account_types} and {@code GET /account_types/{id}} (docs/protocol.md §7.1); no token needed. */
@Tag(name = "Accounts")
@RestController
class AccountTypeController {

    record AccountTypeList(List<AccountTypes.AccountType> accounttypes, int total) {
    }

    @Operation(summary = "List the account types")
    @GetMapping("/account_types")
    AccountTypeList list() {
        return new AccountTypeList(AccountTypes.ALL, AccountTypes.ALL.size());
    }

    @Operation(summary = "Get an account type")
    @GetMapping("/account_types/{id}")
    AccountTypes.AccountType one(@PathVariable long id) {
        return AccountTypes.byId(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No account type " + id));
    }
}
