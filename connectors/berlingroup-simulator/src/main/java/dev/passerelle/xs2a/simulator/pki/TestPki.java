package dev.passerelle.xs2a.simulator.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority (RSA 2048, SHA-256) issuing what a PSD2 TLS and signing set-up needs:
 * server certificates for the simulator, and TPP certificates shaped like eIDAS ones — a QWAC (website
 * authentication, client and server auth) or a QSealC (electronic seal) with the QC statements of
 * ETSI TS 119 495 (roles of the PSP, competent authority) and the {@code organizationIdentifier}
 * ({@code PSDDE-BAFIN-…}). Validity is in real time, as TLS stacks check it.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential ca;

    private TestPki(Credential ca) {
        this.ca = ca;
    }

    /** A new self-signed CA named {@code CN=<name>}, valid ten years. */
    public static TestPki create(String name) {
        KeyPair keys = rsa();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE")
                .addRDN(BCStyle.O, "Passerelle test PKI").addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys);
            return new TestPki(new Credential(keys.getPrivate(), List.of(certificate)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the test CA", e);
        }
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** A TLS server certificate for these host names and IP addresses, valid two years. */
    public Credential issueServer(String... names) {
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(name.matches("[0-9.]+|.*:.*")
                    ? new GeneralName(GeneralName.iPAddress, ipAddress(name))
                    : new GeneralName(GeneralName.dNSName, name));
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE")
                .addRDN(BCStyle.O, "Passerelle XS2A simulator").addRDN(BCStyle.CN, names[0]).build();
        return issue(subject, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(730)),
                builder -> {
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(alternatives.toArray(GeneralName[]::new)));
                });
    }

    /** A QWAC-like TPP certificate (TLS client), with these PSD2 roles, valid one year. */
    public Credential issueQwac(String organisation, Psd2Role... roles) {
        return issueTpp(TppCertificate.qwac(organisation, roles));
    }

    /** A QSealC-like TPP certificate (for {@code Signature}), with these PSD2 roles, valid one year. */
    public Credential issueQseal(String organisation, Psd2Role... roles) {
        return issueTpp(TppCertificate.qseal(organisation, roles));
    }

    /** A TPP certificate as described. */
    public Credential issueTpp(TppCertificate request) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE")
                .addRDN(BCStyle.O, request.organisation())
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, request.organisationIdentifier())
                .addRDN(BCStyle.CN, request.organisation()).build();
        return issue(subject, request.notBefore(), request.notAfter(), builder -> {
            builder.addExtension(Extension.keyUsage, true, request.website()
                    ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (request.website()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
            }
            if (!request.roles().isEmpty()) {
                builder.addExtension(new ASN1ObjectIdentifier(QcStatements.EXTENSION_OID), false,
                        QcStatements.encode(request.website(), request.roles(), "Federal Financial Supervisory Authority",
                                "DE-BAFIN"));
            }
        });
    }

    /** A trust store (PKCS#12) with this CA as its only trusted certificate, under alias {@code ca}. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writeTrustStore(Path file, char[] password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context without certificate, trusting {@code anchors} (e.g. the simulator's generated CA). */
    public static SSLContext trusting(X509Certificate... anchors) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(anchors), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate in PEM. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustManager[] trustManagers(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private Credential issue(X500Name subject, Instant notBefore, Instant notAfter, Extensions extensions) {
        KeyPair keys = rsa();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), serial(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate()));
            extensions.add(builder);
            X509Certificate issued = sign(builder, new KeyPair(certificate().getPublicKey(), ca.privateKey()));
            return new Credential(keys.getPrivate(), List.of(issued, certificate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static DEROctetString ipAddress(String address) {
        try {
            return new DEROctetString(InetAddress.getByName(address).getAddress());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    /**
     * What a TPP certificate says.
     *
     * @param website true for a QWAC (TLS), false for a QSealC (signatures)
     */
    public record TppCertificate(String organisation, String organisationIdentifier, Set<Psd2Role> roles,
                                 boolean website, Instant notBefore, Instant notAfter) {

        public TppCertificate {
            roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }

        public static TppCertificate qwac(String organisation, Psd2Role... roles) {
            return new TppCertificate(organisation, "PSDDE-BAFIN-" + Math.abs(organisation.hashCode() % 1_000_000),
                    Set.of(roles), true, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
        }

        public static TppCertificate qseal(String organisation, Psd2Role... roles) {
            return qwac(organisation, roles).asSeal();
        }

        public TppCertificate asSeal() {
            return new TppCertificate(organisation, organisationIdentifier, roles, false, notBefore, notAfter);
        }

        /** The same certificate valid in another period (e.g. one that expired yesterday). */
        public TppCertificate validity(Instant from, Instant until) {
            return new TppCertificate(organisation, organisationIdentifier, roles, website, from, until);
        }
    }
}
