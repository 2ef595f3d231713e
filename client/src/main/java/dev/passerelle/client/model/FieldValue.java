package dev.passerelle.client.model;

/** One choice of a {@code list} field: the value to send and its label. */
public record FieldValue(String value, String label) {
}
