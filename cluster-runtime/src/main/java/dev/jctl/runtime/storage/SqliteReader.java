package dev.jctl.runtime.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A read connection of a {@link SqliteStorage} with its prepared statements. Its connection stays in a
 * deferred transaction, so all statements of one use read one snapshot (a list and the compaction mark it
 * checks agree); {@link #endSnapshot()} lets the next use see newer commits.
 */
final class SqliteReader implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement latest;
    private final PreparedStatement list;
    private final PreparedStatement history;
    private final PreparedStatement currentRevision;
    private final PreparedStatement compactedRevision;

    SqliteReader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        latest = connection.prepareStatement(KineTable.LATEST);
        list = connection.prepareStatement(KineTable.LIST);
        history = connection.prepareStatement(KineTable.HISTORY);
        currentRevision = connection.prepareStatement(KineTable.CURRENT_REVISION);
        compactedRevision = connection.prepareStatement(KineTable.COMPACTED_REVISION);
    }

    KineTable.Row latest(String key) throws SQLException {
        latest.setString(1, key);
        try (ResultSet rs = latest.executeQuery()) {
            return rs.next() ? KineTable.Row.read(rs) : null;
        }
    }

    ListResult list(String prefix, long revision, String startAfter, int limit) throws SQLException {
        long compacted = single(compactedRevision);
        long current = Math.max(single(currentRevision), compacted);
        if (revision != 0 && revision < compacted) {
            throw new StorageException.Gone(revision, compacted);
        }
        if (revision > current) {
            throw new StorageException("revision " + revision + " is in the future (current " + current + ")");
        }
        long readAt = revision == 0 ? current : revision;
        list.setString(1, prefix);
        list.setString(2, startAfter == null ? "" : startAfter);
        list.setString(3, KineTable.prefixEnd(prefix));
        list.setLong(4, readAt);
        list.setInt(5, limit > 0 ? limit + 1 : -1);
        List<KeyValue> items = new ArrayList<>();
        boolean more = false;
        try (ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                if (limit > 0 && items.size() == limit) {
                    more = true;
                    break;
                }
                items.add(KineTable.Row.read(rs).kv());
            }
        }
        return new ListResult(items, readAt, more);
    }

    List<WatchEvent> history(String prefix, long afterRevision) throws SQLException {
        long compacted = single(compactedRevision);
        if (afterRevision < compacted) {
            throw new StorageException.Gone(afterRevision, compacted);
        }
        history.setLong(1, afterRevision);
        history.setString(2, prefix);
        history.setString(3, KineTable.prefixEnd(prefix));
        List<WatchEvent> events = new ArrayList<>();
        try (ResultSet rs = history.executeQuery()) {
            while (rs.next()) {
                events.add(KineTable.Row.read(rs).event());
            }
        }
        return events;
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ends the read transaction so the next use sees the latest commit and the WAL can be checkpointed. */
    void endSnapshot() {
        try {
            connection.commit();
        } catch (SQLException ignored) {
            // A read-only transaction has nothing to lose; the next statement starts a fresh one.
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was written through this connection; there is nothing to lose.
        }
    }
}
