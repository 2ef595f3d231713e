package dev.passerelle.server.e2e;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;

/** What an integrator's front end does: encrypt one field value for a published JWK. */
public final class Jwe {

    private Jwe() {
    }

    public static String encrypt(RSAKey publicKey, String value) {
        return encrypt(publicKey, value, EncryptionMethod.A256GCM);
    }

    public static String encrypt(RSAKey publicKey, String value, EncryptionMethod enc) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, enc)
                    .keyID(publicKey.getKeyID()).build(), new Payload(value));
            jwe.encrypt(new RSAEncrypter(publicKey));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
