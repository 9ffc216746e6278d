package org.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An in-list has one parameter per value, as many as the next power of two, the last value filling the rest. */
class InListTest {

    @ParameterizedTest
    @CsvSource({ "1, 1", "2, 2", "3, 4", "4, 4", "5, 8", "50, 64", "64, 64", "65, 128", "500, 512" })
    void itsLengthIsTheNextPowerOfTwo(int values, int length) {
        InList in = InList.of("id", LongStream.rangeClosed(1, values).boxed().toList());
        assertEquals(length, in.length());
        assertEquals(length, in.params().size());
        assertEquals(length, in.sql().split(",").length);
    }

    @Test
    void theLastValueFillsTheParametersBeyondTheValues() {
        InList in = InList.of("id", List.of(7L, 8L, 9L));
        assertEquals("(:id0, :id1, :id2, :id3)", in.sql());
        assertEquals(Map.of("id0", 7L, "id1", 8L, "id2", 9L, "id3", 9L), in.params());
    }

    @Test
    void oneValueIsOneParameter() {
        assertEquals("(:code0)", InList.of("code", List.of("330782")).sql());
    }

    @Test
    void noValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InList.of("id", List.of()));
    }
}
