package dev.jctl.runtime.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of the log-structured table, after kine: every write appends a row whose id is its revision; the
 * live value of a name is its row with the highest id. A row carries the previous value and revision, so one
 * row is a complete watch event and compaction can drop superseded rows without losing later history.
 */
final class KineTable {
    static final String COLUMNS = "id, name, created, deleted, create_revision, prev_revision, value, old_value";

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS kine (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            create_revision INTEGER NOT NULL,
            prev_revision INTEGER NOT NULL,
            value BLOB,
            old_value BLOB
        )""",
        "CREATE INDEX IF NOT EXISTS kine_name_id_index ON kine (name, id)",
        // Survives restarts so a compacted revision keeps answering Gone; kine keeps it in a special row.
        "CREATE TABLE IF NOT EXISTS kine_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };

    static final String LATEST = "SELECT " + COLUMNS + " FROM kine WHERE name = ? ORDER BY id DESC LIMIT 1";

    static final String INSERT = "INSERT INTO kine (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Live rows in [from, to) and after a start name as of a revision, in name order. */
    static final String LIST = "SELECT " + COLUMNS + " FROM kine JOIN ("
            + " SELECT MAX(id) AS id FROM kine WHERE name >= ? AND name > ? AND name < ? AND id <= ? GROUP BY name"
            + ") USING (id) WHERE deleted = 0 ORDER BY name LIMIT ?";

    static final String HISTORY = "SELECT " + COLUMNS + " FROM kine"
            + " WHERE id > ? AND name >= ? AND name < ? ORDER BY id";

    static final String CURRENT_REVISION = "SELECT COALESCE(MAX(id), 0) FROM kine";

    static final String COMPACTED_REVISION = "SELECT COALESCE(MAX(value), 0) FROM kine_meta WHERE name = 'compact_rev'";

    static final String SET_COMPACTED_REVISION =
            "INSERT OR REPLACE INTO kine_meta (name, value) VALUES ('compact_rev', ?)";

    /**
     * Rows superseded at or below a revision, and deletions at or below it (kine's CompactSQL). Only rows
     * after the previous compaction need looking at: everything they replaced before it is already gone.
     */
    static final String COMPACT = "DELETE FROM kine WHERE id IN ("
            + " SELECT prev_revision FROM kine WHERE prev_revision != 0 AND id > ? AND id <= ?"
            + " UNION SELECT id FROM kine WHERE deleted != 0 AND id > ? AND id <= ?)";

    private KineTable() {
    }

    static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
        }
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The smallest string above every string that starts with {@code prefix} ("" stands for no bound). */
    static String prefixEnd(String prefix) {
        for (int i = prefix.length() - 1; i >= 0; i--) {
            char c = prefix.charAt(i);
            if (c != Character.MAX_VALUE) {
                return prefix.substring(0, i) + (char) (c + 1);
            }
        }
        return "\uffff\uffff";
    }

    /** One row of the table. */
    record Row(long id, String name, boolean created, boolean deleted, long createRevision, long prevRevision,
               byte[] value, byte[] oldValue) {

        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0, rs.getLong(5),
                    rs.getLong(6), rs.getBytes(7), rs.getBytes(8));
        }

        void insert(PreparedStatement insert) throws SQLException {
            insert.setLong(1, id);
            insert.setString(2, name);
            insert.setInt(3, created ? 1 : 0);
            insert.setInt(4, deleted ? 1 : 0);
            insert.setLong(5, createRevision);
            insert.setLong(6, prevRevision);
            insert.setBytes(7, value);
            insert.setBytes(8, oldValue);
            insert.executeUpdate();
        }

        KeyValue kv() {
            return new KeyValue(name, value, createRevision, id);
        }

        WatchEvent event() {
            if (deleted) {
                return new WatchEvent(WatchEvent.Type.DELETED, kv(), previous());
            }
            return created ? new WatchEvent(WatchEvent.Type.CREATED, kv(), null)
                    : new WatchEvent(WatchEvent.Type.UPDATED, kv(), previous());
        }

        private KeyValue previous() {
            return new KeyValue(name, oldValue, createRevision, prevRevision);
        }
    }
}
