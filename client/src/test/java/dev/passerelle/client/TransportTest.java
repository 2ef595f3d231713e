package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code _links} hrefs are resolved, whether the server writes them with the API root's path or not. */
class TransportTest {

    @ParameterizedTest
    @CsvSource({
            "http://h:8080/2.0, /users/me/transactions?offset=2, http://h:8080/2.0/users/me/transactions?offset=2",
            "http://h:8080/2.0, /2.0/users/me/transactions?offset=2, http://h:8080/2.0/users/me/transactions?offset=2",
            "http://h:8080/2.0/, /2.0/users/me/transactions, http://h:8080/2.0/users/me/transactions",
            "https://d.biapi.pro/2.0, users/me/transactions?offset=2, https://d.biapi.pro/2.0/users/me/transactions?offset=2",
            "http://h/api/2.0, /api/2.0/users/me/transactions, http://h/api/2.0/users/me/transactions",
            "http://h/api/2.0, /users/2.0x, http://h/api/2.0/users/2.0x",
            "http://h, /users/me/transactions, http://h/users/me/transactions",
            "http://h/2.0, http://other/2.0/users/me/transactions, http://other/2.0/users/me/transactions"})
    void hrefIsResolvedAgainstTheRootOrItsOrigin(String root, String href, String expected) {
        Transport transport = new Transport(URI.create(root), null, HttpClient.newHttpClient(), RetryPolicy.none(),
                Duration.ofSeconds(1), 1 << 20);

        assertThat(transport.resolve(href)).isEqualTo(URI.create(expected));
    }
}
