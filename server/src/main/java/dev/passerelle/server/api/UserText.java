package dev.passerelle.server.api;

/**
 * Free text a client writes for people to read later (an account's name, a transaction's wording
 * or comment, the webview's texts): stripped, at most as long as the column that stores it, and free
 * of control characters (C0, DEL, C1), which no label holds and which would reach the console, logs
 * and other clients' screens as they are. A text of several lines keeps its line breaks and tabs.
 * Anything else is {@link ApiError#INVALID_VALUE} naming the field.
 */
public final class UserText {

    private UserText() {
    }

    /** {@code value} stripped, as one line: no control character at all. */
    public static String line(String field, String value, int maxLength) {
        return checked(field, value, maxLength, false);
    }

    /** {@code value} stripped, as text of several lines: CR, LF and tab are its only control characters. */
    public static String lines(String field, String value, int maxLength) {
        return checked(field, value, maxLength, true);
    }

    private static String checked(String field, String value, int maxLength, boolean lineBreaks) {
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ApiError.INVALID_VALUE.exception("'" + field + "' is longer than " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && isLayout(c)))) {
            throw ApiError.INVALID_VALUE.exception("'" + field + "' holds control characters");
        }
        return stripped;
    }

    private static boolean isLayout(int c) {
        return c == '\n' || c == '\r' || c == '\t';
    }
}
