import dev.passerelle.client.Passerelle;
import dev.passerelle.client.TransactionQuery;
import dev.passerelle.client.flow.ConnectionFlow;
import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.AuthToken;
import dev.passerelle.client.model.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * From nothing to a user's first transactions with the Java SDK (docs/sdk.md):
 *
 *   java -cp cli/target/passerelle-cli.jar docs/examples/FirstTransactions.java \
 *        http://localhost:8080/2.0 data/demo-client-secret
 */
public class FirstTransactions {

    static final UUID TEST_CONNECTOR = UUID.fromString("338178e6-3d01-564f-9a7b-52ca442459bf");

    public static void main(String[] args) throws Exception {
        String api = args.length > 0 ? args[0] : "http://localhost:8080/2.0";
        String secret = Files.readString(Path.of(args.length > 1 ? args[1] : "data/demo-client-secret")).strip();

        // 1. A permanent user of the demo client application, and a client acting with its token.
        Passerelle server = Passerelle.builder(api).build();
        AuthToken token = server.auth().init(10000001, secret);
        Passerelle user = server.withToken(token.authToken());

        // 2. A connection to the test connector; the flow answers its one-time code ("Dites abcd").
        Connection connection = ConnectionFlow.with(user.me().connections())
                .onFields((c, fields, message) -> Map.of("openapisms", "abcd"))
                .onDecoupled((c, elapsed) -> System.out.println("Validate in your bank's app… " + elapsed.toSeconds() + " s"))
                .add(TEST_CONNECTOR, "directaccess",
                        Map.of("login", "alice", "password", "1234", "directaccesswebsite", "additionalInformationNeeded"));
        System.out.println("Connection " + connection.id() + ": " + (connection.ok() ? "OK" : connection.state()));

        // 3. The user consents to every account it found: their transactions are fetched now.
        long[] ids = user.me().accounts().list(true).accounts().stream().mapToLong(Account::id).toArray();
        user.me().accounts().enable(ids);

        // 4. Every transaction of the last month, page after page.
        user.me().transactions()
                .stream(TransactionQuery.create().between(java.time.LocalDate.now().minusMonths(1), null))
                .limit(5)
                .forEach(t -> System.out.println(t.date() + "  " + t.value() + "  " + t.wording()));
        System.out.println(user.me().transactions().list(TransactionQuery.create().pageSize(1)).total() + " transactions in all");
    }
}
