package dev.passerelle.client;

/**
 * Anything the SDK could not do: the API refused ({@link ApiException}) or could not be reached. The
 * message is fit for one log line, whatever the server wrote into it (an error's description, a
 * parser's quote of its body): control characters and line separators are escaped as {@code \\uXXXX},
 * so a CR/LF cannot forge a record in the integrator's logs, and it is cut after
 * {@value #MAX_MESSAGE} characters. {@link ApiException#description()} and the other accessors keep
 * the server's text as it came.
 */
public class PasserelleException extends RuntimeException {

    static final int MAX_MESSAGE = 2000;

    public PasserelleException(String message) {
        super(printable(message));
    }

    public PasserelleException(String message, Throwable cause) {
        super(printable(message), cause);
    }

    private static String printable(String message) {
        if (message == null) {
            return null;
        }
        String cut = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        StringBuilder line = new StringBuilder(cut.length());
        cut.chars().forEach(c -> {
            boolean breaks = Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
            line.append(breaks ? "\\u%04x".formatted(c) : String.valueOf((char) c));
        });
        return line.toString();
    }
}
