package dev.passerelle.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedClientTest {

    private static final Predicate<InetAddress> LOOPBACK_TRUSTED = InetAddress::isLoopbackAddress;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "192.0.2.1|192.0.2.1", "192.0.2.1:4711|192.0.2.1", "[2001:db8::1]:4711|2001:db8:0:0:0:0:0:1",
            "2001:db8::1|2001:db8:0:0:0:0:0:1", "::1|0:0:0:0:0:0:0:1"})
    void ipLiteralsAreParsedWithOrWithoutPort(String hop, String address) {
        assertThat(ForwardedClient.ipLiteral(hop)).map(InetAddress::getHostAddress).contains(address);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "evil.example", "unknown", "_hidden", "256.1.1.1", "1.2.3", "1.2.3.4.5",
            "[::1", "", "0x7f.0.0.1", "fe80::1%eth0"})
    void anythingElseIsNoAddressAndIsNeverLookedUp(String hop) {
        assertThat(ForwardedClient.ipLiteral(hop)).isEmpty();
    }

    @Test
    void theClientIsTheNearestUntrustedHop() {
        String client = ForwardedClient.resolve("127.0.0.1", Collections.emptyEnumeration(),
                Collections.enumeration(List.of("203.0.113.5, 198.51.100.7", "127.0.0.2")), LOOPBACK_TRUSTED);

        assertThat(client).isEqualTo("198.51.100.7");
    }

    @Test
    void forwardedWinsOverXForwardedForAndQuotedIpv6IsRead() {
        String client = ForwardedClient.resolve("127.0.0.1",
                Collections.enumeration(List.of("for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"")),
                Collections.enumeration(List.of("198.51.100.7")), LOOPBACK_TRUSTED);

        assertThat(client).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(ForwardedClient.secure(Collections.enumeration(List.of("for=192.0.2.60;proto=https")),
                Collections.emptyEnumeration())).isTrue();
    }
}
