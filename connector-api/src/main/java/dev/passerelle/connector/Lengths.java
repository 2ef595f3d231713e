package dev.passerelle.connector;

/**
 * The longest values the server stores of what a connector hands over, applied as each item is
 * built, so that every connector's data fits the server's columns whatever the institution sends.
 * A text the institution writes for people (a wording, a name, a label) is cut at its limit and ends
 * with an ellipsis: a bank's long remittance information must not keep an account's operations out
 * of the database. An identifier or a code (an external id, a currency, an IBAN) cannot be cut
 * without naming something else, so building an item with a longer one fails, naming the field,
 * which the server records as the connector's fault ({@code bug}). NUL, which PostgreSQL's text
 * types cannot hold, is dropped from texts and refused in identifiers.
 */
public final class Lengths {

    /** {@code externalId} of every item, and an account's {@code parentExternalId}. */
    public static final int EXTERNAL_ID = 200;
    /** A transaction's original and simplified wordings. */
    public static final int WORDING = 500;
    /** Names and labels: an account's name and company, a subscription's label and subscriber, a counterparty's label, a document's issuer. */
    public static final int NAME = 200;
    /** A document's or an investment's own name. */
    public static final int TITLE = 300;
    /** Numbers as the institution writes them: an account's, a subscription's, a document's; a counterparty's identification. */
    public static final int NUMBER = 100;
    /** An investment's description. */
    public static final int DESCRIPTION = 1000;
    /** ISO 4217 codes, three letters, with room for an institution's own. */
    public static final int CURRENCY = 8;
    /** A masked card number, an investment's code. */
    public static final int CODE = 40;
    /** ISO 13616: at most 34 characters. */
    public static final int IBAN = 34;
    /** ISO 9362: 8 or 11 characters. */
    public static final int BIC = 11;

    private static final char ELLIPSIS = '…';

    private Lengths() {
    }

    /** {@code value} without NUL, cut to {@code max} characters (the last one an ellipsis) when longer; null stays null. */
    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half of a pair
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** {@code value} when it is at most {@code max} characters without NUL; null stays null. */
    static String identifier(String field, String value, int max) {
        if (value != null && (value.length() > max || value.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters without NUL ("
                    + value.length() + " given)");
        }
        return value;
    }
}
