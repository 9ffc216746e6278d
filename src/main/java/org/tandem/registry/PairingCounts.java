package org.tandem.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * How many pairings each programme has (V35's {@code pairing_count}), so that a page of a programme's pairings tells
 * its total without counting them. A programme gets its row at 0 when created; every creation and deletion of a
 * pairing moves its programme's count by one in the same transaction, and the update holds the row to the commit,
 * so concurrent writers take turns and none is lost. A programme without a row is counted.
 */
public final class PairingCounts {

    private PairingCounts() {
    }

    /** A new programme: no pairings yet. */
    static void start(long programId) {
        Panache.getEntityManager().createNativeQuery("insert into pairing_count (program_id, pairings) values (:p, 0)")
                .setParameter("p", programId).executeUpdate();
    }

    /** A pairing of programme {@code programId} was created (+1) or deleted (-1) in this transaction. */
    static void add(long programId, int change) {
        Panache.getEntityManager()
                .createNativeQuery("update pairing_count set pairings = pairings + :change where program_id = :p")
                .setParameter("change", change).setParameter("p", programId).executeUpdate();
    }

    /** The programme's pairings as stored, or null where it has no row. */
    static Long of(long programId) {
        List<?> stored = Panache.getEntityManager()
                .createNativeQuery("select pairings from pairing_count where program_id = :p")
                .setParameter("p", programId).getResultList();
        return stored.isEmpty() ? null : ((Number) stored.get(0)).longValue();
    }

    /** Counts the programme's pairings again on {@code c}: for data written past the service (the benchmark's). */
    public static void recountProgram(Connection c, long programId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from pairing_count where program_id = ?");
                PreparedStatement insert = c.prepareStatement("insert into pairing_count (program_id, pairings)"
                        + " select ?, count(*) from pairing where program_id = ?")) {
            delete.setLong(1, programId);
            delete.executeUpdate();
            insert.setLong(1, programId);
            insert.setLong(2, programId);
            insert.executeUpdate();
        }
    }
}
