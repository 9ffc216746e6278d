package org.tandem.cache;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.tandem.web.Versions;
import org.tandem.web.Weighed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/**
 * Results of reads, kept until any data changes ({@link DataVersion}). The hot reads (lists, the ranking,
 * progress, assessment details) are computed once per change instead of once per request; a write makes
 * every kept result stale at once, in this instance at its commit and in others as soon as they hear of it.
 * <p>
 * A request's read is named by its path and query and by the caller's rights (roles and county): callers with
 * the same rights share kept results, callers with different rights never do, so a read whose answer depends on
 * them is kept apart for each. Reads are asked for from resource methods, after authentication and the role
 * checks have run for the request; nothing is answered from here before.
 */
@ApplicationScoped
public class ReadCache {

    /**
     * The identity attribute that names a county editor's county. The security layer sets it
     * ({@code CurrentUserAugmentor.COUNTY} is this constant); it is defined here, below security, because the cache keys by it.
     */
    public static final String COUNTY = "county";
    /** The identity attribute that holds {@link #rights(Set, String)} of the identity's roles and county. */
    public static final String RIGHTS = "tandem.rights";

    /** A result read from version {@code since} on, fresh while none of the scopes it depends on (null: any) changes. */
    private record Kept(long since, Set<String> dependsOn, Object value) {
    }

    /** The scopes the read running on this thread has declared it depends on ({@link #dependsOn}). */
    private static final class Dependencies {
        Set<String> scopes;
    }

    private static final ThreadLocal<Dependencies> READING = new ThreadLocal<>();

    /** A read of a name under way from version {@code since}, and its result to come. */
    private record Flight(long since, CompletableFuture<Object> result) {
    }

    /**
     * The reads of a name under way: the one running, and the one that follows it, if a request came after a change
     * the running one does not show. Requests that miss a name wait for the running read if it began at their
     * version or later, else for the next one, which begins when the running one ends: after a write the first
     * request of a page reads it and the others share it, and while writes keep coming one read of the page runs at
     * a time, each showing every change made before it began (and so before its waiters asked), instead of one read
     * per write all at once, each slower for the others.
     */
    private record Line(Flight running, CompletableFuture<Object> next) {
    }

    /** Reads under way, by name. */
    private final ConcurrentHashMap<String, Line> flights = new ConcurrentHashMap<>();

    /**
     * A kept result's JSON and its tag, once written: the same result is written the same way every time. Once
     * the REST layer has sent it as a plain 200 to a GET ({@link HttpCaching}), also how it was sent, so that
     * {@link KeptReadRoute} can send it again the same way.
     */
    static final class Written {
        volatile Versions.Tagged json;
        volatile Sent sent;
    }

    /**
     * How a kept result was sent: its content type, the route template the request matched (for metrics), and the
     * request's {@code Accept} (or null).
     */
    record Sent(Versions.Tagged json, String contentType, String routeTemplate, String accept) {
    }

    @Inject
    DataVersion data;
    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    TransactionManager transactions;
    @Inject
    Session session;
    @Inject
    ReadCacheMetrics metrics;

    private final Cache<String, Kept> kept;
    /** By the kept result itself (identity, weakly): its JSON and tag, for {@link HttpCaching}. */
    private final Cache<Object, Written> written;

    /**
     * @param maxItems what the cache keeps at most, in items: a page counts its items ({@link Weighed}), any
     *        other result one. A few hundred bytes to a kilobyte each, with their JSON.
     */
    ReadCache(@ConfigProperty(name = "tandem.read-cache.max-items", defaultValue = "100000") long maxItems) {
        // Evictions run on the calling thread: they are cheap, and the bound holds when put returns.
        kept = Caffeine.newBuilder().maximumWeight(maxItems).weigher(ReadCache::weight).executor(Runnable::run)
                .build();
        written = Caffeine.newBuilder().weakKeys().build();
    }

    private static int weight(String key, Kept kept) {
        return 1 + (kept.value() instanceof Weighed weighed ? weighed.keptWeight() : 0);
    }

    /**
     * The result of this request's read (named by its path and query and the caller's rights), for an endpoint
     * that runs on the I/O thread ({@code @NonBlocking}): kept, it is answered there and then, without the hop to a
     * worker thread a blocking endpoint costs; otherwise {@code read} runs on a worker thread, where it may use the
     * database.
     */
    public <T> Uni<T> async(Supplier<T> read) {
        String key = keyOf(request.uri(), identity);
        ReadCacheMetrics.Meters meters = metrics.ofRequest();
        T found = keptOnly(key);
        if (found != null) {
            meters.hits().increment();
            return Uni.createFrom().item(found);
        }
        return Uni.createFrom().item(() -> inOwnTransaction(() -> get(key, read, meters)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Runs a read on the worker thread in a transaction of its own. Its Hibernate session then belongs to that
     * transaction and is closed, and its connection returned to the pool, when the read ends on this thread, whatever
     * the request does meanwhile. Without it the read used the request's session, which is closed when the request
     * ends: a client that gave up while its read was running had the session closed under the query, and the
     * connection never went back to the pool.
     * <p>
     * A read writes nothing: its session loads entities read-only (no snapshots kept for dirty checks) and is never
     * flushed, and the transaction commits. It used to roll back instead, but a rollback also empties the
     * connection's cache of prepared statements in H2 ({@code QUERY_CACHE_SIZE}), so every read had its SQL parsed
     * and planned again; a join of seven tables took longer to plan than to run.
     */
    private <T> T inOwnTransaction(Supplier<T> read) {
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("could not begin a read's transaction", e);
        }
        boolean ended = false;
        try {
            session.setHibernateFlushMode(FlushMode.MANUAL);
            session.setDefaultReadOnly(true);
            T value = read.get();
            ended = true;
            transactions.commit();
            return value;
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new IllegalStateException("could not end a read's transaction", e);
        } finally {
            if (!ended) {
                try {
                    transactions.rollback();
                } catch (SystemException e) {
                    throw new IllegalStateException("could not end a read's transaction", e);
                }
            }
        }
    }

    /** The name of the read a GET of {@code uri} by {@code caller} asks for. */
    static String keyOf(String uri, SecurityIdentity caller) {
        return "GET " + uri + " " + rights(caller);
    }

    /**
     * How the result of the read named {@code key} was sent as a plain 200, if it is kept since the last change
     * and has been sent so; else null. Never reads.
     */
    Sent sent(String key) {
        Object value = keptOnly(key);
        Written written = value == null ? null : writtenOf(value);
        return written == null ? null : written.sent;
    }

    /** The result of the read named {@code key}, computed by {@code read} unless kept and fresh. */
    public <T> T get(String key, Supplier<T> read) {
        return get(key, read, metrics.other());
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String key, Supplier<T> read, ReadCacheMetrics.Meters meters) {
        // The version is taken before reading: if data changes while the read runs, what it read is kept
        // from the old version on and never served.
        long since = data.current();
        if (since == DataVersion.UNKNOWN) {
            meters.misses().increment();
            return read.get();
        }
        Kept found = kept.getIfPresent(key);
        if (found != null && data.unchangedSince(found.since(), found.dependsOn())) {
            meters.hits().increment();
            return (T) found.value();
        }
        meters.misses().increment();
        Flight mine = new Flight(since, new CompletableFuture<>());
        CompletableFuture<Object> next = new CompletableFuture<>();
        Line line = flights.compute(key, (name, under) -> {
            if (under == null) {
                return new Line(mine, null);
            }
            // A read that began at this version or later shows every change this request must see.
            return under.running().since() >= since || under.next() != null ? under : new Line(under.running(), next);
        });
        if (line.running() == mine) {
            return (T) run(key, mine, read);
        }
        if (line.next() != next) {
            return (T) awaited(line.running().since() >= since ? line.running().result() : line.next());
        }
        // This request's read follows the one running: it begins when that one ends, for all who wait for it.
        try {
            line.running().result().join();
        } catch (CompletionException | CancellationException e) {
            // Its failure is its own waiters'.
        }
        // Its version is taken as it becomes the running read: a request after a later change reads again.
        Flight[] following = new Flight[1];
        flights.compute(key, (name, under) -> new Line(following[0] = new Flight(data.current(), next), null));
        Kept fresh = kept.getIfPresent(key);
        if (following[0].since() != DataVersion.UNKNOWN && fresh != null
                && data.unchangedSince(fresh.since(), fresh.dependsOn())) {
            // The read that ended kept what is still fresh: nothing changed in what it depends on.
            flights.computeIfPresent(key, (name, under) -> under.running() == following[0] ? null : under);
            next.complete(fresh.value());
            return (T) fresh.value();
        }
        return (T) run(key, following[0], read);
    }

    /** Runs {@code flight}'s read, for it and its waiters. */
    private Object run(String key, Flight flight, Supplier<?> read) {
        try {
            Object value = readAndKeep(key, flight.since(), read);
            flight.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            flight.result().completeExceptionally(e);
            throw e;
        } finally {
            // A read to follow keeps the line: its request makes it the running one.
            flights.computeIfPresent(key, (name, under) -> under.running() == flight && under.next() == null ? null
                    : under);
        }
    }

    /** The result of a read under way, once it ends: its value, or the same failure as the request that read. */
    private static Object awaited(CompletableFuture<Object> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            // A 404 is a 404 for all who asked at once.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private <T> T readAndKeep(String key, long since, Supplier<T> read) {
        Dependencies outer = READING.get();
        Dependencies dependencies = new Dependencies();
        READING.set(dependencies);
        T value;
        try {
            value = read.get();
        } finally {
            READING.set(outer);
        }
        // A read that began before a later one's, and ends after it, does not replace what that one kept.
        Kept mine = new Kept(since, dependencies.scopes, value);
        kept.asMap().merge(key, mine, (held, fresh) -> held.since() > fresh.since() ? held : fresh);
        if (value != null) {
            written.put(value, new Written());
        }
        return value;
    }

    /**
     * Declares that the read running on this thread depends on these scopes of data ({@link ScopedData}) and on
     * reference data, and on nothing else: it stays kept while a change of other scopes is committed. A read that
     * declares nothing depends on any change. May be called more than once: the scopes add up. Outside a read,
     * does nothing.
     */
    public static void dependsOn(String... scopes) {
        Dependencies dependencies = READING.get();
        if (dependencies == null) {
            return;
        }
        if (dependencies.scopes == null) {
            dependencies.scopes = new HashSet<>();
        }
        dependencies.scopes.addAll(Arrays.asList(scopes));
    }

    /**
     * The result of the read named {@code key} if it is kept and fresh, else null; never reads. Counted as a hit
     * when found; when not, the {@link #get} that follows counts the miss.
     */
    public <T> T kept(String key) {
        T found = keptOnly(key);
        if (found != null) {
            metrics.other().hits().increment();
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private <T> T keptOnly(String key) {
        Kept found = kept.getIfPresent(key);
        return found != null && data.unchangedSince(found.since(), found.dependsOn()) ? (T) found.value() : null;
    }

    /**
     * What of the caller a read's answer or its permission may depend on: the roles and the county a county editor
     * is bound to ({@code CurrentUserAugmentor.COUNTY}). Not the name: callers with the same rights share results.
     */
    static String rights(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return identity.getAttribute(RIGHTS) instanceof String rights ? rights
                : rights(identity.getRoles(), identity.getAttribute(COUNTY));
    }

    /**
     * The rights of a caller with these roles and county, as the cache keys by them; the security layer may put
     * them on an identity it builds, as the attribute {@link #RIGHTS}, so that they are not worked out again on
     * every request. They must be those of the identity's own roles and county.
     */
    public static String rights(Set<String> roles, String county) {
        return new TreeSet<>(roles) + " county=" + county;
    }

    /** Where the JSON of {@code value} is (or will be) kept, or null when {@code value} is not a kept result. */
    Written writtenOf(Object value) {
        return value == null ? null : written.getIfPresent(value);
    }
}
