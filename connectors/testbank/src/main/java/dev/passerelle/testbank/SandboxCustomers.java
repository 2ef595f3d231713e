package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import java.time.Instant;
import java.util.List;

/**
 * The test bank's customers as its own web pages show them: the sandbox bank that Passerelle serves
 * for web authentication ({@code /sandbox/bank}) checks passwords and lists, on its consent screen,
 * exactly the accounts the {@code openapi} source then discovers for the same login and scenario.
 */
public final class SandboxCustomers {

    private SandboxCustomers() {
    }

    /** Whether the bank accepts {@code password}: the one the login field announces, "Code (1234)". */
    public static boolean acceptsPassword(String password) {
        return TestBankDescriptor.EXPECTED_PASSWORD.equals(password);
    }

    /**
     * The accounts of the customer {@code login} on {@code now}, for the {@code openapiwebsite}
     * scenario value {@code scenario} ({@code pro}: a company's; any other or none: a household's).
     */
    public static List<Account> accounts(String login, String scenario, Instant now) {
        DataKind kind = Scenario.find(scenario, TestBankDescriptor.OPEN_API).map(DataKind::of).orElse(DataKind.PERSONAL);
        return Customer.of(login, kind, now).accountsToday();
    }
}
