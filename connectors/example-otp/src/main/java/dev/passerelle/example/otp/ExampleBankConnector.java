package dev.passerelle.example.otp;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.example.otp.ExampleBankApi.AccessToken;
import dev.passerelle.example.otp.ExampleBankApi.BankAccount;
import dev.passerelle.example.otp.ExampleBankApi.LoginChallenge;
import dev.passerelle.example.otp.ExampleBankApi.Operation;
import dev.passerelle.example.otp.ExampleBankApi.Refused;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Banque Exemple: the user gives a login and a password, the institution sends a code by SMS, and
 * the code buys an access token that lasts until the institution's consent ends. The worked example
 * of {@code docs/connectors.md}.
 */
public final class ExampleBankConnector implements Connector {

    /** The setting naming the institution's API root, e.g. {@code https://api.banque-exemple.test/v1/}. */
    static final String API_URL = "api-url";
    static final String LOGIN = "login";
    static final String PASSWORD = "password";
    static final String CODE = "code";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor
            .builder(9001, UUID.fromString("5b0b1a52-2f5e-4c47-9a3e-6f1d0e7c9a01"), "Banque Exemple")
            .spiVersion(Spi.VERSION)
            .slug("BEX")
            .countries("FR")
            .accountTypes(AccountType.CHECKING, AccountType.SAVINGS)
            .sources(List.of(SourceDescriptor.builder(90011, "directaccess").build()))
            .fields(List.of(
                    FieldSpec.text(LOGIN, "Identifiant").withLabels(Map.of("fr", "Identifiant", "en", "Login")),
                    new FieldSpec(PASSWORD, "Mot de passe", null, FieldType.PASSWORD, true, null, List.of(), List.of(),
                            Set.of()).withLabels(Map.of("fr", "Mot de passe", "en", "Password"))))
            .settings(List.of(SettingSpec.of(API_URL, SettingSpec.Type.URL, "Root of Banque Exemple's API")
                    .asRequired()))
            .build();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Signs in: the login and password, then the SMS code the institution sends. */
    @Override
    public StepResult start(ConnectionContext ctx) {
        return signIn(ctx, "Enter the code sent to ");
    }

    /** The user's code: a token when it is right, the same question when it is wrong, a new SMS when it expired. */
    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        if (!(input instanceof Resume.Answers answers)) {
            throw new IllegalStateException("Banque Exemple only asks for codes; it cannot take " + input);
        }
        String challenge = BankSession.of(ctx).map(BankSession::challenge)
                .orElseThrow(() -> new IllegalStateException("No SMS code is pending on this connection"));
        try {
            AccessToken token = ExampleBankApi.of(ctx).confirm(challenge, answers.value(CODE).orElse(""));
            Instant expires = ctx.clock().instant().plusSeconds(token.expiresIn());
            BankSession.signedIn(token.accessToken(), expires).saveIn(ctx);
            ctx.log().info("Signed in; the institution's consent lasts until " + expires);
            return StepResult.Success.granting(Consent.until(expires));
        } catch (Refused refused) {
            if (refused.error().equals("invalid_code")) {
                return StepResult.Challenge.builder().field(codeField()).message(refused.getMessage())
                        .attemptsLeft(refused.attemptsLeft()).build();
            }
            ctx.log().info("The SMS code expired (" + refused.error() + "); asking for a new one");
            return signIn(ctx, "That code expired. Enter the new one sent to ");
        } catch (Interruption stopped) {
            return stopped.outcome();
        }
    }

    /**
     * A refresh reuses the token while it lasts: no SMS. Once it ended, only the user, present, can
     * sign in again (a new code); a background sync says so instead.
     */
    @Override
    public StepResult sync(ConnectionContext ctx) {
        boolean signedIn = BankSession.of(ctx).flatMap(s -> s.validToken(ctx.clock().instant())).isPresent();
        if (signedIn) {
            return StepResult.Success.of();
        }
        if (!ctx.userPresent()) {
            return new StepResult.ScaRequired("Banque Exemple asks for a new SMS code");
        }
        return start(ctx);
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        return ExampleBankApi.of(ctx).accounts(token(ctx)).stream().map(ExampleBankConnector::account).toList();
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        return ExampleBankApi.of(ctx).operations(token(ctx), account.externalId(), since).stream()
                .map(ExampleBankConnector::transaction).toList();
    }

    /** Posts the login and password; the institution sends a code by SMS, which the challenge asks for. */
    private static StepResult signIn(ConnectionContext ctx, String askCode) {
        try {
            LoginChallenge challenge = ExampleBankApi.of(ctx)
                    .login(ctx.credential(LOGIN).orElse(""), ctx.credential(PASSWORD).orElse(""));
            BankSession.awaitingCode(challenge.challenge()).saveIn(ctx);
            return StepResult.Challenge.builder().field(codeField()).message(askCode + challenge.sentTo())
                    .expiresAt(ctx.clock().instant().plusSeconds(challenge.expiresIn())).build();
        } catch (Refused refused) {
            ctx.clearSession();
            return StepResult.Failure.of(FailureReason.WRONG_PASS, refused.getMessage());
        } catch (Interruption stopped) {
            return stopped.outcome();
        }
    }

    private static FieldSpec codeField() {
        return new FieldSpec(CODE, "Code reçu par SMS", null, FieldType.TEXT, true, "^[0-9]{6}$", List.of(), List.of(),
                Set.of()).withLabels(Map.of("fr", "Code reçu par SMS", "en", "Code received by SMS"));
    }

    /** The token of the session; a data call without one needs the user to sign in again. */
    private static String token(ConnectionContext ctx) {
        return BankSession.of(ctx).flatMap(s -> s.validToken(ctx.clock().instant()))
                .orElseThrow(() -> Interruption.scaRequired("Banque Exemple asks for a new SMS code"));
    }

    private static Account account(BankAccount account) {
        AccountType type = switch (account.kind()) {
            case "current" -> AccountType.CHECKING;
            case "savings" -> AccountType.SAVINGS;
            default -> AccountType.OTHER;
        };
        return Account.builder().externalId(account.id()).name(account.label()).iban(account.iban())
                .type(type, account.kind()).balance(account.balance()).currency(account.currency()).build();
    }

    private static Transaction transaction(Operation operation) {
        TransactionType type = switch (operation.kind()) {
            case "card" -> TransactionType.CARD;
            case "transfer" -> TransactionType.TRANSFER;
            case "direct_debit" -> TransactionType.ORDER;
            default -> TransactionType.OTHER;
        };
        return Transaction.builder().externalId(operation.id()).date(operation.bookedOn()).value(operation.amount())
                .type(type, operation.kind()).originalWording(operation.label()).build();
    }
}
