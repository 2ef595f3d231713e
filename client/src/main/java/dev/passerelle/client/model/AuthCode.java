package dev.passerelle.client.model;

/** {@code GET /auth/token/code}: a temporary code; {@code access} is {@code standard} or {@code single} (single use). */
public record AuthCode(String code, String type, String access, Integer expiresIn) {

    @Override
    public String toString() {
        return "AuthCode[" + access + "]"; // never the code
    }
}
