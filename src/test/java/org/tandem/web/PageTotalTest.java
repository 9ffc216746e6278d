package org.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PageRequest#total(int, java.util.function.LongSupplier)}: a page read by offset that is neither full nor
 * past the end tells the list's total; every other page counts it (the count here says 1000, so a counted total
 * shows); an export's batches (uncounted) never count.
 */
class PageTotalTest {

    @ParameterizedTest(name = "page {0} of size {1} with {2} items, after {3}, uncounted {4}: total {5}, counted {6}")
    @CsvSource(nullValues = "-", value = {
            // page, size, items on it, after, uncounted, total, counted
            "0, 50, 0, -, false, 0, false", // an empty list
            "0, 50, 7, -, false, 7, false", // the whole list on the first page
            "2, 10, 3, -, false, 23, false", // the last page
            "0, 50, 50, -, false, 1000, true", // a full page: more may follow
            "3, 10, 10, -, false, 1000, true",
            "5, 10, 0, -, false, 1000, true", // past the end: the list may be longer than page 0
            "0, 50, 7, 42, false, 1000, true", // read after a keyset, not by offset
            "0, 50, 7, -, true, -1, false", // an export's batch
            "0, 50, 50, -, true, -1, false" })
    void aPageThatIsTheListsLastTellsTheTotal(int page, int size, int items, Long after, boolean uncounted,
            long total, boolean counted) {
        PageRequest paging = new PageRequest();
        paging.page = page;
        paging.size = size;
        paging.after = after;
        paging.uncounted = uncounted;
        AtomicInteger counts = new AtomicInteger();
        assertEquals(total, paging.total(items, () -> {
            counts.incrementAndGet();
            return 1000;
        }));
        assertEquals(counted ? 1 : 0, counts.get());
    }
}
