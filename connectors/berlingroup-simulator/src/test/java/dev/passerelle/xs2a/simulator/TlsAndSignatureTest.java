package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.pki.Credential;
import dev.passerelle.xs2a.simulator.pki.Psd2Role;
import dev.passerelle.xs2a.simulator.pki.QcStatements;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import java.net.URLEncoder;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsAndSignatureTest {

    static TestPki pki;
    static TestPki stranger;
    static Credential qwac;
    static Credential qseal;

    @BeforeAll
    static void certificates() {
        pki = TestPki.create("Test QTSP CA");
        stranger = TestPki.create("Unknown CA");
        qwac = pki.issueQwac("Example TPP GmbH", Psd2Role.PSP_AI, Psd2Role.PSP_PI);
        qseal = pki.issueQseal("Example TPP GmbH", Psd2Role.PSP_AI);
    }

    @Test
    void tppCertificatesCarryThePsd2Roles() {
        assertThat(QcStatements.roles(qwac.certificate())).contains(Set.of(Psd2Role.PSP_AI, Psd2Role.PSP_PI));
        assertThat(qwac.certificate().getSubjectX500Principal().getName()).contains("2.5.4.97=");
    }

    @Test
    void servesHttpsWithAGeneratedCertificate() {
        try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder().tls(TlsOptions.generated()).build())) {
            assertThat(bank.baseUrl().getScheme()).isEqualTo("https");
            Tpp tpp = new Tpp(bank.baseUrl(), TestPki.trusting(bank.serverCertificateAuthority().orElseThrow()));

            assertThat(tpp.createConsent("redirect").status()).isEqualTo(201);
        }
    }

    @Test
    void mutualTlsRefusesMissingForeignAndRolelessCertificatesInTheProtocol() {
        Credential foreign = stranger.issueQwac("Intruder Ltd", Psd2Role.PSP_AI);
        Credential paymentsOnly = pki.issueQwac("Payments Only GmbH", Psd2Role.PSP_PI);
        Credential expired = pki.issueTpp(TestPki.TppCertificate.qwac("Late GmbH", Psd2Role.PSP_AI)
                .validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))));
        try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder()
                .tls(TlsOptions.generated().requireClientCertificate(pki.certificate())).build())) {
            X509Certificate ca = bank.serverCertificateAuthority().orElseThrow();

            assertThat(new Tpp(bank.baseUrl(), qwac.clientSslContext(ca)).createConsent("redirect").status())
                    .isEqualTo(201);
            Tpp.Reply none = new Tpp(bank.baseUrl(), TestPki.trusting(ca)).createConsent("redirect");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.code()).isEqualTo("CERTIFICATE_MISSING");
            assertThat(new Tpp(bank.baseUrl(), foreign.clientSslContext(ca)).createConsent("redirect").code())
                    .isEqualTo("CERTIFICATE_INVALID");
            assertThat(new Tpp(bank.baseUrl(), paymentsOnly.clientSslContext(ca)).createConsent("redirect").code())
                    .isEqualTo("ROLE_INVALID");
            assertThat(new Tpp(bank.baseUrl(), expired.clientSslContext(ca)).createConsent("redirect").code())
                    .isEqualTo("CERTIFICATE_EXPIRED");
        }
    }

    @Test
    void theTppCertificateMayComeInAHeaderWhenTheBankSaysSo() {
        try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder()
                .tls(TlsOptions.generated().requireClientCertificate(pki.certificate()).certificateHeader("X-SSL-Client-Cert"))
                .build())) {
            Tpp tpp = new Tpp(bank.baseUrl(), TestPki.trusting(bank.serverCertificateAuthority().orElseThrow()));
            String escapedPem = URLEncoder.encode(qwac.certificatePem(), StandardCharsets.UTF_8).replace("+", "%20");

            assertThat(tpp.createConsent("redirect", "X-SSL-Client-Cert", escapedPem).status()).isEqualTo(201);
        }
    }

    @Test
    void aBankThatRequiresSignaturesRefusesUnsignedAndBadlySignedRequests() {
        try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder()
                .requireSignature(pki.certificate()).build())) {
            Tpp.Reply unsigned = new Tpp(bank).createConsent("redirect");
            assertThat(unsigned.status()).isEqualTo(401);
            assertThat(unsigned.code()).isEqualTo("SIGNATURE_MISSING");

            Tpp signed = new Tpp(bank).signWith(qseal);
            Tpp.Reply created = signed.createConsent("redirect");
            assertThat(created.status()).isEqualTo(201);
            assertThat(signed.get(created.href("status")).status()).isEqualTo(200);

            Tpp.Reply foreign = new Tpp(bank).signWith(stranger.issueQseal("Intruder", Psd2Role.PSP_AI))
                    .createConsent("redirect");
            assertThat(foreign.code()).isEqualTo("CERTIFICATE_INVALID");
        }
    }

    @Test
    void aTamperedBodyOrAMissingSignedHeaderIsSignatureInvalid() {
        try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder().requireSignature().build())) {
            Tpp signed = new Tpp(bank).signWith(qseal);
            assertThat(signed.createConsent("redirect").status()).isEqualTo(201);
            RecordedRequest good = bank.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow();

            Tpp.Reply tampered = new Tpp(bank).send("POST", "/v1/consents", good.body().replace("\"frequencyPerDay\":4",
                            "\"frequencyPerDay\":3"),
                    "X-Request-ID", good.header("X-Request-ID").orElseThrow(),
                    "Digest", good.header("Digest").orElseThrow(),
                    "Signature", good.header("Signature").orElseThrow(),
                    "TPP-Signature-Certificate", good.header("TPP-Signature-Certificate").orElseThrow(),
                    "PSU-ID", "redirect", "TPP-Redirect-URI", Tpp.OK_URI, "PSU-IP-Address", "192.168.8.78");
            assertThat(tampered.status()).isEqualTo(401);
            assertThat(tampered.code()).isEqualTo("SIGNATURE_INVALID");

            Tpp.Reply otherRequestId = new Tpp(bank).send("POST", "/v1/consents", good.body(),
                    "Digest", good.header("Digest").orElseThrow(),
                    "Signature", good.header("Signature").orElseThrow(),
                    "TPP-Signature-Certificate", good.header("TPP-Signature-Certificate").orElseThrow(),
                    "PSU-ID", "redirect", "TPP-Redirect-URI", Tpp.OK_URI, "PSU-IP-Address", "192.168.8.78");
            assertThat(otherRequestId.code()).isEqualTo("SIGNATURE_INVALID");
        }
    }
}
