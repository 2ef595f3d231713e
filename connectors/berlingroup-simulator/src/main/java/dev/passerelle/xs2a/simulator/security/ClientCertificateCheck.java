package dev.passerelle.xs2a.simulator.security;

import dev.passerelle.xs2a.simulator.TlsOptions;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.pki.Psd2Role;
import dev.passerelle.xs2a.simulator.pki.QcStatements;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Mutual TLS as a PSD2 bank does it: the TPP identifies with a QWAC. The TLS layer asks for a client
 * certificate without judging it, so that the bank can answer in the protocol: CERTIFICATE_MISSING
 * when there is none, CERTIFICATE_EXPIRED, CERTIFICATE_INVALID when it does not chain to a trusted CA,
 * ROLE_INVALID when its PSD2 statement lacks the account-information role (PSP_AI).
 */
public final class ClientCertificateCheck {

    private final TlsOptions tls;

    public ClientCertificateCheck(TlsOptions tls) {
        this.tls = tls;
    }

    public void check(Call call) {
        List<X509Certificate> chain = tls.certificateHeaderName()
                .flatMap(call::header)
                .map(value -> List.of(Certificates.parse(tls.certificateHeader(), value)))
                .orElse(call.clientChain());
        if (chain.isEmpty()) {
            throw Xs2aException.of(TppMessageCode.CERTIFICATE_MISSING,
                    "This bank requires a TPP certificate (QWAC) in the TLS handshake.");
        }
        Certificates.requireTrusted(chain, tls.clientTrustAnchors(), "TPP certificate");
        QcStatements.roles(chain.getFirst()).ifPresent(roles -> {
            if (!roles.contains(Psd2Role.PSP_AI)) {
                throw Xs2aException.of(TppMessageCode.ROLE_INVALID,
                        "The TPP certificate does not carry the account-information role (PSP_AI).");
            }
        });
    }
}
