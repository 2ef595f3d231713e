package dev.passerelle.server.crypto;

/**
 * A column holding {@link AtRestCipher} envelopes. Each feature that seals a column declares it as
 * a bean, so that {@link AtRestRekey} can re-encrypt every secret without knowing the features.
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
