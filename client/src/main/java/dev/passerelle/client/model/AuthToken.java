package dev.passerelle.client.model;

/**
 * {@code POST /auth/init}: a new user's first token. {@code type} is {@code permanent} or
 * {@code temporary}; {@code expiresIn} (seconds) only for a temporary one.
 */
public record AuthToken(String authToken, String type, long idUser, Integer expiresIn) {

    public boolean permanent() {
        return "permanent".equals(type);
    }

    @Override
    public String toString() {
        return "AuthToken[" + type + " for user " + idUser + "]"; // never the token
    }
}
