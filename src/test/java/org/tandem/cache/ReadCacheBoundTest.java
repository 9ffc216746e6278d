package org.tandem.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.web.PageOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The read cache keeps at most its bound in items, a page counting its items; no Quarkus needed. */
class ReadCacheBoundTest {

    private static ReadCache cache(long maxItems) {
        ReadCache cache = new ReadCache(maxItems);
        cache.data = new DataVersion();
        cache.data.others = new ChangeListener();
        cache.metrics = new ReadCacheMetrics(new SimpleMeterRegistry());
        return cache;
    }

    private static PageOf<Integer> page(int items) {
        return new PageOf<>(Collections.nCopies(items, 1), 0, Math.max(items, 1), items);
    }

    @ParameterizedTest(name = "bound {0}: a page of {1} is kept: {2}")
    @CsvSource({
            "100, 10, true",
            "100, 98, true", // 98 items + 1 for the result itself = 99
            "100, 99, true", // exactly 100
            "100, 100, false", // 101: over the bound, let go at once
            "1000, 500, true",
    })
    void aPageWeighsItsItems(long bound, int items, boolean kept) {
        ReadCache cache = cache(bound);
        PageOf<Integer> value = page(items);
        assertEquals(value, cache.get("page", () -> value));
        if (kept) {
            assertEquals(value, cache.kept("page"));
        } else {
            assertNull(cache.kept("page"));
        }
    }

    @ParameterizedTest(name = "bound {0}: {1} single results, {2} kept at most")
    @CsvSource({ "10, 5, 5", "10, 20, 10", "1, 3, 1" })
    void singleResultsWeighOneEach(long bound, int results, int keptAtMost) {
        ReadCache cache = cache(bound);
        for (int i = 0; i < results; i++) {
            String value = "result " + i;
            cache.get("key " + i, () -> value);
        }
        long kept = java.util.stream.IntStream.range(0, results).filter(i -> cache.kept("key " + i) != null).count();
        assertEquals(Math.min(results, keptAtMost), kept);
    }

    @ParameterizedTest(name = "a change lets {0} kept results go")
    @CsvSource({ "1", "5" })
    void aChangeLetsEveryKeptResultGo(int results) {
        ReadCache cache = cache(100);
        for (int i = 0; i < results; i++) {
            String value = "result " + i;
            cache.get("key " + i, () -> value);
        }
        cache.data.changed();
        for (int i = 0; i < results; i++) {
            assertNull(cache.kept("key " + i));
        }
        assertEquals(List.of("fresh"), cache.get("key 0", () -> List.of("fresh")));
    }
}
