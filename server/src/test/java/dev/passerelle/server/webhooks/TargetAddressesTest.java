package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4007:80e::200e",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "100.63.255.255", "172.32.0.1"})
    void publicAddressesMayBeTargets(String address) throws UnknownHostException {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.100.100.200", "192.0.0.192", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.1",
            "::", "::1", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1", "fec0::1", "2001:db8::1", "100::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a9fe:a9fe::", "2001:0:4136:e378:8000:63bf:80ff:fffe"})
    void loopbackPrivateLinkLocalUniqueLocalMulticastUnspecifiedAndMetadataAddressesMayNot(String address)
            throws UnknownHostException {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "2130706433, 127.0.0.1",
            "0x7f000001, 127.0.0.1",
            "0X7F.1, 127.0.0.1",
            "0x7f.0.0.1, 127.0.0.1",
            "0177.0.0.1, 127.0.0.1",
            "017700000001, 127.0.0.1",
            "127.1, 127.0.0.1",
            "169.16689662, 169.254.169.254",
            "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "0, 0.0.0.0",
            "[::1], 0:0:0:0:0:0:0:1",
            "[::ffff:7f00:1], 127.0.0.1"})
    void everySpellingOfANumericHostIsReadAsTheResolverReadsIt(String host, String address) {
        assertThat(TargetAddresses.literal(host)).hasValueSatisfying(
                literal -> assertThat(literal.getHostAddress()).isEqualTo(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1.2.3.4.5", "256.1.1.1", "4294967296", "08.1.1.1", "1..2",
            "deadbeef", "12a"})
    void namesAndOutOfRangeNumbersAreNotLiterals(String host) {
        assertThat(TargetAddresses.literal(host)).isEmpty();
    }
}
