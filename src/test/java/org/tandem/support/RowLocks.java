package org.tandem.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Rows held by a transaction of a test's own, as a concurrent write of the service would hold them. */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * A connection in a transaction that holds the pairing's row (as a write of the pairing, or an import naming it,
     * does to its end) until it is rolled back or closed.
     */
    public static Connection holdPairing(DataSource dataSource, long pairing) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select id from pairing where id = ? for update")) {
            lock.setLong(1, pairing);
            lock.executeQuery().close();
        }
        return connection;
    }
}
