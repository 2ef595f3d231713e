package dev.passerelle.runtime.host;

/**
 * A column holding {@link AtRestEncryption} envelopes. Each part of the server that seals a column
 * declares it as a bean, so that the server's key rotation ({@code rekey}) re-encrypts every secret
 * without knowing the parts.
 *
 * @param table   table name
 * @param column  column holding envelopes (null allowed)
 * @param purpose the purpose string the column's values were sealed with
 */
public record SealedColumn(String table, String column, String purpose) {

    public SealedColumn {
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Sealed column names are plain identifiers");
        }
    }
}
