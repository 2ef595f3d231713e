package dev.passerelle.xs2a.simulator.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The qualified-certificate statements of an eIDAS PSD2 certificate (extension id-pe-qcStatements,
 * RFC 3739): QcCompliance, QcType (web for a QWAC, eseal for a QSealC) and the PSD2 statement of ETSI
 * TS 119 495 §5.1 (roles of the PSP, name and id of the national competent authority).
 */
public final class QcStatements {

    public static final String EXTENSION_OID = "1.3.6.1.5.5.7.1.3";
    private static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
    private static final String QC_TYPE = "0.4.0.1862.1.6";
    private static final String QC_TYPE_ESEAL = "0.4.0.1862.1.6.2";
    private static final String QC_TYPE_WEB = "0.4.0.1862.1.6.3";
    private static final String PSD2 = "0.4.0.19495.2";

    private QcStatements() {
    }

    /** The extension's value: QCStatements ::= SEQUENCE OF QCStatement. */
    static DERSequence encode(boolean website, Set<Psd2Role> roles, String ncaName, String ncaId) {
        ASN1EncodableVector statements = new ASN1EncodableVector();
        statements.add(new DERSequence(new ASN1ObjectIdentifier(QC_COMPLIANCE)));
        statements.add(new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier(QC_TYPE),
            new DERSequence(new ASN1ObjectIdentifier(website ? QC_TYPE_WEB : QC_TYPE_ESEAL))}));
        ASN1EncodableVector rolesOfPsp = new ASN1EncodableVector();
        for (Psd2Role role : roles) {
            rolesOfPsp.add(new DERSequence(new ASN1Encodable[] {
                new ASN1ObjectIdentifier(role.oid()), new DERUTF8String(role.name())}));
        }
        DERSequence psd2QcType = new DERSequence(new ASN1Encodable[] {
            new DERSequence(rolesOfPsp), new DERUTF8String(ncaName), new DERUTF8String(ncaId)});
        statements.add(new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(PSD2), psd2QcType}));
        return new DERSequence(statements);
    }

    /** The PSD2 roles a certificate names, or empty when it has no PSD2 statement (a plain certificate). */
    public static Optional<Set<Psd2Role>> roles(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(EXTENSION_OID);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            ASN1Sequence statements = ASN1Sequence.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets()));
            for (ASN1Encodable element : statements) {
                ASN1Sequence statement = ASN1Sequence.getInstance(element);
                if (!statement.getObjectAt(0).toString().equals(PSD2) || statement.size() < 2) {
                    continue;
                }
                ASN1Sequence rolesOfPsp = ASN1Sequence.getInstance(
                        ASN1Sequence.getInstance(statement.getObjectAt(1)).getObjectAt(0));
                Set<Psd2Role> roles = EnumSet.noneOf(Psd2Role.class);
                for (ASN1Encodable role : rolesOfPsp) {
                    String oid = ASN1Sequence.getInstance(role).getObjectAt(0).toString();
                    for (Psd2Role known : Psd2Role.values()) {
                        if (known.oid().equals(oid)) {
                            roles.add(known);
                        }
                    }
                }
                return Optional.of(roles);
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(EnumSet.noneOf(Psd2Role.class));
        }
    }
}
