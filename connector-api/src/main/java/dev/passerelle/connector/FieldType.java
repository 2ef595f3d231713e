package dev.passerelle.connector;

/** Input widget of a connector field (docs/protocol.md §2.4 {@code type}). */
public enum FieldType {
    TEXT("text"),
    PASSWORD("password"),
    /** One of {@link FieldSpec#values()}. */
    LIST("list"),
    /** Sent as {@code YYYY-MM-DD}. */
    DATE("date"),
    NUMBER("number");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
