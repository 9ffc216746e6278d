package org.tandem.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/** The where-clause of a list query, built from the filters a request gives; absent filters add nothing. */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} (naming {@code :name}) when the value is present. */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition that needs no parameter of its own. */
    public Filter and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Filter param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** {@code " where a and b"}, or empty. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** The number of rows of {@code from} (e.g. {@code "from Pairing p"}) that meet these conditions. */
    public long count(String from) {
        return count(from + where(), params);
    }

    /**
     * The number of rows of {@code fromWhere} ({@code "from ... where ..."}) with {@code params}, by an explicit
     * {@code select count(*)}: Hibernate keeps its plan. Panache's {@code count("from ...", params)} derives a new
     * count query from the query at every call, which Hibernate translates to SQL again each time (6% of the CPU of
     * a page of pairings).
     */
    public static long count(String fromWhere, Map<String, ?> params) {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery("select count(*) " + fromWhere, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }
}
