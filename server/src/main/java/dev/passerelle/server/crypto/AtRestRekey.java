package dev.passerelle.server.crypto;

import dev.passerelle.runtime.host.SealedColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Re-encrypts every {@link SealedColumn} under the active at-rest key, so that an old key can be
 * retired: configure the new key as active next to the old ones, run
 * {@code java -jar passerelle-server.jar rekey}, then remove the old key. Rows are rewritten one by
 * one with a compare-and-set on the old envelope, so a row changed meanwhile is left as it is
 * (already under the active key) and the command can run while servers serve traffic.
 */
@Service
public class AtRestRekey {

    private static final Logger log = LoggerFactory.getLogger(AtRestRekey.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;
    private final List<SealedColumn> columns;

    public AtRestRekey(JdbcClient jdbc, AtRestCipher cipher, List<SealedColumn> columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.columns = columns;
    }

    /** Re-encrypts what is not under the active key yet; returns rows rewritten per column. */
    public Map<SealedColumn, Integer> rekey() {
        String current = "v1." + cipher.activeKeyId() + ".%";
        Map<SealedColumn, Integer> rewritten = new LinkedHashMap<>();
        for (SealedColumn column : columns) {
            int count = 0;
            List<Row> batch;
            long after = 0;
            do {
                batch = jdbc.sql("SELECT id, " + column.column() + " AS sealed FROM " + column.table()
                                + " WHERE id > :after AND " + column.column() + " IS NOT NULL AND "
                                + column.column() + " NOT LIKE :current ORDER BY id LIMIT " + BATCH)
                        .param("after", after).param("current", current)
                        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("sealed")))
                        .list();
                for (Row row : batch) {
                    String resealed = cipher.encrypt(cipher.decrypt(row.sealed(), column.purpose()), column.purpose());
                    count += jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :resealed WHERE id = :id AND "
                                    + column.column() + " = :old")
                            .param("resealed", resealed).param("id", row.id()).param("old", row.sealed())
                            .update();
                    after = row.id();
                }
            } while (batch.size() == BATCH);
            rewritten.put(column, count);
            log.info("Re-encrypted {} value(s) of {}.{} under key {}", count, column.table(), column.column(),
                    cipher.activeKeyId());
        }
        return rewritten;
    }

    private record Row(long id, String sealed) {
    }
}
