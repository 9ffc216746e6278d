package org.tandem.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.Query;

/**
 * The values of an {@code in} condition as one parameter each ({@code (:ids0, :ids1, ...)}), as many as the next
 * power of two, the last value repeated to fill them. Hibernate does not keep the plan of a query that binds a
 * list to one parameter ({@code in :ids}): it translates such a query to SQL again at every execution (6-8% of
 * the CPU of a ranking page). With single parameters the plan is kept, one per length: at most ten for a page
 * of up to 500.
 */
public final class InList {

    private final String name;
    private final List<?> values;
    private final int length;

    private InList(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an in-list needs a value");
        }
        this.name = name;
        this.values = values;
        this.length = values.size() == 1 ? 1 : Integer.highestOneBit(values.size() - 1) << 1;
    }

    /** {@code values} (at least one) as parameters named {@code name0}, {@code name1}, ... */
    public static InList of(String name, List<?> values) {
        return new InList(name, values);
    }

    /** How many parameters: {@code values}' size rounded up to a power of two. */
    int length() {
        return length;
    }

    /** {@code "(:name0, :name1, ...)"}, to follow {@code in}. */
    public String sql() {
        return IntStream.range(0, length).mapToObj(i -> ":" + name + i).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Binds the parameters of {@link #sql()} on {@code query}. */
    public <Q extends Query> Q bind(Q query) {
        params().forEach(query::setParameter);
        return query;
    }

    /** The parameters of {@link #sql()} by name. */
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < length; i++) {
            params.put(name + i, values.get(Math.min(i, values.size() - 1)));
        }
        return params;
    }
}
