package org.tandem;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * Many ids given to a native statement as one SQL array parameter joined as a table, {@code unnest(?1) as p(id)}:
 * the same text on H2 and PostgreSQL, Hibernate binding the {@code Long[]} (plain JDBC: {@link #jdbcTable} and the
 * array {@link #of}). As an {@code in} list of parameters, H2 finds the rows through an index but then checks each
 * row against the whole list again; for a thousand pairings of six values each that took 25 times as long as the
 * join. {@code id = any(?)} with the same array does no better on H2 2.5.252 (its check walks the whole array for
 * every row found: 0.7-0.9 s for 10,000 project ids), and {@code in (select id from unnest(?))} found no rows at all
 * there: join the array.
 */
public final class IdArray {

    private IdArray() {
    }

    /** The ids as a table {@code alias(id)}: parameter 1 of a statement made here. */
    public static String table(String alias) {
        return "unnest(?1) as " + alias + "(id)";
    }

    /** The ids as a table {@code alias(id)} for plain JDBC, its parameter bound to an array {@link #of}. */
    public static String jdbcTable(String alias) {
        return "unnest(?) as " + alias + "(id)";
    }

    /** The ids (duplicates dropped) as an SQL array of {@code bigint} on {@code connection}, for plain JDBC. */
    public static Array of(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.stream().distinct().toArray(Long[]::new));
    }

    /**
     * The entities {@code type} that {@code sql} selects, its parameter 1 bound to {@code ids} (duplicates dropped);
     * pending changes of {@code type} are flushed first, others not.
     */
    @SuppressWarnings("unchecked")
    public static <T> NativeQuery<T> entities(EntityManager em, String sql, Class<T> type, Collection<Long> ids) {
        return bound(em.createNativeQuery(sql, type), type, ids);
    }

    /**
     * The rows of columns that {@code sql} selects from {@code reads}' table, its parameter 1 bound to {@code ids}
     * (duplicates dropped); pending changes of {@code reads} are flushed first, others not.
     */
    @SuppressWarnings("unchecked")
    public static NativeQuery<Object[]> rows(EntityManager em, String sql, Class<?> reads, Collection<Long> ids) {
        return bound(em.createNativeQuery(sql), reads, ids);
    }

    @SuppressWarnings("rawtypes")
    private static NativeQuery bound(jakarta.persistence.Query query, Class<?> reads, Collection<Long> ids) {
        NativeQuery<?> unwrapped = query.unwrap(NativeQuery.class);
        unwrapped.addSynchronizedEntityClass(reads);
        unwrapped.setParameter(1, ids.stream().distinct().toArray(Long[]::new));
        return unwrapped;
    }
}
