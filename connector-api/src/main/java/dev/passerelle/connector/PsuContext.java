package dev.passerelle.connector;

/**
 * The user's own request, when they are present: institutions ask for it to tell an attended access
 * from an unattended one and to judge fraud (Berlin Group's {@code PSU-IP-Address},
 * {@code PSU-User-Agent}, {@code PSU-Accept-Language}).
 *
 * @param ipAddress      the user's IP address, or {@code null}
 * @param userAgent      the user's browser or app, or {@code null}
 * @param acceptLanguage the user's languages ({@code Accept-Language}), or {@code null}
 */
public record PsuContext(String ipAddress, String userAgent, String acceptLanguage) {
}
