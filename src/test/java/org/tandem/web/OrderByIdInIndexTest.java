package org.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.panache.common.Sort;

/** When a page in id order is read in an index's order, and the order-by clause it is read in. */
class OrderByIdInIndexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "p.id      | false | y.a       | order by y.a, y.b, y.project_id",
            "p.id      | true  | y.a       | order by y.a desc, y.b desc, y.project_id desc",
            "p.title   | false | y.a       | null",
            "p.id      | false | none      | null" })
    void orderByIdInIndex(String sortedBy, boolean descending, String fixed, String expected) {
        Sort order = descending ? Sort.descending(sortedBy) : Sort.ascending(sortedBy);
        List<String> columns = fixed.equals("none") ? List.of() : List.of(fixed, "y.b");
        String clause = PageRequest.orderByIdInIndex(order, "p.id", "y.project_id", columns);
        assertEquals(expected == null ? null : " " + expected, clause);
    }

    @ParameterizedTest
    @CsvSource({ "p.id", "p.title" })
    void anOrderOfTwoColumnsIsLeftAsItIs(String first) {
        assertEquals(null, PageRequest.orderByIdInIndex(Sort.by(first).and("p.id"), "p.id", "p.id", List.of("p.a")));
    }
}
