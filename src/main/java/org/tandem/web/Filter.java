package org.tandem.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
}
