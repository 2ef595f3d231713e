package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.MutualTls;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What goes on the wire to every bank: identification, the user's own headers, certificates, signatures. */
class TransportTest {

    @Test
    void everyCallHasItsOwnRequestIdAndTheUsersHeadersOnlyWhenTheUserIsThere() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = bank.embedded("embedded", "secret");
            dialogue.start();
            dialogue.answer(Map.of("tan", "123456"));
            Account checking = dialogue.accounts().getFirst();
            dialogue.activate(checking);
            dialogue.transactions(checking, LocalDate.parse("2025-03-01"));

            List<RecordedRequest> xs2a = bank.simulator.requests().stream()
                    .filter(r -> r.endpoint() != null && r.endpoint().xs2a()).toList();
            assertThat(xs2a).allSatisfy(request -> {
                assertThat(UUID.fromString(request.header("x-request-id").orElseThrow())).isNotNull();
                assertThat(request.header("accept")).contains("application/json");
            });
            assertThat(xs2a).extracting(r -> r.header("x-request-id").orElseThrow()).doesNotHaveDuplicates();
            assertThat(xs2a).filteredOn(r -> r.method().equals("POST") || r.method().equals("PUT"))
                    .allSatisfy(r -> assertThat(r.header("content-type")).contains("application/json"));
            RecordedRequest attended = bank.simulator.lastRequest(Endpoint.UPDATE_PSU_DATA).orElseThrow();
            assertThat(attended.header("psu-ip-address")).contains("203.0.113.7");
            assertThat(attended.header("psu-user-agent")).hasValueSatisfying(ua -> assertThat(ua).contains("Mozilla"));
            RecordedRequest unattended = bank.simulator.lastRequest(Endpoint.TRANSACTIONS).orElseThrow();
            assertThat(unattended.header("psu-ip-address")).isEmpty();
            assertThat(unattended.header("consent-id")).isPresent();
        }
    }

    @Test
    void behindAGatewayTheQwacTravelsInTheHeaderTheBankNames() {
        try (SimulatedBank bank = SimulatedBank.start(SimulatedBank.serverTls()
                        .requireClientCertificate(TppCertificates.get().pki.certificate())
                        .certificateHeader("X-SSL-Client-Cert"), options -> {
                }, Map.of("certificate-header", "X-SSL-Client-Cert"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();

            assertThat(dialogue.followRedirect(bank.accepting("redirect"))).isInstanceOf(StepResult.Success.class);
            assertThat(bank.simulator.lastRequest(Endpoint.GET_CONSENT).orElseThrow().header("x-ssl-client-cert"))
                    .contains(bank.tpp.qwac.certificateBase64());
        }
    }

    @Test
    void theRuntimesClientPresentsTheBanksQwacOverTlsUnlessAHeaderCarriesIt() {
        try (SimulatedBank tls = SimulatedBank.start(Map.of());
             SimulatedBank header = SimulatedBank.start(Map.of("certificate-header", "X-SSL-Client-Cert"))) {
            BerlinGroupProvider provider = new BerlinGroupProvider();

            Map<String, String> overTls = provider.settings(tls.directory(), tls.connector().descriptor());
            Map<String, String> inHeader = provider.settings(header.directory(), header.connector().descriptor());

            assertThat(overTls).containsEntry(MutualTls.KEY_STORE, tls.tpp.keyStore.toString())
                    .containsEntry(MutualTls.KEY_ALIAS, TppCertificates.QWAC)
                    .containsEntry(MutualTls.TRUST_STORE, tls.tpp.trustStore.toString());
            assertThat(inHeader).doesNotContainKeys(MutualTls.KEY_STORE, MutualTls.KEY_ALIAS)
                    .containsEntry(MutualTls.TRUST_STORE, header.tpp.trustStore.toString());
            assertThat(tls.connector().descriptor().settings()).extracting(SettingSpec::name)
                    .containsAll(MutualTls.settings().stream().map(SettingSpec::name).toList());
        }
    }

    @Test
    void requestsAreSignedWithTheQsealWhenTheBankWantsIt() {
        try (SimulatedBank bank = SimulatedBank.start(
                options -> options.requireSignature(TppCertificates.get().pki.certificate()),
                Map.of("signing", "true", "qseal-alias", TppCertificates.QSEAL))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();

            assertThat(dialogue.followRedirect(bank.accepting("redirect"))).isInstanceOf(StepResult.Success.class);
            assertThat(dialogue.accounts()).isNotEmpty();
            RecordedRequest consent = bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow();
            assertThat(consent.header("digest")).hasValueSatisfying(d -> assertThat(d).startsWith("SHA-256="));
            assertThat(consent.header("signature")).hasValueSatisfying(signature -> assertThat(signature)
                    .contains("keyId=\"SN=" + bank.tpp.qseal.certificate().getSerialNumber().toString(16).toUpperCase())
                    .contains("headers=\"digest x-request-id tpp-redirect-uri\""));
            assertThat(consent.header("tpp-signature-certificate")).contains(bank.tpp.qseal.certificateBase64());
        }
    }
}
