package org.tandem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary's arithmetic over ordered lists of scores, as blocks of pairs are added up, and when its stale blocks
 * are read by reading every pair: no Quarkus needed.
 */
class ProgramSummaryArithmeticTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("", "", null),
                Arguments.of("70.5", "", "70.50"),
                Arguments.of("", "60 80", "70.00"),
                Arguments.of("1 3 5", "2 4", "3.00"),
                Arguments.of("10 10", "10", "10.00"),
                Arguments.of("50.125", "50.13", "50.13"),
                Arguments.of("85.12", "85.13", "85.13"),
                Arguments.of("-5 0 5", "100", "2.50"));
    }

    /** Merging two ordered lists gives the same list as sorting both together, and the median of it. */
    @ParameterizedTest
    @MethodSource("lists")
    void mergedListsAreOrderedAndTheirMedianIsTheMiddle(String one, String other, String median) {
        List<BigDecimal> a = decimals(one);
        List<BigDecimal> b = decimals(other);
        List<BigDecimal> merged = ProgramSummaries.merged(a, b);
        List<BigDecimal> sorted = new ArrayList<>(a);
        sorted.addAll(b);
        Collections.sort(sorted);
        assertEquals(sorted, merged);
        assertEquals(median, merged.isEmpty() ? null : ProgramSummaries.median(merged).toPlainString());
        // Neither input is changed.
        assertEquals(decimals(one), a);
        assertEquals(decimals(other), b);
    }

    /** Stale pairs are listed up to two thirds of the summary's pairs, and never more than 4,096 of them. */
    @ParameterizedTest
    @CsvSource({ "1, 2000, false", "16, 2000, false", "1333, 2000, false", "1334, 2000, true", "2000, 2000, true",
            "2, 3, false", "3, 3, true", "4096, 20000, false", "4097, 20000, true", "13000, 20000, true" })
    void staleBlocksAreListedUpToTwoThirdsOfThePairsAndAtMost4096(int stale, int pairs, boolean every) {
        assertEquals(every, SummaryBlocks.readsEvery(stale, pairs));
    }

    private static List<BigDecimal> decimals(String values) {
        return values.isBlank() ? List.of() : Arrays.stream(values.split(" ")).map(BigDecimal::new).toList();
    }
}
