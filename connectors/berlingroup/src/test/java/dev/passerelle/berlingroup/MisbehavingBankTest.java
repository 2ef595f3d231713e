package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.LogLine;
import dev.passerelle.testkit.DataCallStopped;
import dev.passerelle.testkit.Dialogue;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bank that answers against the standard, as testers' own fakes of an ASPSP do ({@link OddBank}):
 * the connection ends in a documented state with a line for the operator, within the bank's timeout
 * and bounded memory, what the connection already holds is kept, and no URL the configuration does
 * not allow is fetched or handed to the user's browser.
 */
class MisbehavingBankTest {

    private static final LocalDate SINCE = LocalDate.parse("2025-03-01");
    private static final String TRANSACTIONS = "GET /v1/accounts/" + OddBank.ACCOUNT + "/transactions";

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Maintenance</body></html>", "[]", "", "{\"accounts\": [\"acc-1\"]}",
            "{\"accounts\": [{\"iban\": \"DE89370400440532013000\"}]}", "{\"accountz\": []}"})
    void anAccountListThatCannotBeReadIsForTheOperatorAndTheAccountsStay(String answer) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = dialogue.accounts().getFirst();
            String session = dialogue.session().orElseThrow();

            bank.on("GET /v1/accounts", OddBank.json(200, answer));

            assertThat(stopped(dialogue::accounts)).isEqualTo(unusable());
            assertThat(dialogue.session()).contains(session);
            assertThat(dialogue.log()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
                assertThat(line.message()).contains("breaks the Berlin Group standard", "GET /v1/accounts");
            });
            bank.on("GET /v1/accounts", null);
            assertThat(dialogue.accounts()).containsExactly(checking);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Maintenance</html>", "{}", "{\"consentStatus\": null}"})
    void aConsentStatusThatCannotBeReadDoesNotSendTheUserBackToTheBank(String answer) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            bank.on("GET /v1/consents/" + OddBank.CONSENT + "/status", OddBank.json(200, answer));

            assertThat(dialogue.sync(false)).isEqualTo(unusable());
        }
    }

    /** Without the connector's own bound the call would wait on the bank for good: {@code @Timeout} says so rather than hang. */
    @Test
    @Timeout(60)
    void aBankThatSendsItsHeadersThenNothingHoldsTheCallForItsTimeoutOnly() throws InterruptedException {
        CountDownLatch bankStillSilent = new CountDownLatch(1);
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            bank.on("GET /v1/accounts", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                try {
                    bankStillSilent.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            StepResult outcome = stopped(dialogue::accounts);

            assertThat(bankStillSilent.getCount()).as("the bank had not ended its answer").isOne();
            assertThat(outcome).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.WEBSITE_UNAVAILABLE));
        } finally {
            bankStillSilent.countDown();
        }
    }

    @Test
    void anAnswerThatNeverEndsIsCutOffAtTheLimit() {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            bank.on("GET /v1/accounts", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] spaces = new byte[1 << 16];
                Arrays.fill(spaces, (byte) ' ');
                try (OutputStream body = exchange.getResponseBody()) {
                    while (true) {
                        body.write(spaces);
                    }
                }
            });

            assertThat(stopped(dialogue::accounts)).isEqualTo(unusable());
            assertThat(dialogue.log()).anySatisfy(line -> assertThat(line.message()).contains("larger than"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "315360000"})
    void anAbsurdRetryAfterWaitsADay(String retryAfter) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            bank.on("GET /v1/accounts", exchange -> {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                OddBank.json(429, "{\"tppMessages\": [{\"category\": \"ERROR\", \"code\": \"ACCESS_EXCEEDED\"}]}")
                        .answer(exchange);
            });

            assertThat(stopped(dialogue::accounts)).isEqualTo(StepResult.Failure.rateLimited(
                    "The bank allows no more accesses to this account for now", Duration.ofDays(1)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "12,50", "NaN"})
    void aTransactionWithoutAStandardAmountStopsTheReportForTheOperator(String amount) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            bank.on(TRANSACTIONS, OddBank.json(200, """
                    {"transactions": {"booked": [{"bookingDate": "2025-03-10",
                        "transactionAmount": {"currency": "EUR", "amount": "%s"}}]}}""".formatted(amount)));

            assertThat(stopped(() -> dialogue.transactions(checking, SINCE))).isEqualTo(unusable());
            assertThat(dialogue.log()).anySatisfy(line -> assertThat(line.message())
                    .contains("GET /v1/accounts/acc-1/transactions", "transactionAmount"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"transactions\": {\"booked\": \"none\"}}", "{\"transactions\": []}"})
    void aReportPageWithoutItsEntriesIsNoEmptyReport(String answer) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            bank.on(TRANSACTIONS, OddBank.json(200, answer));

            assertThat(stopped(() -> dialogue.transactions(checking, SINCE))).isEqualTo(unusable());
        }
    }

    @Test
    void aNextLinkBackToAnEarlierPageIsRefusedRatherThanTakenForTheWholeReport() {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            bank.on(TRANSACTIONS, twoPages("/v1/accounts/acc-1/transactions?page=1"));

            assertThat(stopped(() -> dialogue.transactions(checking, SINCE))).isEqualTo(unusable());
            assertThat(dialogue.log()).anySatisfy(line -> assertThat(line.message()).contains("already read"));
        }
    }

    @Test
    void aReportWhoseNextLinkNeverEndsIsRefusedAfterTheLastPageFollowed() {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            AtomicInteger pages = new AtomicInteger();
            bank.on(TRANSACTIONS, exchange -> {
                int page = pages.incrementAndGet();
                OddBank.json(200, page(page, "/v1/accounts/acc-1/transactions?page=" + (page + 1))).answer(exchange);
            });

            assertThat(stopped(() -> dialogue.transactions(checking, SINCE))).isEqualTo(unusable());
            assertThat(pages).hasValue(1_000);
        }
    }

    @Test
    void aNextLinkToThePageJustReadEndsTheReport() {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            bank.on(TRANSACTIONS, twoPages("/v1/accounts/acc-1/transactions?page=2"));

            assertThat(dialogue.transactions(checking, SINCE)).extracting(Transaction::externalId).containsExactly("t-1", "t-2");
        }
    }

    /** A report of two pages, {@code t-1} then {@code t-2}, the second linking to {@code afterLast} as next. */
    private static OddBank.Answer twoPages(String afterLast) {
        return exchange -> {
            boolean second = String.valueOf(exchange.getRequestURI().getQuery()).contains("page=2");
            OddBank.json(200, page(second ? 2 : 1, second ? afterLast : "/v1/accounts/acc-1/transactions?page=2"))
                    .answer(exchange);
        };
    }

    /** A page of a report with one booked entry, {@code t-<number>}, and its next link. */
    private static String page(int number, String next) {
        return """
                {"transactions": {"booked": [{"transactionId": "t-%d", "bookingDate": "2025-03-10",
                    "transactionAmount": {"currency": "EUR", "amount": "-1.00"}}],
                 "_links": {"next": {"href": "%s"}}}}""".formatted(number, next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[broken/x y", "http://user:secret@127.0.0.1:%d/v1/accounts/acc-1/transactions?page=2",
            "http://169.254.169.254/latest/meta-data", "file:///etc/passwd"})
    void aNextPageLinkOutsideTheBanksApiIsNeverFetched(String next) {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            Account checking = activated(dialogue);
            bank.on(TRANSACTIONS, OddBank.json(200, """
                    {"transactions": {"booked": [], "_links": {"next": {"href": "%s"}}}}"""
                    .formatted(next.formatted(bank.baseUrl().getPort()))));

            assertThat(stopped(() -> dialogue.transactions(checking, SINCE))).isEqualTo(unusable());
            assertThat(bank.requests()).filteredOn(request -> request.contains("/transactions")).hasSize(1);
            assertThat(dialogue.log()).allSatisfy(line -> assertThat(line.message()).doesNotContain("secret"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
            "ftp://pages.bank.example/sca", "https://user:pw@pages.bank.example/sca"})
    void anScaRedirectToAnythingButAWebPageIsNeverHandedToTheBrowser(String page) {
        try (OddBank bank = OddBank.start()) {
            bank.on("POST /v1/consents", OddBank.json(201, """
                    {"consentStatus": "received", "consentId": "c-1", "_links": {"scaRedirect": {"href": "%s"}}}"""
                    .formatted(page)));
            Dialogue dialogue = bank.webauth();

            assertThat(dialogue.start()).isEqualTo(unusable());
            assertThat(dialogue.log()).anySatisfy(line -> assertThat(line.message()).contains("scaRedirect"))
                    .allSatisfy(line -> assertThat(line.message()).doesNotContain("user:pw", "alert"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "2025-03-13", "2025-02-30", "soon"})
    void aGrantedConsentValidUntilADayThatIsPastOrNoneIsValidToTheEndOfToday(String validUntil) {
        try (OddBank bank = OddBank.start()) {
            bank.on("GET /v1/consents/" + OddBank.CONSENT, OddBank.json(200, """
                    {"access": {"allPsd2": "allAccounts"}, "recurringIndicator": true, "validUntil": "%s",
                     "frequencyPerDay": 4, "consentStatus": "valid"}""".formatted(validUntil)));
            Dialogue dialogue = bank.webauth();
            dialogue.start();

            StepResult back = dialogue.returnFromInstitution(dialogue.interaction().orElseThrow().callbackUrl());

            assertThat(back).isInstanceOfSatisfying(StepResult.Success.class, granted ->
                    assertThat(granted.consent().validUntil()).isAfter(bank.clock.instant()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "-60", "3600.5", "99999999999999999999"})
    void aTokenLifetimeThatIsNoneLeavesTheTokenInUseUntilTheBankSaysItExpired(String expiresIn) {
        try (OddBank bank = OddBank.start()) {
            String base = bank.baseUrl().toString();
            bank.on("POST /v1/consents", OddBank.json(201, """
                    {"consentStatus": "received", "consentId": "c-1",
                     "_links": {"scaOAuth": {"href": "/.well-known/oauth-authorization-server"}}}"""))
                    .on("GET /.well-known/oauth-authorization-server", OddBank.json(200, """
                    {"authorization_endpoint": "%s/authorize", "token_endpoint": "%s/token"}""".formatted(base, base)))
                    .on("POST /token", OddBank.json(200, """
                    {"access_token": "at-1", "token_type": "Bearer", "expires_in": %s}""".formatted(expiresIn)));
            Dialogue dialogue = bank.webauth();
            assertThat(dialogue.start()).isInstanceOf(StepResult.Redirect.class);
            Interaction interaction = dialogue.interaction().orElseThrow();

            StepResult back = dialogue.returnFromInstitution(URI.create(interaction.registeredCallbackUrl()
                    + "?code=c0de&state=" + interaction.id()));

            assertThat(back).isInstanceOf(StepResult.Success.class);
            assertThat(dialogue.accounts()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"received", "partiallyAuthorised"})
    void aConsentTheBankHasNotConfirmedYetAfterTheUsersReturnIsAwaitedNotTakenForEnded(String status) {
        try (OddBank bank = OddBank.start()) {
            AtomicInteger reads = new AtomicInteger();
            bank.on("GET /v1/consents/" + OddBank.CONSENT, exchange -> OddBank.json(200, """
                    {"access": {"allPsd2": "allAccounts"}, "recurringIndicator": true, "validUntil": "2025-09-10",
                     "frequencyPerDay": 4, "consentStatus": "%s"}""".formatted(reads.getAndIncrement() == 0 ? status
                    : "valid")).answer(exchange));
            bank.on("GET /v1/consents/" + OddBank.CONSENT + "/status", OddBank.json(200, "{\"consentStatus\": \"valid\"}"));
            Dialogue dialogue = bank.webauth();
            dialogue.start();

            StepResult back = dialogue.returnFromInstitution(dialogue.interaction().orElseThrow().callbackUrl());

            assertThat(back).isInstanceOfSatisfying(StepResult.Decoupled.class, waiting ->
                    assertThat(waiting.message()).isEqualTo("The bank is confirming the access"));
            assertThat(dialogue.poll()).isInstanceOf(StepResult.Success.class);
            assertThat(dialogue.accounts()).hasSize(1);
        }
    }

    @Test
    void aBankThatNeverConfirmsTheConsentItSaysIsValidIsAwaitedOnlyAsLongAsAnApproval() {
        try (OddBank bank = OddBank.start()) {
            bank.on("GET /v1/consents/" + OddBank.CONSENT, OddBank.json(200, """
                    {"access": {"allPsd2": "allAccounts"}, "consentStatus": "received"}"""));
            Dialogue dialogue = bank.webauth();
            dialogue.start();
            assertThat(dialogue.returnFromInstitution(dialogue.interaction().orElseThrow().callbackUrl()))
                    .isInstanceOf(StepResult.Decoupled.class);

            bank.clock.advance(Duration.ofHours(1));

            assertThat(dialogue.poll()).isEqualTo(StepResult.Failure.of(FailureReason.DECOUPLED_EXPIRED,
                    "The bank did not confirm the access in time: please authenticate again"));
            assertThat(bank.requests()).contains("DELETE /v1/consents/" + OddBank.CONSENT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSENT_INVALID", "CONSENT_EXPIRED", "CONSENT_UNKNOWN"})
    void aConsentCodeRefusingTheConsentsCreationIsForTheOperatorAndDoesNotSendTheUserBackToTheBank(String code) {
        try (OddBank bank = OddBank.start()) {
            bank.on("POST /v1/consents", OddBank.json(401, """
                    {"tppMessages": [{"category": "ERROR", "code": "%s", "text": "access.allPsd2 not offered"}]}"""
                    .formatted(code)));
            Dialogue dialogue = bank.webauth();

            assertThat(dialogue.start()).isEqualTo(StepResult.Failure.of(FailureReason.BUG,
                    "The bank refused the request; the service operator has been told"));
            assertThat(dialogue.log()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
                assertThat(line.message()).contains("POST /v1/consents", code);
            });
        }
    }

    @Test
    void credentialsRefusedOnTheRedirectSourceSendTheUserToTheBankNotToAPasswordTheyNeverGave() {
        try (OddBank bank = OddBank.start()) {
            Dialogue dialogue = bank.connected();
            bank.on("GET /v1/accounts", OddBank.json(401, """
                    {"tppMessages": [{"category": "ERROR", "code": "PSU_CREDENTIALS_INVALID"}]}"""));

            assertThat(stopped(dialogue::accounts)).isEqualTo(new StepResult.WebauthRequired(
                    "The bank did not recognise you: please authenticate at your bank again"));
        }
    }

    /** The connection's one account, activated: its transactions may be asked. */
    private static Account activated(Dialogue dialogue) {
        Account checking = dialogue.accounts().getFirst();
        dialogue.activate(checking);
        return checking;
    }

    private static StepResult unusable() {
        return StepResult.Failure.of(FailureReason.BUG, "The bank's answer could not be read; the service operator has been told");
    }

    private static StepResult stopped(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(DataCallStopped.class);
        return ((DataCallStopped) thrown).outcome();
    }
}
