package dev.passerelle.berlingroup.transport;

/**
 * One message of a bank's error answer: {@code tppMessages[]} ({@code {category, code, path, text}})
 * or, in the RFC 7807 form some banks use, {@code code} and {@code additionalErrors[]}.
 *
 * @param code the Berlin Group message code ({@code CONSENT_EXPIRED}, {@code FORMAT_ERROR}…), or {@code null}
 * @param path the request element it is about, or {@code null}
 * @param text the bank's explanation, or {@code null}
 */
public record TppMessage(String code, String path, String text) {
}
