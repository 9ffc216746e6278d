package org.tandem.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Requests that miss the same read at the same data version read it once between them; no Quarkus needed. */
class ReadCacheSingleFlightTest {

    private final ReadCache cache = new ReadCache(1000);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger reads = new AtomicInteger();

    ReadCacheSingleFlightTest() {
        cache.data = new DataVersion();
        cache.data.others = new ChangeListener();
        cache.metrics = new ReadCacheMetrics(new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    /** A read that counts itself and holds until released. */
    private Supplier<String> heldRead() {
        return () -> {
            int n = reads.incrementAndGet();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "read " + n;
        };
    }

    /** Starts {@code get} on a thread of its own and waits until that thread waits (for the flight, or in its read). */
    private Future<String> started(Supplier<String> read) throws InterruptedException {
        Thread[] runner = new Thread[1];
        CountDownLatch running = new CountDownLatch(1);
        Future<String> result = threads.submit(() -> {
            runner[0] = Thread.currentThread();
            running.countDown();
            return cache.get("page", read);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner[0].getState() == Thread.State.RUNNABLE && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        return result;
    }

    @Test
    void waitersAtTheSameVersionShareOneRead() throws Exception {
        Future<String> first = started(heldRead());
        Future<String> second = started(heldRead());
        release.countDown();
        assertEquals("read 1", first.get(10, TimeUnit.SECONDS));
        assertSame(first.get(), second.get(10, TimeUnit.SECONDS));
        assertEquals(1, reads.get());
    }

    @Test
    void aRequestAfterAChangeReadsAgain() throws Exception {
        Future<String> before = started(heldRead());
        cache.data.changed();
        Future<String> after = started(heldRead());
        release.countDown();
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        assertEquals(2, reads.get());
        // What is kept is what the request after the change read.
        assertEquals(after.get(), cache.kept("page"));
    }

    @Test
    void requestsAfterAChangeShareTheOneReadThatFollowsTheReadUnderWay() throws Exception {
        Future<String> before = started(heldRead());
        cache.data.changed();
        Future<String> after = started(heldRead());
        Future<String> alsoAfter = started(heldRead());
        // Neither began a read of its own while the first was under way.
        assertEquals(1, reads.get());
        release.countDown();
        assertEquals("read 1", before.get(10, TimeUnit.SECONDS));
        assertEquals("read 2", after.get(10, TimeUnit.SECONDS));
        assertSame(after.get(), alsoAfter.get(10, TimeUnit.SECONDS));
        assertEquals(2, reads.get());
        assertEquals(after.get(), cache.kept("page"));
        // And a request after yet another change reads again.
        cache.data.changed();
        assertEquals("read 3", cache.get("page", heldRead()));
    }

    @Test
    void theReadThatFollowsOneThatFailedStillReads() throws Exception {
        IllegalArgumentException failure = new IllegalArgumentException("not yet");
        Future<String> before = started(() -> {
            heldRead().get();
            throw failure;
        });
        cache.data.changed();
        Future<String> after = started(heldRead());
        release.countDown();
        assertSame(failure, assertThrows(ExecutionException.class, () -> before.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals("read 2", after.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theReadsFailureIsEveryWaitersFailure() throws Exception {
        IllegalArgumentException failure = new IllegalArgumentException("no such page");
        Supplier<String> failing = () -> {
            heldRead().get();
            throw failure;
        };
        Future<String> first = started(failing);
        Future<String> second = started(failing);
        release.countDown();
        assertSame(failure, assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS)).getCause());
        assertSame(failure, assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals(1, reads.get());
        // Nothing is kept of a failed read: the next request reads again.
        assertEquals("fresh", cache.get("page", () -> "fresh"));
    }
}
