package dev.passerelle.server.console;

/** A console request refused before its page: a missing session or CSRF token (403), named by a message key. */
class ConsoleRefusal extends RuntimeException {

    private final String messageKey;

    ConsoleRefusal(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
